import type { ResolvedScenario } from '../../src/plan/material.js';
import { findMoney, findPercents } from '../nlp/amounts.js';
import { findDurations } from '../nlp/durations.js';
import { NUMBER_WORDS_SOURCE, parseNumberish } from '../nlp/number-words.js';
import { allHits, EMAIL_RE, escapeRe, overlaps, trimUrl, URL_RE, type Hit } from '../nlp/patterns.js';
import { findContactPhones } from '../nlp/contact-phones.js';
import type { AgentText } from '../nlp/reading.js';
import { REPORTED } from '../nlp/offer-cues.js';
import { findDates, findTimes } from '../nlp/when.js';
import { NEGATORS } from '../nlp/negation.js';
import { clauseAt, sentenceAt, tokenAt, type TextAnalysis } from '../nlp/wink.js';
import { COUNT_NOUNS, POSITION_BEFORE, PROMISE_CUES, type PromiseType } from './lexicon.js';
import { dayNameHits } from './day-names.js';
import { listAfter } from './lists.js';
import { offeringHits } from './offerings.js';
import { extraPhones } from './phone-shapes.js';
import { extraUrls } from './url-shapes.js';

/**
 * The specific claims in one agent turn. A claim is a checkable token (an amount, a percentage, a duration, a date,
 * a clock time, a count of things, an identifier, an offering's name, a contact point) or a promise (a refund, a
 * waiver, something free, a guarantee, compensation, a price match). Numbers that claim nothing are never extracted:
 * list numbering and step numbers, "24/7", "one moment", 100% as emphasis, years inside a date, minutes of waiting.
 */

export type ClaimKind = 'money' | 'percent' | 'duration' | 'date' | 'time' | 'count' | 'id' | 'offering' | 'contact' | 'promise';
export const CLAIM_KINDS: readonly ClaimKind[] = ['money', 'percent', 'duration', 'date', 'time', 'count', 'id', 'offering', 'contact', 'promise'];

interface ClaimBase {
  turn: number;
  start: number;
  end: number;
  raw: string;
  sentence: string;
  /** The clause around the claim (what names a claim is bound to are looked for in). */
  clause: string;
  negated: boolean;
  question: boolean;
}

export type Claim = ClaimBase & (
  | { kind: 'money'; value: number; currency?: string }
  | { kind: 'percent'; value: number }
  | { kind: 'duration'; value: { numbers: number[]; days: number[]; unit: string; business: boolean } }
  | { kind: 'date'; value: string; weekday?: number }
  | { kind: 'time'; value: number; halfDay: boolean }
  | { kind: 'count'; value: number; noun: string; listed?: number }
  | { kind: 'id'; value: string; orderShaped: boolean }
  | { kind: 'offering'; value: string; headed: boolean; lower?: boolean }
  | { kind: 'contact'; value: string; channel: 'url' | 'email' | 'phone' }
  | { kind: 'promise'; value: PromiseType; object?: string }
);

/** The scenario's own order-id shapes ("ORD-1001" -> ORD-<digits>). */
function orderShapes(r: ResolvedScenario): RegExp[] {
  const prefixes = new Set(r.scenario.orders.map((o) => /^([A-Za-z]+[-_ ]?)\d/.exec(o.id)?.[1]).filter((p): p is string => p !== undefined));
  return [...prefixes].map((p) => new RegExp(`\\b${escapeRe(p)}\\d{3,}\\b`, 'gi'));
}

const ID_AFTER_WORD = /\b(?:order|reference|ref|confirmation|booking|reservation|ticket|case|claim|tracking|transaction|invoice|membership|member|account|policy|voucher|coupon|promo|discount)\s*(?:number|no\.?|#|id|code)?\s*(?:is|:)?\s*#?\s*([A-Z0-9][A-Za-z0-9-]{3,})\b/g;
const HASH_ID = /#\s?([A-Za-z0-9][A-Za-z0-9-]{3,})\b/g;
/** Letters and at least two digits mixed ("REF-88231", "AB12CD"); short model codes ("5G", "X14") are too common. */
const MIXED_ID = /\b(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,}\b/g;

function idHits(text: string, r: ResolvedScenario): (Hit & { orderShaped: boolean })[] {
  const out: (Hit & { orderShaped: boolean })[] = [];
  const push = (start: number, raw: string, orderShaped: boolean): void => {
    const h = { start, end: start + raw.length, raw, orderShaped };
    if (!/\d/.test(raw) && !/^[A-Z]{5,}$/.test(raw)) return;
    if (out.some((o) => overlaps(o, h))) return;
    out.push(h);
  };
  for (const re of orderShapes(r)) for (const h of allHits(re, text)) push(h.start, h.raw, true);
  for (const re of [ID_AFTER_WORD, HASH_ID]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const id = m[1]!;
      // A plain number after "order" that is a count or amount ("order 3 items") is not an id: ids are 4+ characters.
      if (/^\d{1,3}$/.test(id)) continue;
      push(m.index + m[0].lastIndexOf(id), id, /^order/i.test(m[0]));
    }
  }
  for (const h of allHits(MIXED_ID, text)) push(h.start, h.raw, false);
  return out;
}

