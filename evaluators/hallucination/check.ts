import type { ResolvedScenario } from '../../src/plan/material.js';
import { OFFER_CONTEXT, PCT_NOT_DISCOUNT_AFTER, PCT_NOT_DISCOUNT_BEFORE, REPORTED } from '../nlp/offer-cues.js';
import { compact, squash } from '../nlp/patterns.js';
import { sameTime } from '../nlp/when.js';
import { approximates, hedgeOf } from './approximate.js';
import { deriveDayDifference, deriveDays, deriveMoney, derivePercent } from './arithmetic.js';
import { checkCount } from './check-count.js';
import { checkDate } from './check-date.js';
import { checkDayName } from './check-day-names.js';
import { checkContact, checkOffering } from './check-names.js';
import { asserted, type Claim, type ClaimKind } from './claims.js';
import { availableAt, compactText, type Material } from './material.js';
import { checkPromise } from './promises.js';
import { namedRecords, topicVals, valsOf } from './scope.js';
import { datedOnly, durationFromUnknownNow } from './unknown-now.js';
import type { Val, ValueKind } from './values.js';

/**
 * Verdicts. `supported`: the material (brief, the customer's earlier words, earlier read-tool results) states the
 * value, or it follows by one arithmetic step. `contradicted`: not supported, and the material gives a different
 * value for the thing the sentence names (a catalog item, an order, a policy, a topic word). `unsupported`: neither.
 * `not-asserted`: negated or asked, and `not-checkable` (unknown-now.ts): kept as evidence only.
 */

export type Verdict = 'supported' | 'unsupported' | 'contradicted' | 'not-asserted' | 'not-checkable';

export interface Checked {
  claim: Claim;
  verdict: Verdict;
  /** A fabricated contact point (URL host, e-mail or phone found nowhere in the material). */
  critical: boolean;
  note: string;
  /** The material the verdict rests on (`catalog:<sku>`, `policy:<id>`, `tool:<name>@<turn>`, ...). */
  ref?: string;
}

export type Result = Omit<Checked, 'claim'>;
export const ok = (note: string, ref?: string): Result => ({ verdict: 'supported', critical: false, note, ...(ref ? { ref } : {}) });
export const bad = (note: string, ref?: string): Result => ({ verdict: 'contradicted', critical: false, note, ...(ref ? { ref } : {}) });
export const none = (note: string, critical = false): Result => ({ verdict: 'unsupported', critical, note });

export interface TurnScope {
  m: Material;
  r: ResolvedScenario;
  /** The other asserted claims of the same agent turn (amounts and percentages stated beside this one). */
  turnClaims: Claim[];
}

const CENT = 0.005;
export const same = (a: number, b: number, tol = CENT): boolean => Math.abs(a - b) <= tol;
export const avail = (s: TurnScope, c: Claim, kind: ValueKind): Val[] => s.m.vals.filter((v) => v.kind === kind && availableAt(c.turn)(v));
export const numberOf = (v: Val): number => v.v as number;
export const fromCustomer = (v: Val): boolean => v.ref.startsWith('customer@');
export const show = (vals: Val[]): string => [...new Set(vals.map((v) => String(v.v)))].slice(0, 4).join(', ');

/** The customer said this number earlier: repeating it back is not a claim of the agent's own. */
export function customerSaid(s: TurnScope, c: Claim, n: number, kind?: ValueKind): Val | undefined {
  // A bare one-digit number of the customer's ("card 1", "2 kids") echoes nothing but the same kind of value.
  return s.m.vals.find((v) => fromCustomer(v) && availableAt(c.turn)(v) && typeof v.v === 'number' && same(v.v, n)
    && (v.kind === kind || (v.kind === 'number' && Math.abs(n) >= 10)));
}

/** Discounts this turn states that the commercial bounds allow: operands for a derived price. */
function grantedPercents(s: TurnScope, c: Claim): number[] {
  const max = s.m.maxDiscountPct;
  const stated = s.turnClaims.filter((x) => x.kind === 'percent' && (max === undefined || x.value <= max + 1e-9)).map((x) => x.value as number);
  return [...avail(s, c, 'percent').map(numberOf), ...stated];
}

const isDiscount = (c: Extract<Claim, { kind: 'percent' }>): boolean => {
  if (!OFFER_CONTEXT.test(c.clause) || REPORTED.test(c.clause)) return false;
  const at = c.sentence.indexOf(c.raw);
  const before = at >= 0 ? c.sentence.slice(Math.max(0, at - 40), at) : '';
  const after = at >= 0 ? c.sentence.slice(at + c.raw.length, at + c.raw.length + 24) : '';
  return !PCT_NOT_DISCOUNT_BEFORE.test(before) && !PCT_NOT_DISCOUNT_AFTER.test(after);
};

type Checker = (c: Claim, s: TurnScope) => Result;

