/**
 * Word lists of the grounding instrument: what a countable thing is, what an offering name ends with, and which
 * words make a sentence a promise. Kept apart from the matching code so a reviewer can read them as a list.
 */

/** Nouns a count claim counts ("2 checked bags", "three seats", "200 bonus points"). */
export const COUNT_NOUNS = [
  'seats?', 'bags?', 'baggages?', 'suitcases?', 'items?', 'products?', 'orders?', 'passengers?', 'travell?ers?', 'licen[cs]es?', 'users?', 'devices?',
  'lines?', 'points', 'tickets?', 'nights?', 'rooms?', 'guests?', 'members?', 'accounts?', 'pieces?', 'pairs?', 'units?', 'payments?',
  'instal?lments?', 'transactions?', 'cards?', 'flights?', 'segments?', 'credits?', 'miles', 'gb', 'gigabytes?', 'texts?', 'stores?', 'locations?',
  'returns?', 'exchanges?', 'attempts?', 'people', 'persons?', 'adults?', 'children', 'kids?', 'sessions?', 'screens?', 'streams?', 'sims?',
  'claims?', 'vehicles?', 'cars?', 'drivers?', 'policies', 'workspaces?', 'projects?', 'seats', 'stamps?', 'vouchers?', 'coupons?', 'deliveries',
  'shipments?', 'packages?', 'parcels?', 'boxes', 'colou?rs', 'sizes?', 'styles?', 'models?', 'versions?', 'plans?', 'tiers?', 'levels?', 'times',
].join('|');