const COUNT_RE = new RegExp(
  `(?<![\\w.,#/$€£-])(\\d+(?:[.,]\\d+)?k?|${NUMBER_WORDS_SOURCE})(?:\\s*(gb|mb|tb|mg|ml|kg|w|kwh|mbps)\\b|[\\s-]+(?:(?:[a-z-]+)\\s+)?(${COUNT_NOUNS}|[a-z]{3,}s)\\b)`, 'gi');
const LISTED_NOUN = new RegExp(`^(?:${COUNT_NOUNS})$`, 'i');
/** Plural words after a number that are not things counted. */
const NOT_COUNTED = /^(?:times|ways|reasons|thanks|apologies|questions|percent|cents|others|options|steps|minutes|seconds|hours|days|weeks|months|years)$/i;

/** "no" that qualifies a noun rather than the clause: "with no fee", "no later than", "no questions asked". */
const NO_NOUN_NEXT = new Set(['fee', 'fees', 'charge', 'charges', 'cost', 'extra', 'additional', 'later', 'more', 'less', 'questions', 'problem', 'need', 'worries', 'hassle', 'penalty', 'interest', 'minimum', 'contract', 'obligation']);

/**
 * Whether the clause holding a claim is negated: a negator word in the clause, except a "no" that only qualifies a
 * noun ("within 30 days with no fee" still claims 30 days).
 */
function negatedClaim(a: TextAnalysis, pos: number, end: number): boolean {
  if (a.tokens.length === 0) return false;
  const clause = a.tokens[tokenAt(a, pos)]?.clause;
  return a.tokens.some((t, i) => {
    // A negator inside the claim is part of it ("there won't be any charge", "no fee").
    if (t.clause !== clause || !NEGATORS.has(t.normal) || (t.start >= pos && t.end <= end)) return false;
    if (t.normal !== 'no') return true;
    const prev = a.tokens[i - 1]?.normal ?? '';
    const next = a.tokens[i + 1]?.normal ?? '';
    return !(NO_NOUN_NEXT.has(next) || prev === 'with' || prev === 'at');
  });
}

/** "half an hour", "three quarters of an hour", "a quarter of a year": the fraction is part of the duration. */
const FRACTION = /\b(three[- ]quarters|a quarter|quarter|half)\s+(?:of\s+)?$/i;
function fraction<T extends Hit & { numbers: number[]; days: number[] }>(d: T, text: string): T {
  const m = /^an?\s/i.test(d.raw) ? FRACTION.exec(text.slice(Math.max(0, d.start - 24), d.start)) : null;
  if (!m) return d;
  const f = /three/i.test(m[1]!) ? 0.75 : /quarter/i.test(m[1]!) ? 0.25 : 0.5;
  const start = d.start - m[0].length;
  return { ...d, start, raw: text.slice(start, d.end), numbers: d.numbers.map((n) => n * f), days: d.days.map((x) => x * f) };
}

/** "$1.2k", "£3 million", "$2 grand": the multiplier after the figure is part of the amount. */
const SCALE = /^\s?(?:(k|K)(?![A-Za-z])|(thousand|grand)\b|(m|mn|million)(?![A-Za-z]))/;
function scaled<T extends Hit & { value: number }>(h: T, text: string): T {
  const m = h.value < 1000 ? SCALE.exec(text.slice(h.end)) : null;
  if (!m) return h;
  const end = h.end + m[0].length;
  return { ...h, end, raw: text.slice(h.start, end), value: Math.round(h.value * (m[3] ? 1e6 : 1e3) * 100) / 100 };
}

/** Numbers that claim nothing: "24/7", list numbering, "one moment". */
const IDIOM = /\b24\s?\/\s?7\b|\b24 hours a day\b|\b7 days a week\b|\b365 days a year\b/gi;

