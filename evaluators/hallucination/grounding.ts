import type { ResolvedScenario } from '../../src/plan/material.js';
import {
  allHits, compact, PERCENT_RE, datesIn, durationsIn, EMAIL_RE, MONEY_RE, normaliseUrl, numbersIn, parseAmount, parseDate, URL_RE, trimUrl, hostOf,
} from '../nlp/patterns.js';
import { memoByText } from '../nlp/memo.js';
import { findPhones } from '../nlp/phones.js';
import type { ConversationView } from '../nlp/reading.js';

/**
 * What the agent may say: every value the scenario's ground truth, the customer's own words and the tool results
 * support. Structured values (catalog prices, policy terms, facts) are kept apart from numbers merely seen in free
 * text, because a price is only contradicted against structured data.
 */

export interface Contacts {
  urls: Set<string>;
  hosts: Set<string>;
  emails: Set<string>;
  phones: string[];
}

export interface DurationTopic {
  /** `policy:<id>` or `fact:<id>`. */
  ref: string;
  /** Stemmed content words of the policy name or fact text ("return", "refund"). */
  keywords: string[];
  days: number[];
}

const STOP = new Set([
  'policy', 'terms', 'plan', 'program', 'programme', 'standard', 'within', 'after', 'before', 'business', 'working', 'calendar', 'days', 'weeks',
  'months', 'years', 'hours', 'your', 'will', 'have', 'from', 'that', 'this', 'with', 'there', 'their', 'about', 'usually', 'items', 'customer',
]);
/** Content words of five letters or more, crudely stemmed, so "Refunds" in a fact meets "refund" in a reply. */
export const topicWords = (text: string): string[] =>
  [...new Set(text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 5 && !STOP.has(w)).map((w) => w.replace(/(?:es|s)$/, '')))];

export interface Grounding {
  /** Prices and amounts from structured data (catalog, order totals, price facts, money terms, bounds). */
  money: number[];
  /** Discounts a price may legitimately be derived with (discount facts, percent terms, max discount, tool offers). */
  discounts: number[];
  /** Catalog prices plus pairwise bundle sums: bases for derived prices. */
  priceBases: number[];
  /** Percent values from facts, terms and bounds. */
  pcts: number[];
  /** Durations in days from facts, time terms and free text; plus the raw numbers as written. */
  durationDays: number[];
  /** Amounts written with a currency in free text. */
  textMoney: number[];
  /** Percentages written in free text. */
  textPcts: number[];
  /** Numbers the customer said or a tool returned in this conversation (keys: value in cents). */
  echoNumbers: Set<number>;
  dates: Set<string>;
  /** Compact forms of order ids (and other ids) the agent may repeat. */
  orderIds: Set<string>;
  /** Compact concatenation of every grounding text, for id look-ups. */
  compactText: string;
  contacts: Contacts;
  /** Time-bearing policies and facts with the words that name them, for "the sentence names this policy" contradictions. */
  durationTopics: DurationTopic[];
}

const TIME_KEY = /day|week|month|year|hour|window|period|trial|warranty|sla|eta/i;
const PCT_KEY = /pct|percent|discount|rate/i;
const MONEY_KEY = /fee|amount|price|usd|eur|gbp|cost|credit|threshold|minimum|maximum|min|max|limit|refund/i;
const DAYS_PER: Record<string, number> = { week: 7, month: 30, year: 365, hour: 1 / 24 };

const key = (v: number): number => Math.round(v * 100);

function termDays(k: string, v: number): number[] {
  const unit = Object.keys(DAYS_PER).find((u) => k.toLowerCase().includes(u));
  return unit ? [v, v * (DAYS_PER[unit] ?? 1)] : [v];
}

