import type { ResolvedScenario } from '../../src/plan/material.js';
import { OFFER_CONTEXT, PCT_NOT_DISCOUNT_AFTER, PCT_NOT_DISCOUNT_BEFORE, REPORTED } from '../nlp/offer-cues.js';
import { compact, squash } from '../nlp/patterns.js';
import { sameTime } from '../nlp/when.js';
import { deriveDayDifference, deriveDays, derivePercent } from './arithmetic.js';
import { checkCount } from './check-count.js';
import { checkMoney, moneyAnchors } from './check-money.js';
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

/** A period that is what remains or what is added ("eight months left", "another two weeks"). */
const LEFT = /\b(?:left|remaining|remain|another|extra|further|additional)\b/i;
const DAYS_IN: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 365.25 / 12, year: 365.25 };

/** Durations agree: equal in days (2% when a month or a year is involved), or the customer's number for the unit. */
const sameDays = (a: number, b: number, loose: boolean): boolean => Math.abs(a - b) <= (loose ? 0.02 * Math.max(a, b) : 0.01);
const UNIT_WORD: Record<string, RegExp> = { hour: /hour|hr/i, day: /day/i, week: /week/i, month: /month|monthly|instal/i, year: /year|annual/i, minute: /minute/i };

const checkers = {
  money: (c, s) => checkMoney(c, s),
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
