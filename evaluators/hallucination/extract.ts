import type { ResolvedScenario } from '../../src/plan/material.js';
import {
  allHits, DATE_RE, DURATION_RE, EMAIL_RE, escapeRe, MONEY_RE, overlaps, parseAmount, parseDate, parseDuration, PERCENT_RE, trimUrl, URL_RE,
  type DurationValue, type Hit,
} from '../nlp/patterns.js';
import { findPhones } from '../nlp/phones.js';
import type { AgentText } from '../nlp/reading.js';
import {
  AMOUNT_NOT_PRICE_AFTER, AMOUNT_NOT_PRICE_BEFORE, OFFER_CONTEXT, PCT_NOT_DISCOUNT_AFTER, PCT_NOT_DISCOUNT_BEFORE, PRICE_CUE, REPORTED,
} from '../nlp/offer-cues.js';
import { clauseAt, isNegatedAt, sentenceAt, type EntitySpan } from '../nlp/wink.js';

/**
 * The offer reader's mentions (evaluators/offer/offers.ts reads amounts and percentages offered in prose); the
 * grounding instrument reads claims.ts instead. Checkable mentions in one agent turn: wink entities first (MONEY, PERCENT, DURATION, DATE, EMAIL, URL and the
 * learned catalog/policy names), regexes where wink is weak. Counting words, ordinals and times of day are not
 * claims and are never extracted; numbers inside names ("ProBook X14") or contact points are skipped too.
 */

export type MentionKind = 'money' | 'percent' | 'duration' | 'date' | 'order-id' | 'url' | 'email' | 'phone' | 'name';

interface MentionBase {
  turn: number;
  start: number;
  end: number;
  raw: string;
  negated: boolean;
  sentence: string;
  /** Sentence talks about a discount/offer ("% off", "save", "discount"). */
  offerContext: boolean;
  /** For percentages and amounts: a discount or a price offered to the customer (see nlp/offer-cues). */
  offerRole: 'discount' | 'price' | undefined;
  /** Catalog and policy names in the same sentence. */
  named: EntitySpan[];
}

export type Mention = MentionBase & (
  | { kind: 'money' | 'percent'; value: number }
  | { kind: 'duration'; value: DurationValue }
  | { kind: 'date' | 'order-id' | 'url' | 'email' | 'phone'; value: string }
  | { kind: 'name'; value: string; gazetteer: 'catalog' | 'policy' | undefined }
);

export const NUMERIC_KINDS: ReadonlySet<MentionKind> = new Set(['money', 'percent', 'duration', 'date']);

/** Order-id shapes: the scenario's own ids generalised ("ORD-1001" -> ORD-<digits>), plus "order #X". */
const idPatterns = new WeakMap<ResolvedScenario, RegExp[]>();

export function orderIdPatterns(r: ResolvedScenario): RegExp[] {
  const hit = idPatterns.get(r);
  if (hit) return hit;
  const prefixes = new Set(r.scenario.orders.map((o) => /^([A-Za-z]+[-_ ]?)\d/.exec(o.id)?.[1]).filter((p): p is string => p !== undefined));
  const shapes = [...prefixes].map((p) => new RegExp(`\\b${escapeRe(p)}\\d{3,}\\b`, 'gi'));
  const res = [...shapes, /\border\s*(?:#|no\.?|number|id)?\s*:?\s*#\s?([A-Z0-9][A-Z0-9-]{2,})\b|\border\s+(?:no\.?|number|id)\s*:?\s*([A-Z0-9][A-Z0-9-]{2,})\b/gi];
  idPatterns.set(r, res);
  return res;
}

function idHits(re: RegExp, text: string): Hit[] {
  const out: Hit[] = [];
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    const id = m[1] ?? m[2] ?? m[0];
    if (!/\d/.test(id)) continue;
    const start = m.index + m[0].lastIndexOf(id);
    out.push({ start, end: start + id.length, raw: id });
  }
  return out;
}

/** Wink spans of the given types merged with regex hits; overlapping hits keep the longer one. */
function merge(ents: EntitySpan[], types: string[], re: RegExp, text: string): Hit[] {
  const hits: Hit[] = [
    ...ents.filter((e) => types.includes(e.type)).map((e) => ({ start: e.start, end: e.end, raw: text.slice(e.start, e.end) })),
    ...allHits(re, text),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && overlaps(prev, h)) { if (h.end - h.start > prev.end - prev.start) out[out.length - 1] = h; continue; }
    out.push(h);
  }
  return out;
}

const memo = new WeakMap<AgentText, Mention[]>();