/** Words after a number that make it an ordinal position, not a count ("step 2", "option 3", "line 4"). */
export const POSITION_BEFORE = /\b(?:step|steps|option|options|line|page|item|no|number|chapter|section|question|point|tip|part|stage|level|row|slide|#)\.?\s*$/i;

/** Head nouns of an offering name: "Platinum Shield Plus plan", "Gold tier", "Care+ Protection". */
export const OFFERING_HEADS = [
  'plan', 'plans', 'programme', 'program', 'protection', 'shield', 'cover', 'coverage', 'insurance', 'warranty', 'guarantee', 'membership',
  'tier', 'club', 'rewards', 'pass', 'bundle', 'package', 'subscription', 'edition', 'account', 'card', 'perk', 'perks', 'benefit', 'benefits',
  'scheme', 'promise', 'policy', 'offer', 'deal', 'upgrade', 'add-on', 'addon', 'status', 'credit', 'voucher', 'promotion', 'promo', 'sale', 'member', 'members', 'membership', 'fare', 'pack', 'kit', 'lounge',
];

/** Capitalised words that start a sentence or address the customer and are never part of an offering's name. */
export const NOT_NAME_WORDS = new Set([
  'our', 'the', 'this', 'that', 'these', 'those', 'your', 'a', 'an', 'my', 'we', 'i', 'with', 'under', 'per', 'for', 'its', 'their', 'any', 'each',
  'every', 'also', 'yes', 'no', 'great', 'good', 'sure', 'thanks', 'thank', 'unfortunately', 'however', 'so', 'and', 'or', 'but', 'if', 'as', 'on',
  'in', 'to', 'of', 'by', 'at', 'from', 'all', 'new', 'current', 'existing', 'standard', 'basic', 'customer', 'customers', 'online', 'here', 'there',
  'you', "you're", 'mr', 'mrs', 'ms', 'dr', 'hi', 'hello', 'dear', 'please', 'note', 'just', 'only', 'both', 'either', 'which', 'what', 'when',
  'perhaps', 'maybe', 'alternatively', 'additionally', 'currently', 'otherwise', 'finally', 'meanwhile', 'instead', 'then', 'now', 'today',
  'sadly', 'luckily', 'fortunately', 'honestly', 'basically', 'actually', 'ok', 'okay', 'would', 'could', 'can', 'should', 'have', 'has', 'do',
  'does', 'is', 'are', 'was', 'were', 'will', 'shall', 'may', 'might', 'let', 'try', 'join', 'add', 'get', 'see', 'check', 'consider', 'since',
]);

export type PromiseType = 'refund' | 'waiver' | 'free' | 'guarantee' | 'compensation' | 'price-match' | 'exception';

/** A promise cue in an agent sentence; `object` captures what is free ("free express shipping"). */
export const PROMISE_CUES: Record<PromiseType, RegExp> = {
  refund: /\b(?:(?:full|partial|complete)\s+)?refund(?:ed|s|ing)?\b|\bmoney[-\s]back\b|\breimburs\w*/i,
  waiver: /\bwaiv(?:e|ed|ing|er)\b|\b(?:won't|will not|wouldn't|would not) be (?:any |a )?(?:charge|fee|cost)\b|\bwithout paying\b|\bnothing (?:else |more |extra )?to pay\b|\bno need to pay\b|\blet (?:it|that|this) slide\b|\bfree of charge\b|\bat no (?:extra |additional )?(?:cost|charge)\b|\bwithout (?:any |a )?(?:fee|charge|penalty)\b|\bno (?:extra |additional |cancellation |admin |late )?(?:fee|charge|penalty)s?\b/i,
  free: /\b(?<!feel |toll[-\s]|hands[-\s]|risk[-\s]|hassle[-\s]|worry[-\s]|interest[-\s])free\s+(?!to\b|of\b|time\b|up\b|for\b)((?:[a-z-]+\s+){0,2}?[a-z-]+)|\bcomplimentary\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)|\b([a-z-]+(?:[- ][a-z-]+)?)\s+(?:is|are|will be|comes?|'s)\s+(?:completely |totally |absolutely |also )?free\b|\b([a-z-]+(?:[- ][a-z-]+)?)\s+free\s+for\b|\b(?<!feel |toll[-\s]|hands[-\s]|interest[-\s]|duty[-\s]|gluten[-\s]|sugar[-\s]|hassle[-\s]|worry[-\s]|risk[-\s])(?:the |a |your )?((?:\w+ )?(?:day|night|month|week|item|drink|drinks|delivery|shipping|upgrade|session|class|lesson|visit|check-ups?|repair|installation|collection|returns?|bag|seat|coffee|dessert|pass|trial|service))\s+(?:is |are |will be |comes )?free\b(?!\s+(?:of|to|for|from)\b)|\b(?:for free|on us|on the house)\b/i,
  guarantee: /\bguarantee(?:d|s)?\b|\bwe promise\b|\blifetime\b/i,
  compensation: /\bcompensat\w*|\bgoodwill\b|\b(?:store |account )?credit of\b|\bgift card\b|\bcourtesy (?:credit|discount|voucher)\b|\bas a (?:courtesy|gesture)\b/i,
  'price-match': /\bprice[-\s]match\w*|\bmatch (?:the |their |that |a |any )?(?:competitor'?s? |lower |cheaper |better )?(?:price|offer)s?\b/i,
  exception: /\b(?:make|making|made) an exception\b|\bjust this once\b|\bas a one[-\s]off\b|\bbend the rules?\b|\boverride\b/i,
};

/** Material words that grant each kind of promise (looked up in non-negated material sentences). */
export const PROMISE_GRANTS: Record<PromiseType, RegExp> = {
  refund: /\brefund\w*|\bmoney[-\s]back\b|\breimburs\w*/i,
  waiver: /\bwaiv\w*|\bfree\b|\bno (?:fee|charge)\b|\bat no (?:extra |additional )?(?:cost|charge)\b|\bwithout (?:a |any )?(?:fee|charge)\b/i,
  free: /\bfree\b|\bcomplimentary\b|\bno (?:charge|cost)\b/i,
  guarantee: /\bguarantee\w*|\bwarrant(?:y|ies|ed)\b|\blifetime\b/i,
  compensation: /\bcompensat\w*|\bgoodwill\b|\bcredit\b|\bgift card\b|\bvoucher\b|\bcourtesy\b/i,
  'price-match': /\bprice[-\s]match\w*|\bmatch\w* (?:the |a )?(?:competitor'?s? )?price/i,
  exception: /\bexception\w*|\bdiscretion\w*|\bcase[-\s]by[-\s]case\b/i,
};

/** Words of the promises themselves: left out when a claim's topic is compared with a material sentence. */
export const PROMISE_WORDS = /^(?:exception|once|override|goodwill|gesture|courtesy|refund\w*|full|partial|money|back|reimburs\w*|waiv\w*|free|complimentary|charges?|guarantee\w*|warrant\w*|lifetime|compensat\w*|credits?|vouchers?|price|match\w*|costs?|fees?)$/;

/** Material statements that refuse a promise: "non-refundable", "fees are not waived", "no price matching". */
export const PROMISE_REFUSALS: Record<PromiseType, RegExp> = {
  refund: /\bnon[-\s]?refundable\b|\bno refunds?\b|\b(?:not|never|cannot|can't|won't) (?:be )?(?:eligible for (?:a )?)?refund\w*/i,
  waiver: /\b(?:not|never|cannot|can't|won't) (?:be )?waiv\w*/i,
  free: /\bnot (?:free|complimentary)\b/i,
  guarantee: /\b(?:no|not|never|cannot) (?:be )?guarantee\w*/i,
  compensation: /\bno (?:compensation|credit|goodwill)\b|\b(?:not|never|cannot) (?:be )?compensat\w*/i,
  'price-match': /\b(?:no|not|never|don't|do not) (?:offer )?price[-\s]?match\w*/i,
  exception: /\bno exceptions?\b|\bwithout exception\b/i,
};