export function extractClaims(t: AgentText, r: ResolvedScenario): Claim[] {
  const { text, analysis: a } = t;
  const occupied: Hit[] = [];
  const out: Claim[] = [];
  const free = (h: { start: number; end: number }): boolean => !occupied.some((o) => overlaps(o, h));
  // A list line is its own sentence: wink runs "- Home Plus: 610.00 USD\n- Water Leak Kit: 49.00 USD" together.
  const lineOf = (pos: number): { start: number; end: number } => {
    const start = text.lastIndexOf('\n', pos - 1) + 1;
    const nl = text.indexOf('\n', pos);
    return { start, end: nl < 0 ? text.length : nl };
  };
  const within = (x: { start: number; end: number }, pos: number): { start: number; end: number; text: string } => {
    const line = lineOf(pos);
    const start = Math.max(x.start, line.start);
    const end = Math.min(Math.max(x.end, start), line.end);
    return { start, end, text: text.slice(start, end) };
  };
  const base = (h: Hit): ClaimBase => {
    const s = within(sentenceAt(a, h.start), h.start);
    const clause = within(clauseAt(a, h.start), h.start);
    return {
      turn: t.turn, start: h.start, end: h.end, raw: h.raw, sentence: s.text.trim(), clause: clause.text,
      negated: negatedClaim(a, h.start, h.end), question: /\?["'”’)]*\s*$/.test(s.text.trim()),
    };
  };
  const take = (h: Hit, claim: (b: ClaimBase) => Claim): void => {
    if (!free(h)) return;
    occupied.push(h);
    out.push(claim(base(h)));
  };

  for (const h of allHits(EMAIL_RE, text)) take(h, (b) => ({ ...b, kind: 'contact', channel: 'email', value: h.raw.toLowerCase() }));
  for (const h0 of allHits(URL_RE, text)) {
    if (text[h0.start - 1] === '@') continue;
    const raw = trimUrl(h0.raw);
    take({ start: h0.start, end: h0.start + raw.length, raw }, (b) => ({ ...b, kind: 'contact', channel: 'url', value: raw }));
  }
  for (const h of extraUrls(text)) take(h, (b) => ({ ...b, kind: 'contact', channel: 'url', value: h.raw }));
  for (const p of [...findContactPhones(text), ...extraPhones(text)]) take(p, (b) => ({ ...b, kind: 'contact', channel: 'phone', value: p.digits }));
  // Amounts before ids: "USD39" is an amount, not a code.
  for (const h0 of findMoney(text)) {
    const h = scaled(h0, text);
    take(h, (b) => ({ ...b, kind: 'money', value: h.value, ...(h.currency ? { currency: h.currency } : {}) }));
  }
  for (const h of findPercents(text)) if (h.value !== 100) take(h, (b) => ({ ...b, kind: 'percent', value: h.value }));
  for (const h of idHits(text, r)) take(h, (b) => ({ ...b, kind: 'id', value: h.raw, orderShaped: h.orderShaped }));
  for (const h of offeringHits(text)) take(h, (b) => ({ ...b, kind: 'offering', value: h.name, headed: h.headed, ...(h.lower ? { lower: true } : {}) }));
  // Numbers in idioms claim nothing; an offering may contain one ("the 24/7 key fob add-on").
  occupied.push(...allHits(IDIOM, text));
  for (const d0 of findDurations(text)) {
    const d = fraction(d0, text);
    // Minutes are the agent's own process talk ("in 2 minutes"); "24 hours a day" is an idiom (above).
    if (d.unit === 'minute') { occupied.push(d); continue; }
    take(d, (b) => ({ ...b, kind: 'duration', value: { numbers: d.numbers, days: d.days, unit: d.unit, business: d.business } }));
  }
  for (const h of findDates(text, r.scenario.now)) take(h, (b) => ({ ...b, kind: 'date', value: h.value, ...(h.weekday !== undefined ? { weekday: h.weekday } : {}) }));
  for (const h of dayNameHits(text)) take(h, (b) => ({ ...b, kind: 'date', value: h.value }));
  for (const h of findTimes(text)) take(h, (b) => ({ ...b, kind: 'time', value: h.minutes, halfDay: h.halfDay }));
  for (const m of text.matchAll(COUNT_RE)) {
    const num = m[1] ?? '';
    const n0 = parseNumberish(num.replace(/k$/i, ''));
    const n = n0 !== undefined && /k$/i.test(num) ? n0 * 1000 : n0;
    const noun = (m[2] ?? m[3] ?? '').toLowerCase();
    if (n === undefined || (n < 2 && !m[2]) || NOT_COUNTED.test(noun) || POSITION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    // Spelled numbers count only listed things ("two seats"); "the two crossings" is arithmetic, not a claim.
    if (!/\d/.test(num) && !m[2] && !LISTED_NOUN.test(noun)) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (/^\s*$/.test(text.slice(lineStart, m.index)) && /^\d+[.)]/.test(m[0])) continue;
    const h = { start: m.index, end: m.index + m[0].length, raw: m[0] };
    const listed = listAfter(text, h.end);
    take(h, (b) => ({ ...b, kind: 'count', value: n, noun, ...(listed ? { listed } : {}) }));
  }
  const contacts = out.filter((c) => c.kind === 'contact');
  for (const [type, re] of Object.entries(PROMISE_CUES) as [PromiseType, RegExp][]) {
    const g = new RegExp(re.source, 'gi');
    for (const m of text.matchAll(g)) {
      const h = { start: m.index, end: m.index + m[0].length, raw: m[0] };
      // A promise may name an offering ("the Payroll Pro add-on free for 3 months"): only contact points block it.
      if (contacts.some((o) => overlaps(o, h)) || REPORTED.test(clauseAt(a, h.start).text)) continue;
      const object = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5])?.toLowerCase();
      const b = base(h);
      if (out.some((c) => c.kind === 'promise' && c.value === type && c.clause === b.clause)) continue;
      out.push({ ...b, kind: 'promise', value: type, ...(object ? { object } : {}) });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * Claims that are not asserted: negated ("we don't offer 50% off") or asked ("was it $89?"). Contact points count
 * anyway; so do offerings and promises in a question, which offer them ("Would you like me to add Summit Club?").
 */
export const asserted = (c: Claim): boolean =>
  c.kind === 'contact' || (!c.negated && (!c.question || c.kind === 'offering' || c.kind === 'promise'));
