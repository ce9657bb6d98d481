/**
 * When a percentage is a discount and an amount is an offered price. Shared by the grounding check (a discount above
 * the maximum contradicts policy) and the offer reader, so both read a sentence the same way.
 */

export const OFFER_CONTEXT = /%\s*off|\b(?:off|discount(?:s|ed)?|save|saving|savings|promo(?:tion)?|coupon|deal|offer(?:ing)?|reduced|reduction|markdown|sale)\b/i;

/** The customer's request or someone else's offer read back: "you asked for 50% off", "a competitor's 30%". */
export const REPORTED = /\byou(?:'ve|’ve|'d|’d| have| had| would)?\s+(?:asked|requested|mentioned|wanted|want|like|were hoping|hoped|said|saw|seen|found)\b|\bcompetitor|\belsewhere\b/i;

/** A percentage that is a fee, rate or statistic, not a discount: "a 20% restocking fee", "90% of customers". */
export const PCT_NOT_DISCOUNT_BEFORE = /\b(?:fee|interest|apr|tax|vat|charge|surcharge|commission|rate|restocking|late)\s+(?:of\s+)?(?:about\s+|around\s+)?$/i;
export const PCT_NOT_DISCOUNT_AFTER = /^\s*(?:[\w-]+\s+)?(?:fee|interest|apr|tax|vat|charge|surcharge|commission|uptime|chance|probability|battery|faster|larger|bigger|increase|more|of\b)/i;

/** An amount that is a saving, credit, refund or fee rather than the price offered. */
export const AMOUNT_NOT_PRICE_BEFORE = /\b(?:save|saving|savings|credit|refund|cashback|voucher|gift card|deposit|fee|charge|shipping|delivery|postage|handling|tax|restocking)s?\b(?:\s+\w+){0,3}\s*$/i;
export const AMOUNT_NOT_PRICE_AFTER = /^\s*(?:off|discount|saving|savings|credit|voucher|gift card|coupon|cashback|back|refund|less|cheaper|fee|deposit|shipping|delivery)\b/i;
/** Words that introduce a price: "the jacket would be $108", "yours for $99", "now only $89". */
export const PRICE_CUE = /\b(?:price|priced|pay|paying|cost|costs|for|would be|will be|is now|now|only|just|total|comes? to|brings? (?:it )?(?:down )?to|reduced to|down to|at)\b.{0,40}$/i;