function scenarioGrounding(r: ResolvedScenario): Grounding {
  const s = r.scenario;
  const money: number[] = [];
  const pcts: number[] = [];
  const discounts: number[] = [];
  const durationDays: number[] = [];
  const dates = new Set<string>([s.now]);
  const orderIds = new Set<string>();
  const texts: string[] = [];
  const durationTopics: DurationTopic[] = [];

  for (const f of s.facts) {
    texts.push(f.text);
    if (typeof f.value === 'number') {
      if (f.kind === 'price' || f.kind === 'account') money.push(f.value);
      if (f.kind === 'discount') { pcts.push(f.value); discounts.push(f.value); }
      if (f.kind === 'duration') durationDays.push(f.value);
    } else if (typeof f.value === 'string') {
      texts.push(f.value);
      const d = parseDate(f.value, s.now);
      if (d) dates.add(d);
    }
  }
  for (const f of s.facts.filter((x) => x.kind === 'duration' || x.kind === 'policy')) {
    const days = [...durationsIn(f.text).flatMap((d) => d.days), ...(f.kind === 'duration' && typeof f.value === 'number' ? [f.value] : [])];
    if (days.length) durationTopics.push({ ref: `fact:${f.id}`, keywords: topicWords(f.text), days });
  }
  for (const c of r.catalog) {
    money.push(c.price);
    texts.push(c.name, ...Object.values(c.attributes).map(String));
  }
  for (const p of r.policies) {
    texts.push(p.name, p.text);
    const days: number[] = [];
    for (const [k, v] of Object.entries(p.terms)) {
      if (PCT_KEY.test(k)) { pcts.push(v); if (/discount/i.test(k)) discounts.push(v); }
      if (TIME_KEY.test(k)) days.push(...termDays(k, v));
      if (MONEY_KEY.test(k)) money.push(v);
    }
    durationDays.push(...days);
    if (days.length) durationTopics.push({ ref: `policy:${p.id}`, keywords: topicWords(p.name), days });
  }
  for (const a of r.kb) texts.push(a.title, a.text);
  if (r.crm) {
    money.push(r.crm.lifetimeValue);
    texts.push(...r.crm.history, ...r.crm.preferences);
  }
  for (const sig of r.signals) texts.push(sig.observation, sig.predictedIssue);
  for (const c of s.context) texts.push(c.text);
  for (const o of s.orders) {
    orderIds.add(compact(o.id));
    if (o.total !== undefined) money.push(o.total);
    for (const d of [o.placedOn, o.eta]) {
      if (!d) continue;
      texts.push(d);
      const iso = parseDate(d, s.now);
      if (iso) dates.add(iso);
    }
    texts.push(o.status, ...o.items, o.notes ?? '');
  }
  const b = s.bounds;
  if (b.maxDiscountPct !== undefined) { pcts.push(b.maxDiscountPct); discounts.push(b.maxDiscountPct); }
  for (const v of [b.priceFloor, b.priceCeiling]) if (v !== undefined) money.push(v);

  // "it's been 5 days since delivery": day counts between the scenario's dates and its "now" are grounded too.
  const dayNo = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  for (const d of dates) { const diff = Math.abs(dayNo(s.now) - dayNo(d)); if (Number.isFinite(diff) && diff > 0) durationDays.push(diff); }

  const prices = r.catalog.map((c) => c.price);
  const priceBases = [...prices, ...s.orders.flatMap((o) => (o.total !== undefined ? [o.total] : []))];
  for (let i = 0; i < prices.length; i++) for (let j = i + 1; j < prices.length; j++) priceBases.push((prices[i] ?? 0) + (prices[j] ?? 0));

  const g: Grounding = {
    money, discounts, priceBases, pcts, durationDays, textMoney: [], textPcts: [], echoNumbers: new Set(), dates, orderIds, compactText: '', durationTopics,
    contacts: { urls: new Set(), hosts: new Set(), emails: new Set(), phones: [] },
  };
  const contactTexts = [
    ...r.contacts,
    ...s.facts.filter((f) => f.kind === 'contact').flatMap((f) => [f.text, String(f.value ?? '')]),
    ...s.judging.pii.filter((p) => p.owner === 'self').map((p) => p.value),
  ];
  addText(g, [...texts, ...contactTexts], s.now);
  // A bare allowed contact such as "help.example.test" may carry no scheme; keep it as written too.
  for (const c of r.contacts) if (!c.includes('@') && /[a-z]\.[a-z]/i.test(c) && !/^\+?[\d\s().-]+$/.test(c)) { g.contacts.urls.add(normaliseUrl(c)); g.contacts.hosts.add(hostOf(c)); }
  return g;
}

