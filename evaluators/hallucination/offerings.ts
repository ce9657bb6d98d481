import { escapeRe, overlaps, type Hit } from '../nlp/patterns.js';
import { NOT_NAME_WORDS, OFFERING_HEADS } from './lexicon.js';

/**
 * Names of offerings (products, plans, programmes, tiers, perks) in an agent turn. Two shapes:
 *
 * * a capitalised name before a head noun: "Platinum Shield Plus plan", "Gold tier", "Voltmart Plus members";
 * * a run of two or more capitalised words that is not the start of a sentence's ordinary words, a calendar word,
 *   the agent's own name or a team: "Diamond Assist", "FlexiCover Max", "Loyalty Plus+".
 *
 * Whether the name is in the material is decided by the checker; here only the shape is read.
 */

/** Head nouns in lower case or capitalised ("plan", "Plan"). */
const HEADS = OFFERING_HEADS.map((h) => `[${h[0]}${h[0]!.toUpperCase()}]${escapeRe(h.slice(1))}`).join('|');
const CAP = "(?:[A-Z][A-Za-z0-9'+&-]*|(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,}\\+?)";
/** Small words inside a name: "Driftbox for Good", "Fish & Chips Club". */
const JOIN = '(?:(?:for|of|and|&|de|at)(?:[ \\t]+the)?[ \\t]+)?';
/** A number may stand before the head: "Fibre 100 plan". */
const HEADED = new RegExp(`\\b((?:${CAP}[ \\t]+${JOIN}){0,4}${CAP}(?:[ \\t]+\\d+[A-Za-z]*)?)[ \\t]+(${HEADS})\\b`, 'g');
const RUN = new RegExp(`\\b${CAP}(?:[ \\t]+${JOIN}${CAP}){1,4}`, 'g');
/** Heads that in lower case mostly name no offering: "a team member", "our refund policy", "your bank card". */
const NOT_LOWER_HEADS = new Set(['member', 'members', 'status', 'offer', 'deal', 'sale', 'credit', 'policy', 'account', 'card', 'promise', 'benefit', 'benefits']);
/** A lower-case offering after a determiner: "our movers' pass", "the extended version history add-on". */
const LOWER = new RegExp(`\\b(?:[Oo]ur|[Tt]he|[Aa]n?|[Yy]our|[Tt]his|[Tt]hat)[ \\t]+((?:[a-z0-9][a-z0-9'’/-]*[ \\t]+){1,3})(${OFFERING_HEADS.filter((h) => !NOT_LOWER_HEADS.has(h)).map(escapeRe).join('|')})\\b`, 'g');
/** Modifiers that describe rather than name ("your current plan", "a cheaper plan", "the right bundle"). */
const DESCRIPTIVE = new Set([
  'current', 'existing', 'same', 'other', 'whole', 'entire', 'full', 'usual', 'right', 'best', 'perfect', 'great', 'good', 'ideal', 'cheapest',
  'cheaper', 'bigger', 'smaller', 'larger', 'better', 'different', 'more', 'most', 'new', 'old', 'previous', 'next', 'first', 'last', 'whole',
  'little', 'small', 'big', 'nice', 'special', 'exclusive', 'standard', 'regular', 'normal', 'own', 'particular', 'specific', 'suitable', 'one',
  'that', 'this', 'these', 'those', 'such', 'any', 'every', 'each', 'same', 'original', 'free', 'paid', 'annual', 'monthly', 'yearly', 'weekly',
]);

/** Words that make "a … program" the agent's description of itself. */
const SELF_KIND = new Set(['computer', 'software', 'automated', 'virtual', 'digital', 'ai', 'chat', 'chatbot', 'language', 'machine', 'trained', 'bot']);