/** Mentions of one agent turn, memoised per turn object so the offer and policy evaluators share the pass. */
export function mentionsOf(t: AgentText, r: ResolvedScenario): Mention[] {
  let m = memo.get(t);
  if (!m) { m = extractMentions(t, r); memo.set(t, m); }
  return m;
}

export function extractMentions(t: AgentText, r: ResolvedScenario): Mention[] {
  const { text, analysis: a } = t;
  const occupied: Hit[] = [];
  const out: Mention[] = [];
  const gazHits = a.custom.filter((c) => c.type === 'catalog' || c.type === 'policy');
  const base = (h: Hit): MentionBase => {
    const s = sentenceAt(a, h.start);
    return {
      turn: t.turn, start: h.start, end: h.end, raw: h.raw, negated: isNegatedAt(a, h.start, h.end), sentence: s.text,
      offerContext: OFFER_CONTEXT.test(s.text), offerRole: undefined, named: gazHits.filter((g) => g.start >= s.start && g.end <= s.end),
    };
  };
  const role = (kind: 'money' | 'percent', h: Hit, b: MentionBase): MentionBase['offerRole'] => {
    if (!b.offerContext) return undefined;
    const clause = clauseAt(a, h.start);
    if (REPORTED.test(clause.text)) return undefined;
    const before = text.slice(Math.max(clause.start, h.start - 40), h.start);
    const after = text.slice(h.end, h.end + 24);
    if (kind === 'percent') return PCT_NOT_DISCOUNT_BEFORE.test(before) || PCT_NOT_DISCOUNT_AFTER.test(after) ? undefined : 'discount';
    if (AMOUNT_NOT_PRICE_BEFORE.test(before) || AMOUNT_NOT_PRICE_AFTER.test(after)) return undefined;
    return PRICE_CUE.test(before) || b.named.some((n) => n.type === 'catalog') ? 'price' : undefined;
  };
  const free = (h: Hit): boolean => !occupied.some((o) => overlaps(o, h));

  for (const h of merge(a.entities, ['EMAIL'], EMAIL_RE, text)) { occupied.push(h); out.push({ ...base(h), kind: 'email', value: h.raw.toLowerCase() }); }
  for (const h0 of merge(a.entities, ['URL'], URL_RE, text)) {
    const h = { ...h0, raw: trimUrl(h0.raw), end: h0.start + trimUrl(h0.raw).length };
    if (!free(h) || text[h.start - 1] === '@') continue;
    occupied.push(h);
    out.push({ ...base(h), kind: 'url', value: h.raw });
  }
  for (const p of findPhones(text)) { if (!free(p)) continue; occupied.push(p); out.push({ ...base(p), kind: 'phone', value: p.digits }); }
  for (const re of orderIdPatterns(r)) {
    for (const h of idHits(re, text)) { if (!free(h)) continue; occupied.push(h); out.push({ ...base(h), kind: 'order-id', value: h.raw }); }
  }
  for (const c of a.custom) {
    const h = { start: c.start, end: c.end, raw: text.slice(c.start, c.end) };
    if (c.type === 'candidate-name' && gazHits.some((g) => overlaps(g, h))) continue;
    if (!free(h)) continue;
    occupied.push(h);
    out.push({ ...base(h), kind: 'name', value: h.raw, gazetteer: c.type === 'catalog' || c.type === 'policy' ? c.type : undefined });
  }
  for (const h of merge(a.entities, ['MONEY'], MONEY_RE, text)) {
    const v = parseAmount(h.raw);
    if (v === undefined || !free(h)) continue;
    occupied.push(h);
    const b = base(h);
    out.push({ ...b, offerRole: role('money', h, b), kind: 'money', value: v });
  }
  for (const h of merge(a.entities, ['PERCENT'], PERCENT_RE, text)) {
    const v = parseAmount(h.raw);
    if (v === undefined || !free(h)) continue;
    occupied.push(h);
    const b = base(h);
    out.push({ ...b, offerRole: role('percent', h, b), kind: 'percent', value: v });
  }
  // wink's DURATION drops ranges ("3-5 business days" -> "days"); the regex reads the numbers it leaves behind.
  const durations = merge(a.entities.filter((e) => /\d/.test(e.value)), ['DURATION'], DURATION_RE, text);
  for (const h of durations) {
    const d = parseDuration(h.raw);
    if (!d || !free(h)) continue;
    occupied.push(h);
    out.push({ ...base(h), kind: 'duration', value: d });
  }
  for (const h of merge(a.entities, ['DATE'], DATE_RE, text)) {
    const iso = parseDate(h.raw, r.scenario.now);
    if (!iso || !free(h)) continue;
    occupied.push(h);
    out.push({ ...base(h), kind: 'date', value: iso });
  }
  return out.sort((x, y) => x.start - y.start);
}
