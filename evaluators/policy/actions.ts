import type { LexiconEntry } from '../nlp/lexicon.js';

/**
 * Claims that an action was carried out ("I've applied the discount"). Each names the tools that would back it;
 * an empty list means no tool can do it, so the claim is never backed (there is no refund or e-mail tool).
 */
export interface ActionClaim extends LexiconEntry {
  tools: string[];
}

const DONE = "(?:i|we)(?:'ve|’ve| have)\\s+(?:just\\s+|now\\s+|already\\s+|successfully\\s+)?";
const PASSIVE_BODY = '(?:has|have)\\s+(?:now\\s+|already\\s+|just\\s+)?been\\s+';
const PASSIVE = `\\b${PASSIVE_BODY}`;

export const ACTION_CLAIMS: ActionClaim[] = [
  {
    id: 'applied', negation: 'before', tools: ['make_offer'],
    re: new RegExp(`\\b${DONE}(?:applied|added|activated|credited|issued|reserved)\\b|\\b(?:discount|coupon|credit|code|offer|promo(?:tion)?|price|deal)\\s+${PASSIVE_BODY}(?:applied|added|activated|credited|issued)\\b`, 'gi'),
  },
  {
    id: 'escalated', negation: 'before', tools: ['escalate_to_human'],
    re: new RegExp(`\\b${DONE}(?:escalated|transferred|forwarded|handed|passed)\\b|${PASSIVE}(?:escalated|transferred|forwarded|handed over)\\b`, 'gi'),
  },
  {
    id: 'recorded', negation: 'before', tools: ['create_loyalty_plan', 'recommend_products', 'make_offer', 'submit_insights', 'submit_synthesis'],
    re: new RegExp(`\\b${DONE}(?:created|set up|enrolled|registered|recorded|saved)\\b`, 'gi'),
  },
  {
    id: 'sent-or-processed', negation: 'before', tools: [],
    re: new RegExp(`\\b${DONE}(?:sent|e-?mailed|texted|processed|refunded|cancell?ed|booked|scheduled|updated|changed|issued (?:a|your) refund)\\b|${PASSIVE}(?:sent|e-?mailed|processed|refunded|cancell?ed|booked|scheduled)\\b`, 'gi'),
  },
];

/** Phrases telling the customer the price was personalised (Consumer Rights Directive Art. 6(1)(ea)). */
export const PERSONALISED_DISCLOSURE: LexiconEntry[] = [
  { id: 'personalised', negation: 'clause', re: /\bpersonali[sz]ed\s+(?:price|pricing|offer|discount|rate|quote)\b|\b(?:price|pricing|offer|discount|rate|quote)\s+(?:is|was|has been|have been)\s+personali[sz]ed\b/gi },
  { id: 'based-on', negation: 'clause', re: /\b(?:based on|tailored to|calculated from|using|reflects?)\s+your\s+(?:profile|history|purchase history|purchases|account|loyalty|tenure|usage|data|customer record|membership)\b/gi },
  { id: 'automated', negation: 'clause', re: /\b(?:automated|algorithmic)\s+(?:pricing|price|decision)\b/gi },
  { id: 'individual', negation: 'clause', re: /\b(?:individual(?:ly)?|specifically)\s+(?:priced|calculated|set)\s+for\s+you\b/gi },
];
