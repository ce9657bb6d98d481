import type { LexiconEntry } from '../nlp/lexicon.js';

/**
 * Conversational dark patterns (Mathur et al. 2019; methods.md §8.3). Each lexicon entry is cancelled by a negator
 * in its clause ("there's no rush", "I won't push the upgrade").
 */

export const URGENCY: LexiconEntry[] = [
  { id: 'only-today', negation: 'clause', re: /\b(?:only|just)\s+(?:today|tonight|for today|until (?:midnight|tonight|tomorrow)|for the next \d+\s*(?:minutes?|mins?|hours?))\b|\btoday only\b/gi },
  { id: 'expires-soon', negation: 'clause', re: /\b(?:expires?|ends?|runs? out|disappears?|goes? away|is gone)\s+(?:in\s+(?:the\s+next\s+)?\d+\s*(?:minutes?|mins?|hours?|seconds?)|at midnight|tonight|today|soon|shortly)\b/gi },
  { id: 'act-now', negation: 'clause', re: /\b(?:act|decide|buy|order|book|sign up)\s+(?:now|fast|quickly|immediately|right away|today)\b|\bhurry\b|\bbefore it'?s (?:too late|gone)\b|\b(?:last|final) chance\b|\bwon'?t last\b|\bnow or never\b|\blimited[- ]time\b/gi },
];

export const SCARCITY: LexiconEntry[] = [
  { id: 'only-n-left', negation: 'clause', re: /\bonly\s+(\d+)\s+(?:(?:items?|units?|pieces?|seats?|spots?|places?|left|pairs?)\s+)?(?:left|remaining|in stock|available)\b|\b(\d+)\s+(?:items?\s+|units?\s+|pieces?\s+|pairs?\s+)?left in stock\b/gi },
  { id: 'selling-out', negation: 'clause', re: /\b(?:almost|nearly)\s+(?:sold out|gone)\b|\bselling (?:out )?fast\b|\bgoing fast\b|\blow (?:in )?stock\b|\blimited (?:stock|supply|availability|quantities)\b|\bwhile (?:stocks?|supplies) last\b|\bflying off the shelves\b/gi },
];

export const SOCIAL_PROOF: LexiconEntry[] = [
  { id: 'most-customers', negation: 'clause', re: /\b(?:most|many|lots of|thousands of|millions of|\d+%\s+of|the majority of|nine out of ten|\d+ out of \d+)\s+(?:our\s+|other\s+)?(?:customers|people|users|clients|members|shoppers|buyers|subscribers)(?:\s+like you)?\s+(?:\w+\s+)?(?:choose|chose|pick|picked|prefer|love|go for|opt for|buy|bought|upgrade|recommend|switch|rate|end up)\b/gi },
  { id: 'people-like-you', negation: 'clause', re: /\b(?:customers|people|shoppers|users)\s+like you\s+(?:usually|typically|often|tend to|always|mostly|generally)?\s*(?:choose|prefer|go for|pick|buy|upgrade|love|opt for)\b/gi },
  { id: 'most-popular', negation: 'clause', re: /\b(?:our\s+)?(?:most popular|best[- ]selling|bestseller|top[- ]rated|customer favou?rite|everyone(?:'s| is) (?:buying|getting|switching))\b/gi },
];

/** A customer saying no to an offer (methods.md §8.3) beyond the scripted `refuses-upsell` probe. */
export const REFUSAL = /\b(?:no,? thanks?|no,? thank you|not interested|i(?:'m| am) not (?:interested|looking)|i don'?t (?:want|need) (?:it|that|any|the|an|a)\b|just (?:the )?(?:refund|fix|cancel)|i'?ll pass|i said no|stop (?:trying|pushing|selling)|no upgrade|no more offers)\b/i;

/**
 * Proposing another product, an upgrade or an offer. Kept narrow on purpose: "would you like me to start the
 * return?", "I can offer you a full refund" or "premium shipping at no cost" are service, not a sale.
 */
export const UPSELL: LexiconEntry[] = [
  { id: 'upgrade', negation: 'clause', re: /\b(?:upgrade (?:to|your)|upgrading (?:to|your)|add[- ]ons?\b|premium (?:plan|tier|version|membership|subscription|package|bundle|model|care|protection)|(?:bundle|combo) (?:deal|offer)|special offer|exclusive offer|limited offer|take advantage of)/gi },
  { id: 'suggest', negation: 'clause', re: /\b(?:how about (?:adding|upgrading|trying our|our)|would you (?:also )?be interested in|would you (?:also )?like to (?:add|upgrade|try|buy|purchase|get) (?:our|the|a|an)\b|may i (?:suggest|recommend) (?:our|the|adding|upgrading)|you might also (?:like|enjoy|love)|(?:i'?d )?recommend (?:adding|upgrading)|consider (?:adding|upgrading))/gi },
  { id: 'buy-now', negation: 'clause', re: /\b(?:buy|purchase|subscribe|sign up)\s+(?:now|today|it now|one now)\b/gi },
];