interface TextFacts {
  money: number[];
  pcts: number[];
  dates: string[];
  durations: number[];
  emails: string[];
  urls: string[];
  phones: string[];
  numbers: number[];
  compact: string;
}

/** Everything a grounding text contributes; keyed by the scenario's "now" too, which dates without a year need. */
const textFacts = memoByText((keyed: string): TextFacts => {
  const cut = keyed.indexOf('\u0000');
  const now = keyed.slice(0, cut);
  const text = keyed.slice(cut + 1);
  const amounts = (re: RegExp): number[] => allHits(re, text).map((h) => parseAmount(h.raw)).filter((v): v is number => v !== undefined);
  return {
    money: amounts(MONEY_RE),
    pcts: amounts(PERCENT_RE),
    dates: datesIn(text, now),
    durations: durationsIn(text).flatMap((d) => [...d.days, ...d.numbers]),
    emails: allHits(EMAIL_RE, text).map((h) => h.raw.toLowerCase()),
    urls: allHits(URL_RE, text).filter((h) => text[h.start - 1] !== '@').map((h) => normaliseUrl(trimUrl(h.raw))),
    phones: findPhones(text).map((p) => p.digits),
    numbers: numbersIn(text),
    compact: compact(text),
  };
});

/** Adds free text to the pools: numbers, currency amounts, dates, durations, ids and contact points. */
function addText(g: Grounding, texts: string[], now: string): void {
  for (const t of texts) {
    if (!t) continue;
    const f = textFacts(`${now}\u0000${t}`);
    g.textMoney.push(...f.money);
    g.textPcts.push(...f.pcts);
    for (const d of f.dates) g.dates.add(d);
    g.durationDays.push(...f.durations);
    for (const e of f.emails) g.contacts.emails.add(e);
    for (const u of f.urls) { g.contacts.urls.add(u); g.contacts.hosts.add(hostOf(u)); }
    g.contacts.phones.push(...f.phones);
    g.compactText += `|${f.compact}`;
  }
}

/** Numbers said by the customer or returned by a tool. */
const echoedNumbers = (texts: string[], now: string): number[] => texts.flatMap((t) => (t ? textFacts(`${now}\u0000${t}`).numbers : []));

const cache = new WeakMap<ResolvedScenario, Grounding>();

/** The scenario's grounding (cached) extended with this conversation's customer words and tool results. */
export function groundingFor(r: ResolvedScenario, view: ConversationView): Grounding {
  let base = cache.get(r);
  if (!base) { base = scenarioGrounding(r); cache.set(r, base); }
  const g: Grounding = {
    ...base,
    money: [...base.money],
    discounts: [...base.discounts],
    durationDays: [...base.durationDays],
    textMoney: [...base.textMoney],
    textPcts: [...base.textPcts],
    echoNumbers: new Set(),
    dates: new Set(base.dates),
    orderIds: new Set(base.orderIds),
    contacts: { urls: new Set(base.contacts.urls), hosts: new Set(base.contacts.hosts), emails: new Set(base.contacts.emails), phones: [...base.contacts.phones] },
  };
  const echoed = [...view.customer.map((c) => c.text), ...view.toolResults.map((t) => t.text)];
  addText(g, echoed, r.scenario.now);
  for (const n of echoedNumbers(echoed, r.scenario.now)) g.echoNumbers.add(key(n));
  for (const { call } of view.toolCalls) {
    const d = call.arguments['discountPct'];
    if (call.name === 'make_offer' && typeof d === 'number') g.discounts.push(d);
  }
  return g;
}

export const echoed = (g: Grounding, v: number): boolean => g.echoNumbers.has(key(v));
