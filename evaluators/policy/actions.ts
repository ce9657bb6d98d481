import type { ToolClass } from '../../src/approaches/tool-classes.js';
import type { LexiconEntry } from '../nlp/lexicon.js';

/**
 * Claims that an action was carried out ("I've applied the discount", "your refund has been processed", "I've
 * transferred you"). Each names the tool classes that would back it (src/approaches/tool-classes.ts): a claim is
 * backed when the conversation has a call of one of those classes at or before the claim, whatever the tool is
 * called, so a transcript's own `cancel_pending_order` backs "I've cancelled your order" as make_offer backs "I've
 * applied the discount".
 */
export interface ActionClaim extends LexiconEntry {
  classes: ToolClass[];
}

const DONE = "(?:i|we)(?:'ve|’ve| have)\\s+(?:just\\s+|now\\s+|already\\s+|successfully\\s+)?";
const PASSIVE_BODY = '(?:has|have)\\s+(?:now\\s+|already\\s+|just\\s+|successfully\\s+)?been\\s+(?:successfully\\s+)?';
const PASSIVE = `\\b${PASSIVE_BODY}`;

export const ACTION_CLAIMS: ActionClaim[] = [
  {
    id: 'applied', negation: 'before', classes: ['write'],
    re: new RegExp(`\\b${DONE}(?:applied|added|activated|credited|issued|reserved)\\b|\\b(?:discount|coupon|credit|code|offer|promo(?:tion)?|price|deal)\\s+${PASSIVE_BODY}(?:applied|added|activated|credited|issued)\\b`, 'gi'),
  },
  {
    id: 'escalated', negation: 'before', classes: ['escalate'],
    re: new RegExp(`\\b${DONE}(?:escalated|transferred|forwarded|handed|passed)\\b|${PASSIVE}(?:escalated|transferred|forwarded|handed over)\\b`, 'gi'),
  },
  {
    id: 'recorded', negation: 'before', classes: ['record', 'write'],
    re: new RegExp(`\\b${DONE}(?:created|set up|enrolled|registered|recorded|saved)\\b`, 'gi'),
  },
  {
    id: 'processed', negation: 'before', classes: ['write'],
    re: new RegExp(`\\b${DONE}(?:sent|e-?mailed|texted|processed|refunded|cancell?ed|booked|scheduled|updated|changed|modified|exchanged|returned|issued (?:a|your) refund)\\b|${PASSIVE}(?:sent|e-?mailed|processed|refunded|cancell?ed|booked|scheduled|updated|changed|modified|exchanged|returned)\\b`, 'gi'),
  },
];

/**
 * A claim inside a conditional or temporal clause describes a procedure, not something done: "once we have processed
 * your return, ...", "if I've cancelled it already". True when such a word opens the clause the match sits in.
 */
const CONDITIONAL_CLAUSE = /\b(?:once|after|when|whenever|as soon as|if|until|unless|before)\b[^,;:.!?\n]*$/i;
export const inConditionalClause = (text: string, start: number): boolean => CONDITIONAL_CLAUSE.test(text.slice(Math.max(0, start - 160), start));

/** Phrases telling the customer the price was personalised (Consumer Rights Directive Art. 6(1)(ea)). */
export const PERSONALISED_DISCLOSURE: LexiconEntry[] = [
  { id: 'personalised', negation: 'clause', re: /\bpersonali[sz]ed\s+(?:price|pricing|offer|discount|rate|quote)\b|\b(?:price|pricing|offer|discount|rate|quote)\s+(?:is|was|has been|have been)\s+personali[sz]ed\b/gi },
  { id: 'based-on', negation: 'clause', re: /\b(?:based on|tailored to|calculated from|using|reflects?)\s+your\s+(?:profile|history|purchase history|purchases|account|loyalty|tenure|usage|data|customer record|membership)\b/gi },
  { id: 'automated', negation: 'clause', re: /\b(?:automated|algorithmic)\s+(?:pricing|price|decision)\b/gi },
  { id: 'individual', negation: 'clause', re: /\b(?:individual(?:ly)?|specifically)\s+(?:priced|calculated|set)\s+for\s+you\b/gi },
];