/** A clock time that is a material time plus or minus a material period under a day ("8:45" = 9:30 - 45 minutes). */
function deriveTime(tc: Extract<Claim, { kind: 'time' }>, times: Val[], days: Val[]): string | undefined {
  const hhmm = (m: number): string => `${Math.floor(m / 60) % 24}:${String(Math.round(m) % 60).padStart(2, '0')}`;
  for (const t of times) for (const d of days) {
    // Periods are stored in days to three places: "45 minutes" is 0.031 days, read back to the minute.
    const minutes = Math.round(numberOf(d) * 1440);
    if (minutes <= 0 || minutes >= 1440) continue;
    for (const [sign, v] of [['-', numberOf(t) - minutes], ['+', numberOf(t) + minutes]] as const) {
      if (sameTime({ minutes: tc.value, halfDay: tc.halfDay }, { minutes: (v + 1440) % 1440, halfDay: t.halfDay === true })) return `${tc.raw} = ${hhmm(numberOf(t))} ${sign} ${Math.round(minutes)} minutes`;
    }
  }
  return undefined;
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
  return out;
}

/** Amounts a derivation may start from: stated in the same turn, of a named record, on the clause's topic, or the customer's. */
function moneyAnchors(c: Claim, s: TurnScope, namedMoney: Val[], all: Val[]): number[] {
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

/** A period that is what remains or what is added ("eight months left", "another two weeks"). */
const LEFT = /\b(?:left|remaining|remain|another|extra|further|additional)\b/i;
const DAYS_IN: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 365.25 / 12, year: 365.25 };

/** Durations agree: equal in days (2% when a month or a year is involved), or the customer's number for the unit. */
const sameDays = (a: number, b: number, loose: boolean): boolean => Math.abs(a - b) <= (loose ? 0.02 * Math.max(a, b) : 0.01);
const UNIT_WORD: Record<string, RegExp> = { hour: /hour|hr/i, day: /day/i, week: /week/i, month: /month|monthly|instal/i, year: /year|annual/i, minute: /minute/i };

