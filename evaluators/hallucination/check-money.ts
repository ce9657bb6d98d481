import { deriveMoney } from './arithmetic.js';
import { approximates, hedgeOf } from './approximate.js';
import { avail, bad, customerSaid, fromCustomer, none, numberOf, ok, same, show, type Result, type TurnScope } from './check.js';
import type { Claim } from './claims.js';
import { availableAt } from './material.js';
import { namedRecords, topicVals, valsOf } from './scope.js';
import type { Val } from './values.js';

/**
 * Money claims. Supported when the material states the amount (a named record's own amount first), the customer
 * said it, a hedged figure rounds a material amount ("about $90"), or it follows by one arithmetic step from anchored
 * amounts (arithmetic.ts). Contradicted when the sentence names a record, or a topic, whose amount differs.
 */

export function checkMoney(c: Claim, s: TurnScope): Result {
  const v = c.value as number;
  const all = avail(s, c, 'money');
  const named0 = namedRecords(c, s.m);
  // A named thing whose amount another figure of the sentence already gives ("Off-Peak is £24.99 against your
  // £34.99") does not bind this one.
  const sentenceMoney = s.turnClaims.filter((x) => x.kind === 'money' && x !== c && x.sentence === c.sentence).map((x) => x.value as number);
  const named = named0.filter((rec) => !rec.vals.some((x) => x.kind === 'money' && sentenceMoney.some((y) => same(y, numberOf(x)))));
  const namedMoney = valsOf(named, 'money');
  const said = customerSaid(s, c, v, 'money');
  if (said && !namedMoney.length) return ok('the customer said this amount', said.ref);
  const materialPcts = avail(s, c, 'percent').map(numberOf);
  const hedge = hedgeOf(c);
  // "$0": the material makes it free ("free delivery", "no charge", a price of 0).
  if (v === 0) {
    const free = all.find((x) => numberOf(x) === 0) ?? s.m.segments.find((x) => x.origin !== 'customer' && availableAt(c.turn)(x) && FREE.test(x.text));
    return free ? ok('the material makes it free', free.ref) : none('the material makes nothing free');
  }
  const anchors = moneyAnchors(c, s, namedMoney, all);
  const global = all.map(numberOf);
  const pools = {
    anchors: [...anchors, ...smallBrief(c, global, SUMS)], scaleAnchors: smallBrief(c, global, SCALES), global, comparative: COMPARATIVE.test(c.sentence),
    percents: [...grantedPercents(s, c), ...(HALF.test(c.sentence) ? [50] : [])], additive: ADDITIVE.test(c.sentence),
    statedPercents: s.turnClaims.filter((x) => x.kind === 'percent' && x.sentence === c.sentence && materialPcts.some((p) => same(p, x.value as number))).map((x) => x.value as number),
    // Price x months: the reply's own numbers, and month counts the material states ("you pay for 10 months").
    ...(hedge ? { near: (x: number) => approximates(v, x, hedge) } : {}),
    counts: [...turnCounts(c, s), ...customerCounts(s, c), ...avail(s, c, 'days').map((x) => numberOf(x) / (365.25 / 12)).filter((n) => Math.abs(n - Math.round(n)) < 0.01 && n >= 2 && n <= 36).map(Math.round)],
  };
  if (namedMoney.length) {
    const hit = namedMoney.find((x) => same(numberOf(x), v));
    if (hit) return ok(`the amount of ${named.map((n) => n.names[0]).join(' / ')}`, hit.ref);
    const d = deriveMoney(v, pools);
    if (d) return ok(`derived: ${d}`, named[0]?.ref);
    const related = topicVals(c, all).find((x) => same(numberOf(x), v));
    if (related) return ok('an amount the material gives for the same topic', related.ref);
    const rounded = roundedFrom(c, v, namedMoney);
    if (rounded) return ok(`"${c.raw}" rounds ${show([rounded])}, the amount of ${named[0]!.names[0]}`, rounded.ref);
    return bad(`the sentence names ${named[0]!.names[0]}, whose amount is ${show(namedMoney)}`, named[0]!.ref);
  }
  const hit = all.find((x) => same(numberOf(x), v));
  if (hit) return ok('an amount stated in the material', hit.ref);
  const rounded = roundedFrom(c, v, [...topicVals(c, all), ...all]);
  if (rounded) return ok(`"${c.raw}" rounds ${show([rounded])}, an amount stated in the material`, rounded.ref);
  const d = deriveMoney(v, pools);
  if (d) return ok(`derived: ${d}`);
  const topic = topicVals(c, all);
  if (topic.length) return bad(`the material gives ${show(topic)} for this topic`, topic[0]!.ref);
  return none('amount not in the material and not derivable from it');
}

/** Discounts this turn states that the commercial bounds allow: operands for a derived price. */
export function grantedPercents(s: TurnScope, c: Claim): number[] {
  const max = s.m.maxDiscountPct;
  const stated = s.turnClaims.filter((x) => x.kind === 'percent' && (max === undefined || x.value <= max + 1e-9)).map((x) => x.value as number);
  return [...avail(s, c, 'percent').map(numberOf), ...stated];
}