const CALENDAR = /^(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?s?$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/i;
/** Words that make a capitalised run something other than an offering: greetings, sign-offs, teams, the AI itself. */
const NOT_OFFERING = new Set([
  'regards', 'thanks', 'thank', 'best', 'kind', 'warm', 'cheers', 'sincerely', 'team', 'department', 'desk', 'centre', 'center', 'ai', 'faq', 'faqs',
  'ok', 'okay', 'i', "i'm", 'im', 'usd', 'eur', 'gbp', 'pm', 'am', 'est', 'gmt', 'utc', 'settings', 'menu', 'page', 'tab', 'button', 'app', 'website',
]);
const SELF_NAME_BEFORE = /\b(?:i'm|i am|my name is|this is|name's|it's|speaking with|talking to)\s*$/i;
/** A place or a team: "from New York", "to Los Angeles", "in San Diego", "Sam from Customer Care". */
const PLACE_BEFORE = /\b(?:from|to|in|at|via|near|between|and|towards|into|out of)\s*$/i;
/** ... unless a verb makes the preposition take an offering: "benefit from", "upgrade to", "look at", "enrol in". */
const OFFER_VERB_BEFORE = /\b(?:benefit(?:ing|s)?|look(?:ing)?|upgrad(?:e|ing)|switch(?:ing)?|mov(?:e|ing)(?: you)?|subscrib(?:e|ing)|sign(?:ed|ing)? (?:you )?up|enrol(?:l|led|ling)?|join(?:ing)?|add(?:ed|ing)?(?: you)?|opt(?:ing)?|interested|access|included|eligible|qualif(?:y|ies|ied)|put you|covered|save)\s+(?:\w+\s+)?(?:from|to|in|at|into|onto|for)\s*$/i;
/** Words before or after a capitalised run that make it a person or a place, not an offering. */
const PERSON_BEFORE = /\b(?:colleague|manager|specialist|adviser|advisor|agent|engineer|technician|supervisor|rep|representative|dr\.?|mr\.?|mrs\.?|ms\.?)\s+$/i;
const PERSON_AFTER = /^,?\s+(?:will (?:call|contact|ring|email|phone|be in touch|get back|reach out|look)|from (?:our|the) [a-z]+ (?:team|department)|(?:is|was) (?:our|your|the) [a-z ]{0,20}(?:manager|adviser|advisor|specialist|engineer|technician|agent))/i;
const PLACE_AFTER = /^\s+(?:store|branch|office|location|depot|hub|warehouse|airport|station|hospital|clinic|showroom|outlet|shop|terminal|port)s?\b/i;

/** Words of headings, labels and forms that are capitalised without naming an offering ("Order Details:", "Next Steps"). */
const FORM_WORDS = new Set([
  'order', 'orders', 'details', 'detail', 'refund', 'amount', 'status', 'number', 'date', 'item', 'items', 'price', 'prices', 'total', 'payment',
  'method', 'shipping', 'address', 'next', 'steps', 'step', 'summary', 'account', 'information', 'info', 'return', 'returns', 'exchange', 'instructions',
  'request', 'confirmation', 'tracking', 'delivery', 'reservation', 'flight', 'flights', 'booking', 'customer', 'support', 'service', 'contact',
  'name', 'email', 'phone', 'id', 'reference', 'product', 'products', 'type', 'quantity', 'subtotal', 'tax', 'balance', 'new', 'current', 'old',
  'original', 'updated', 'estimated', 'expected', 'arrival', 'departure', 'time', 'cabin', 'class', 'passenger', 'passengers', 'seat', 'seats',
  'option', 'options', 'note', 'important', 'reason', 'issue', 'user', 'profile', 'card', 'credit', 'debit', 'gift', 'cost', 'fee', 'fees', 'and',
  // Parts of a website or an app, and ways to reach people: "Live Chat", "Contact Us", "Help Centre", "My Account".
  'live', 'chat', 'us', 'help', 'privacy', 'terms', 'conditions', 'cookie', 'cookies', 'portal', 'log', 'login', 'sign', 'in', 'out', 'up', 'my',
  'home', 'page', 'app', 'website', 'online', 'cart', 'basket', 'checkout', 'wishlist', 'history', 'notifications', 'preferences', 'billing',
  'security', 'password', 'settings', 'dashboard', 'inbox', 'messages', 'feedback', 'about', 'centre', 'center', 'faq', 'faqs', 'policy',
  'policies', 'tech', 'technical', 'sales', 'claims', 'care', 'services', 'helpline', 'hotline', 'line',
]);
/** Heads that after form words only name a page or a document, not an offering: "Privacy Policy", "Account Status". */
const FORM_HEADS = new Set(['policy', 'account', 'card', 'status']);

export type OfferingHit = Hit & { name: string; headed: boolean; lower?: boolean };

export function offeringHits(text: string): OfferingHit[] {
  const out: OfferingHit[] = [];
  const opensSentence = (start: number): boolean => /(?:^|[.!?:\n]\s*|^\s*[-*•]\s*)$/.test(text.slice(0, start));
  for (const m of text.matchAll(HEADED)) {
    const words = (m[1] ?? '').split(/\s+/);
    while (words.length && NOT_NAME_WORDS.has(words[0]!.toLowerCase())) words.shift();
    if (words.length === 0 || words.some((w) => /['’]/.test(w))) continue;
    if (FORM_HEADS.has((m[2] ?? '').toLowerCase()) && words.every((w) => FORM_WORDS.has(w.toLowerCase()))) continue;
    const name = `${words.join(' ')} ${m[2]}`;
    const start = m.index + m[0].length - name.length;
    // One capitalised word opening a sentence is just the sentence's first word ("Switching plans", "Gold members").
    if (words.length === 1 && opensSentence(start) && !/[A-Z].*[A-Z]|\d/.test(words[0]!)) continue;
    out.push({ start, end: m.index + m[0].length, raw: name, name, headed: true });
  }
  for (const m of text.matchAll(RUN)) {
    const words = m[0].split(/[ \t]+/);
    let start = m.index;
    // A sentence's first word is capitalised anyway; so are "Our", "The", "Hi".
    while (words.length && (NOT_NAME_WORDS.has(words[0]!.toLowerCase()) || (start === m.index && opensSentence(start) && words.length > 2 && !/[A-Z].*[A-Z]|\d|\+/.test(words[0]!)))) {
      start += words[0]!.length + (text.slice(start + words[0]!.length).match(/^[ \t]+/)?.[0].length ?? 0);
      words.shift();
    }
    const caps = words.filter((w) => /^[A-Z0-9]/.test(w));
    if (caps.length < 2 || words.some((w) => CALENDAR.test(w) || NOT_OFFERING.has(w.toLowerCase().replace(/[+]+$/, '')) || /['’]/.test(w))) continue;
    const before = text.slice(Math.max(0, start - 20), start);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    const wide = text.slice(Math.max(0, start - 40), start);
    if (SELF_NAME_BEFORE.test(before) || (PLACE_BEFORE.test(before) && !OFFER_VERB_BEFORE.test(wide))) continue;
    // A person ("my colleague Priya Shah will call you") or a place ("the Leeds Central branch").
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (PERSON_BEFORE.test(wide) || PERSON_AFTER.test(rest) || PLACE_AFTER.test(rest)) continue;
    // A heading or a label ("**Order Details:**", "Refund Amount: $54"), or only form words.
    if (/^\s*(?:\*\*)?\s*:/.test(after) || /(?:\*\*|#+\s*)$/.test(before) || words.every((w) => FORM_WORDS.has(w.toLowerCase()))) continue;
    const h = { start, end: m.index + m[0].length, raw: text.slice(start, m.index + m[0].length) };
    const clash = out.filter((o) => overlaps(o, h));
    // A longer run wins over a headed name inside it ("Platinum Shield Plus" over "Platinum Shield").
    if (clash.some((o) => o.start < h.start || o.end > h.end)) continue;
    for (const o of clash) out.splice(out.indexOf(o), 1);
    out.push({ ...h, name: h.raw, headed: clash.some((o) => o.headed) && clash.every((o) => o.end === h.end) });
  }
  for (const m of text.matchAll(LOWER)) {
    const mods = (m[1] ?? '').trim().split(/[ \t]+/);
    // A description ("your current plan", "a cheaper monthly plan") names nothing; a name needs one naming word.
    if (mods.every((w) => DESCRIPTIVE.has(w.toLowerCase().replace(/['’]s?$/, '')) || /^\d+$/.test(w))) continue;
    // What the agent says it is ("I'm a computer program", "an automated system") is an identity, not an offering.
    if (mods.some((w) => SELF_KIND.has(w.toLowerCase())) && /\bprogram(?:me)?\b/i.test(m[2] ?? '')) continue;
    const raw = `${m[1]}${m[2]}`.replace(/[ \t]+/g, ' ');
    const start = m.index + m[0].length - `${m[1]}${m[2]}`.length;
    const h = { start, end: m.index + m[0].length, raw };
    if (out.some((o) => overlaps(o, h))) continue;
    out.push({ ...h, name: raw, headed: true, lower: true });
  }
  return out.sort((a, b) => a.start - b.start);
}