const checkers = {
  money: (c, s) => {
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
    const anchors = moneyAnchors(c, s, namedMoney, all);
    const global = all.map(numberOf);
    const pools = {
      anchors: [...anchors, ...smallBrief(c, global, SUMS)], scaleAnchors: smallBrief(c, global, SCALES), global, comparative: COMPARATIVE.test(c.sentence),
      percents: [...grantedPercents(s, c), ...(HALF.test(c.sentence) ? [50] : [])], additive: ADDITIVE.test(c.sentence),
      statedPercents: s.turnClaims.filter((x) => x.kind === 'percent' && x.sentence === c.sentence && materialPcts.some((p) => same(p, x.value as number))).map((x) => x.value as number),
      // Price x months: the reply's own numbers, and month counts the material states ("you pay for 10 months").
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
  },
  percent: (c, s) => {
    const pc = c as Extract<Claim, { kind: 'percent' }>;
    const v = pc.value;
    const max = s.m.maxDiscountPct;
    const discount = isDiscount(pc);
    if (discount && max !== undefined && v > max + 1e-9) return bad(`a discount above the ${max}% maximum in the brief`, 'bounds');
    const all = avail(s, c, 'percent');
    const hit = all.find((x) => same(numberOf(x), v));
    if (hit) return ok('a percentage stated in the material', hit.ref);
    const said = customerSaid(s, c, v, 'percent');
    if (said) return ok('the customer said this percentage', said.ref);
    if (discount && max !== undefined) return ok(`a discount within the ${max}% maximum the brief grants`, 'bounds');
    const money = avail(s, c, 'money');
    const d = derivePercent(v, moneyAnchors(c, s, valsOf(namedRecords(c, s.m), 'money'), money), all.map(numberOf));
    if (d) return ok(`derived: ${d}`);
    const topic = topicVals(c, all);
    if (topic.length) return bad(`the material gives ${show(topic)}% for this topic`, topic[0]!.ref);
    return none('percentage not in the material');
  },
  duration: (c, s) => {
    const d = (c as Extract<Claim, { kind: 'duration' }>).value;
    const all = avail(s, c, 'days');
    const numbers = avail(s, c, 'number');
    const unitWord = UNIT_WORD[d.unit] ?? /day/i;
    // Months and years vary in days: "12 months" is "a year", "1 month" is "30 days"; days, weeks and hours are exact.
    const loose = d.unit === 'month' || d.unit === 'year';
    const has = (days: number, n: number): Val | undefined =>
      all.find((x) => sameDays(numberOf(x), days, loose))
      ?? numbers.find((x) => same(numberOf(x), n) && (fromCustomer(x) || unitWord.test(x.context)));
    const hits = d.days.map((days, i) => has(days, d.numbers[i] ?? days));
    // The sentence's own topic decides before a match elsewhere: a window stated for this topic that differs is a
    // contradiction even when the same number of days is stated for something else (unless it is derived from it).
    const onTopic = [...valsOf(namedRecords(c, s.m), 'days'), ...topicVals(c, all)];
    const offTopic = onTopic.length > 0 && !d.days.every((days) => onTopic.some((x) => sameDays(numberOf(x), days, loose))) && !hits.some((h) => h && fromCustomer(h));
    if (!offTopic && hits.every(Boolean)) return ok(hits[0]!.ref.startsWith('customer@') ? 'the customer said this duration' : 'a duration stated in the material', hits[0]!.ref);
    const dates = datedOnly(avail(s, c, 'date'), s.r).map((x) => String(x.v));
    const derived = d.days.map((days) => deriveDays(days, dates, onTopic.map(numberOf), s.m.now));
    if (derived.every(Boolean)) return ok(`derived: ${derived.join('; ')}`);
    if (LEFT.test(c.sentence)) {
      // One period on the sentence's topic (or the customer's), the other anywhere in the material.
      const customer = numbers.filter(fromCustomer).flatMap((x) => (unitWord.test(x.context) ? [numberOf(x) * (DAYS_IN[d.unit] ?? 1)] : []));
      const diff = d.days.map((days) => deriveDayDifference(days, [...onTopic.map(numberOf), ...customer], [...all.map(numberOf), ...customer], loose));
      if (diff.every(Boolean)) return ok(`derived: ${diff.join('; ')}`);
    }
    if (onTopic.length) return durationFromUnknownNow(c, s.r, dates) ?? bad(`the material gives ${show(onTopic)} days for this`, onTopic[0]!.ref);
    return durationFromUnknownNow(c, s.r, dates) ?? none('duration not in the material');
  },
  date: (c, s) => (/^(?:weekday|month):/.test(c.value as string) ? checkDayName : checkDate)(c as Extract<Claim, { kind: 'date' }>, s),
  time: (c, s) => {
    const tc = c as Extract<Claim, { kind: 'time' }>;
    const times = avail(s, c, 'time');
    const hit = times.find((x) => sameTime({ minutes: tc.value, halfDay: tc.halfDay }, { minutes: numberOf(x), halfDay: x.halfDay === true }));
    if (hit) return ok('a time stated in the material', hit.ref);
    const derived = deriveTime(tc, times, avail(s, c, 'days'));
    if (derived) return ok(`derived: ${derived}`);
    const topic = topicVals(c, times);
    if (topic.length) return bad('the material gives a different time for this', topic[0]!.ref);
    return none('time of day not in the material');
  },
  count: (c, s) => checkCount(c as Extract<Claim, { kind: 'count' }>, s),
  id: (c, s) => {
    const ic = c as Extract<Claim, { kind: 'id' }>;
    if (compactText(s.m, c.turn).includes(compact(ic.value))) return ok('an identifier in the material');
    const orders = s.r.scenario.orders.map((o) => o.id);
    if (ic.orderShaped && orders.length) return bad(`not one of this customer's orders (${orders.join(', ')})`, 'orders');
    return none('identifier not in the material');
  },
  offering: (c, s) => checkOffering(c as Extract<Claim, { kind: 'offering' }>, s),
  contact: (c, s) => checkContact(c as Extract<Claim, { kind: 'contact' }>, s),
  promise: (c, s) => {
    const res = checkPromise(c as Extract<Claim, { kind: 'promise' }>, s.m);
    return res.verdict === 'supported' ? ok(res.note, res.ref) : res.verdict === 'contradicted' ? bad(res.note, res.ref) : none(res.note);
  },
} satisfies Record<ClaimKind, Checker>;

/** A sentence of 30 characters or more that the material contains word for word (a quoted policy, a KB answer). */
function quoted(c: Claim, m: Material): string | undefined {
  const sentence = squash(c.sentence.replace(/^[\s\-*•\d.)]+/, '').replace(/[\s.!?]+$/, ''));
  if (sentence.length < 30) return undefined;
  return m.segments.find((seg) => seg.origin !== 'customer' && availableAt(c.turn)(seg) && squash(seg.text).includes(sentence))?.ref;
}

export function checkClaims(claims: Claim[], m: Material, r: ResolvedScenario): Checked[] {
  const byTurn = new Map<number, Claim[]>();
  for (const c of claims) if (asserted(c)) byTurn.set(c.turn, [...(byTurn.get(c.turn) ?? []), c]);
  return claims.map((c) => {
    if (!asserted(c)) return { claim: c, verdict: 'not-asserted', critical: false, note: c.question ? 'asked, not asserted' : 'inside a negated clause: not a claim of this value' };
    const res = checkers[c.kind](c, { m, r, turnClaims: byTurn.get(c.turn) ?? [] });
    if (res.verdict === 'supported') return { claim: c, ...res };
    const source = quoted(c, m);
    return source ? { claim: c, ...ok('the sentence repeats the material word for word', source) } : { claim: c, ...res };
  });
}
