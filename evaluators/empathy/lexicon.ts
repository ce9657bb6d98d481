import type { EmotionLabel } from '../../src/schema/scenario.js';

/**
 * Marker lists for the deterministic empathy fallback (methods.md §3.3). A weak proxy by design: it sees surface
 * forms only, so it is labelled `fallback:` and never mixed with judge scores.
 */

export const MECHANISMS = ['er', 'ip', 'ex'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

const FEELING_ADJ = '(frustrating|stressful|upsetting|worrying|disappointing|annoying|worrisome|scary|exhausting|confusing|maddening|infuriating)';

export const MARKERS = {
  // Emotional reactions: warmth, concern, apology.
  er: [
    /\b(i'?m|i am) (so |really |truly |very |deeply |genuinely )?sorry\b/,
    /\bi apologi[sz]e\b/,
    /\b(my|our) (sincere |deepest |sincerest )?apologies\b/,
    /\bthat'?s (awful|terrible|not okay|unacceptable)\b/,
    /\bi feel\b/,
  ],
  // Interpretations: communicating understanding of the customer's feelings or experience.
  ip: [
    /\bi (can |completely |totally |fully )?understand\b/,
    new RegExp(`\\b(that|this) (must|would|can) (be|have been) (\\w+ ){0,2}${FEELING_ADJ}`),
    /\bit sounds like (you('re| are| have| have been)|this|that)\b/,
    new RegExp(`\\b(that|this|it) sounds (\\w+ ){0,2}${FEELING_ADJ}`),
    /\bi can (see|imagine) (why|how)\b/,
    new RegExp(`\\b(how|so) ${FEELING_ADJ}\\b`),
  ],
  // Explorations: asking about what the customer has not said yet.
  ex: [
    /\b(can|could) you tell me more\b/,
    /\bhow (is|has) (this|that|it) (affect|affected|impact|impacted)/,
  ],
} satisfies Record<Mechanism, RegExp[]>;

/** EX also counts a question sentence that asks the customer about feelings or experience. */
export const EX_QUESTION = { second: /\b(you|your)\b/, topic: /\b(feel|feeling|worried|worry|concern|concerned|happen|happened|affect|affected|impact|impacted|experience)\w*\b/ };

/** Emotion word families (stems at a word start). Mirroring = the reply uses a family the customer expressed. */
export const EMOTION_FAMILIES = {
  frustration: ['frustrat', 'annoy', 'irritat', 'fed up', 'exasperat', 'aggravat'],
  anger: ['angry', 'anger', 'furious', 'outrag', 'livid', 'infuriat'],
  worry: ['worr', 'anxi', 'stress', 'nervous', 'scared', 'afraid', 'fright', 'panic', 'concern', 'apprehensi', 'terrif'],
  disappointment: ['disappoint', 'let down', 'upset'],
  sadness: ['sad', 'devastat', 'heartbr', 'lonely', 'gutted', 'upset'],
  embarrassment: ['embarrass', 'ashamed', 'humiliat'],
  confusion: ['confus', 'overwhelm', 'puzzl'],
  excitement: ['excit', 'thrill', 'delight'],
} satisfies Record<string, string[]>;
export type EmotionFamily = keyof typeof EMOTION_FAMILIES;

/** The family an author's emotion label belongs to; labels with no close family map to none. */
export const LABEL_FAMILY: Partial<Record<EmotionLabel, EmotionFamily>> = {
  annoyed: 'frustration', angry: 'anger', furious: 'anger', anxious: 'worry', afraid: 'worry', terrified: 'worry',
  apprehensive: 'worry', disappointed: 'disappointment', sad: 'sadness', devastated: 'sadness', lonely: 'sadness',
  embarrassed: 'embarrassment', ashamed: 'embarrassment', guilty: 'embarrassment', excited: 'excitement', joyful: 'excitement',
  anticipating: 'excitement', hopeful: 'excitement',
};

/** Nouns that name what a customer-service issue is about; the specific entity when the customer used them. */
export const ISSUE_NOUNS = [
  'order', 'parcel', 'package', 'delivery', 'shipment', 'refund', 'charge', 'bill', 'invoice', 'payment', 'fee', 'claim',
  'policy', 'premium', 'account', 'card', 'transfer', 'subscription', 'plan', 'contract', 'connection', 'internet', 'signal',
  'outage', 'router', 'phone', 'device', 'app', 'login', 'password', 'return', 'exchange', 'size', 'item', 'loan', 'mortgage',
  'overdraft', 'balance', 'deposit', 'coverage', 'renewal', 'upgrade', 'downgrade', 'licence', 'license', 'seat', 'integration', 'data',
];

export const DISMISSIVE = [
  /\bcalm down\b/,
  /\bas i (already |just )?(said|mentioned|explained|told you)\b/,
  /\bthere'?s nothing (i|we) can do\b/,
  /\byou should have\b/,
  /\b(that'?s|it'?s) not (my|our) (problem|fault)\b/,
];

const ACTION_VERBS = 'check|look into|look|track|process|send|resend|issue|refund|replace|arrange|escalate|transfer|connect|book|schedule|reset|fix|update|cancel|credit|waive|apply|expedite|contact|follow up|raise|file|ship|open|reorder|investigate';
const DONE_VERBS = 'checked|processed|sent|resent|issued|refunded|replaced|arranged|escalated|booked|scheduled|reset|fixed|applied|credited|waived|cancelled|canceled|raised|filed|opened|updated|expedited|reordered|shipped|requested|logged|flagged';

/** A concrete next step in words (a tool call in the same reply also counts). */
export const ACTION_PHRASES = [
  new RegExp(`\\b(i'?ll|i will|i'?m going to|we'?ll|we will|let me|i can)\\s+(\\w+\\s+){0,2}?(${ACTION_VERBS})\\b`),
  new RegExp(`\\b(i'?ve|i have|we'?ve|we have)\\s+(just\\s+|now\\s+|already\\s+)?(${DONE_VERBS})\\b`),
  /\b(you will|you'll) (receive|get|see|be contacted)\b/,
  /\bnext steps?\b/,
  /\bplease (try|go to|click|tap|restart|reply|send|check|visit|call|upload|confirm|share)\b/,
  /\bhere'?s what (we|i|you) (can|will|'ll)\b/,
];

/** Lower-case, straight apostrophes: the regexes above are written for that form. */
export const normaliseText = (s: string): string => s.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");

export const sentences = (s: string): string[] => s.split(/(?<=[.!?])\s+|\n+/).map((x) => x.trim()).filter(Boolean);

const stemRe = (stem: string): RegExp => new RegExp(`\\b${stem.replace(/ /g, '\\s+')}${stem === 'mad' || stem === 'sad' ? '\\b' : ''}`);

export function familiesIn(text: string): Set<EmotionFamily> {
  const t = normaliseText(text);
  const out = new Set<EmotionFamily>();
  for (const [fam, stems] of Object.entries(EMOTION_FAMILIES) as [EmotionFamily, string[]][]) {
    if (stems.some((s) => stemRe(s).test(t))) out.add(fam);
  }
  return out;
}