/** Numbers the reply itself states (counts, months, "two", "both"), for "price x count" derivations. */
function turnCounts(c: Claim, s: TurnScope): number[] {
  const out = s.turnClaims.flatMap((x) => (x.kind === 'count' ? [x.value] : x.kind === 'duration' ? x.value.numbers : []));
  // Digits of amounts and percentages are not counts ("€10" must not make 10 a multiplier).
  let words = c.sentence.toLowerCase();
  for (const x of s.turnClaims) if ((x.kind === 'money' || x.kind === 'percent') && x.sentence === c.sentence) words = words.replace(x.raw.toLowerCase(), ' ');
  for (const m of words.matchAll(/\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/g)) {
    const n = /\d/.test(m[1]!) ? Number(m[1]) : ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].indexOf(m[1]!) + 2;
    out.push(n);
  }
  if (/\b(?:both|pair|couple|twice)\b/.test(words)) out.push(2);
  // A year's price from a monthly one and back: "$10 a month" is "$120 a year", "£120 a year" is "£10 a month".
  if (/\b(?:year|annual|annually|yearly|month|monthly)\b/.test(words)) out.push(12);
  // A day's price from a week's ("$20 a day" of "$140 a week"), a week's from a year's.
  if (/\b(?:day|days|daily|night|nights|nightly|week|weekly)\b/.test(words)) out.push(7);
  if (/\b(?:week|weekly)\b/.test(words) && /\b(?:year|annual|annually|yearly)\b/.test(words)) out.push(52);
  return out;
}

/** Amounts a derivation may start from: stated in the same turn, of a named record, on the clause's topic, or the customer's. */
export function moneyAnchors(c: Claim, s: TurnScope, namedMoney: Val[], all: Val[]): number[] {
  return [
    ...s.turnClaims.filter((x) => x.kind === 'money' && x !== c).map((x) => x.value as number),
    ...namedMoney.map(numberOf),
    ...topicVals(c, all).map(numberOf),
    ...all.filter(fromCustomer).map(numberOf),
  ];
}

/** A hedged figure ("about $90") that rounds one of these amounts (approximate.ts). */
function roundedFrom(c: Claim, v: number, vals: Val[]): Val | undefined {
  const hedge = hedgeOf(c);
  return hedge ? vals.find((x) => approximates(v, numberOf(x), hedge)) : undefined;
}

/** Small whole numbers the customer said ("three pairs", "2 kids"): what a price may be multiplied by. */
function customerCounts(s: TurnScope, c: Claim): number[] {
  return avail(s, c, 'number').filter((x) => fromCustomer(x) && Number.isInteger(x.v) && numberOf(x) >= 2 && numberOf(x) <= 12).map(numberOf);
}

const FREE = /\bfree\b|\bno (?:charge|cost|fee)\b|\bcomplimentary\b|\bat no (?:extra |additional )?(?:cost|charge)\b|\bwaived\b/i;

/** "half price", "half off": 50%. */
const HALF = /\bhalf[- ](?:price|off)\b|\bhalf the (?:price|cost)\b/i;

/**
 * A sentence that does arithmetic on amounts it does not name ("both come to $134.99", "3 payments of $30", "the
 * second pair is half price, so $22.50"): a brief with only a few amounts lets every one of them take part. A sum or
 * a difference needs a totalling or comparing word; a percent-of, a product or a share a scaling word. The pairs of
 * a dozen amounts are few enough that a fabricated figure rarely lands on one; a large brief keeps the anchors.
 */
const SUMS = /\b(?:both|pair|all|altogether|combined|together|sum|add(?:s|ed)? up)\b/i;
const SCALES = /\b(?:both|pair|all|each|per|apiece|split|spread|instal\w*|payments?|half|discount\w*|sale|saves?|saving|reduced|monthly|annually|yearly|a (?:month|year|week))\b|%|percent/i;
export const SMALL_BRIEF_AMOUNTS = 12;
function smallBrief(c: Claim, global: number[], cue: RegExp): number[] {
  const distinct = new Set(global.map((x) => Math.round(x * 100)));
  return distinct.size <= SMALL_BRIEF_AMOUNTS && (cue.test(c.sentence) || (cue === SUMS && COMPARATIVE.test(c.sentence))) ? global : [];
}

/** A sentence that sums, compares or nets amounts: an anchor may then pair with any material amount. */
const COMPARATIVE = /\b(?:more|less|cheaper|dearer|extra|difference|total|totals|altogether|all in|in all|combined|together|plus|minus|after|off|saving|save|saves|left|remaining|balance|instead|on top|including|includes|comes to|works out)\b/i;
const ADDITIVE = /\b(?:tax|vat|gst|interest|surcharge|markup|mark-up|increase|rise|incl)\w*/i;

