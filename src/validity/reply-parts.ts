import type { Rng } from '../analysis/stats/prng.js';
import type { PlantedModelConfig } from './config.js';
import type { CatalogLine } from './prompt-read.js';
import type { PhrasingLists } from './bank.js';
import { AGENT_NAMES, amountText, EMPATHY, fill, IDENTITY_CLASSES, LEAK, NEUTRAL, templateCurrency, type IdentityClass } from './templates.js';

/**
 * A reply is a few independent parts (identity, empathy, body, price, fabrication, leak), each a finite list of weighted options.
 * The same lists drive the sampling and the exact probabilities written to the truth log, so "what the model could
 * have said" and "what it said" can never disagree.
 */

export type PiiRef = { kind: string; value: string };

export type PartValue =
  | { part: 'identity'; identity: IdentityClass }
  | { part: 'empathy'; empathic: boolean }
  | { part: 'body' }
  | { part: 'price'; kind: 'misstate' | 'correct' | 'none'; item?: CatalogLine; template?: string }
  | { part: 'fabrication'; kind: 'duration' | 'offering' | 'none'; template?: string }
  | { part: 'leak'; pii: PiiRef | null };

export interface Option {
  weight: number;
  /** Static text; a misstatement is rendered at sampling time (its wrong amount is drawn then). */
  text: string;
  value: PartValue;
}

export interface Part { name: PartValue['part']; options: Option[] }

export interface ReplyContext {
  first: boolean;
  catalog: CatalogLine[];
  otherPii: PiiRef[];
  /** Body sentence when the reply is about an offer (fixed), else one of the neutral sentences. */
  body: string | null;
  /** The bank's phrasings (one split). */
  bank: PhrasingLists;
  /** Lower-cased system prompt: an invented offering must not occur in it, a fabricated duration not be a number in it. */
  brief: string;
}

/** Bank templates that write no currency, or the catalog's own. */
const priceTemplates = (templates: string[], currency: string): string[] => templates.filter((t) => { const c = templateCurrency(t); return c === null || c === currency; });

/** Invented offerings: the bank's names that the brief does not contain. */
export const inventedOfferings = (bank: PhrasingLists, brief: string): string[] => bank.offeringNames.filter((n) => !brief.includes(n.toLowerCase()));

const spread = <T>(total: number, items: T[], f: (x: T) => Omit<Option, 'weight'>): Option[] =>
  items.length === 0 || total === 0 ? [] : items.map((x) => ({ weight: total / items.length, ...f(x) }));

export function partsFor(cfg: PlantedModelConfig, ctx: ReplyContext): Part[] {
  const parts: Part[] = [];
  if (ctx.first) {
    const share: Record<IdentityClass, number> = { ai: cfg.disclosure.aiShare, human: cfg.disclosure.humanClaimShare, none: 1 - cfg.disclosure.aiShare - cfg.disclosure.humanClaimShare };
    const said: Record<IdentityClass, string[]> = { ai: ctx.bank.aiDisclosure, human: ctx.bank.falseHuman, none: ctx.bank.neitherOpener };
    const named = (t: string): string[] => (t.includes('{name}') ? AGENT_NAMES.map((n) => fill(t, { name: n })) : [t]);
    parts.push({ name: 'identity', options: IDENTITY_CLASSES.flatMap((c) => spread(share[c], said[c].flatMap(named), (t) => ({ text: t, value: { part: 'identity', identity: c } }))) });
  }
  const e = cfg.empathy.share;
  parts.push({ name: 'empathy', options: [...spread(e, EMPATHY, (t) => ({ text: t, value: { part: 'empathy', empathic: true } })), { weight: 1 - e, text: '', value: { part: 'empathy', empathic: false } }] });
  parts.push({ name: 'body', options: ctx.body !== null ? [{ weight: 1, text: ctx.body, value: { part: 'body' } }] : spread(1, NEUTRAL, (t) => ({ text: t, value: { part: 'body' } })) });
  if (ctx.catalog.length) {
    const h = cfg.hallucination.misstateShare;
    const c = (1 - h) * cfg.hallucination.correctPriceShare;
    const wrong = ctx.catalog.flatMap((item) => priceTemplates(ctx.bank.wrongPrice, item.currency).map((template) => ({ item, template })));
    const correct = ctx.catalog.flatMap((item) => priceTemplates(ctx.bank.correctPrice, item.currency).flatMap((t) =>
      [true, false].map((whole) => ({ item, text: fill(t, { product: item.name, amount: amountText(item.price, whole) }) }))));
    const hw = wrong.length ? h : 0;
    const cw = correct.length ? c : 0;
    parts.push({ name: 'price', options: [
      ...spread(hw, wrong, (x) => ({ text: '', value: { part: 'price', kind: 'misstate', item: x.item, template: x.template } })),
      ...spread(cw, correct, (x) => ({ text: x.text, value: { part: 'price', kind: 'correct', item: x.item } })),
      { weight: 1 - hw - cw, text: '', value: { part: 'price', kind: 'none' } },
    ] });
  }
  const f = cfg.hallucination.fabricateShare;
  const offerings = inventedOfferings(ctx.bank, ctx.brief);
  const kinds = { duration: ctx.bank.wrongDuration, offering: offerings.length ? ctx.bank.inventedOffering : [] };
  const live = Object.values(kinds).filter((xs) => xs.length).length;
  parts.push({ name: 'fabrication', options: [
    ...(['duration', 'offering'] as const).flatMap((k) => spread(live ? f / live : 0, kinds[k], (template) => ({ text: '', value: { part: 'fabrication', kind: k, template } }))),
    { weight: live ? 1 - f : 1, text: '', value: { part: 'fabrication', kind: 'none' } },
  ] });
  if (ctx.otherPii.length) {
    const l = cfg.privacy.leakShare;
    const said = ctx.otherPii.flatMap((pii) => (LEAK[pii.kind as keyof typeof LEAK] ?? LEAK.other).map((t) => ({ pii, text: fill(t, { value: pii.value }) })));
    parts.push({ name: 'leak', options: [...spread(l, said, (x) => ({ text: x.text, value: { part: 'leak', pii: x.pii } })), { weight: 1 - l, text: '', value: { part: 'leak', pii: null } }] });
  }
  return parts;
}

export function pickOption(options: Option[], rng: Rng): Option {
  const total = options.reduce((s, o) => s + o.weight, 0);
  let u = rng.next() * total;
  for (const o of options) {
    u -= o.weight;
    if (u < 0) return o;
  }
  return options[options.length - 1]!;
}

/** A wrong amount for a real item: the true price times 1 +/- u, u uniform in the configured range, in cents. */
export function misstatedPrice(truePrice: number, cfg: PlantedModelConfig, rng: Rng): number {
  const [lo, hi] = cfg.hallucination.deviation;
  const u = lo + (hi - lo) * rng.next();
  const sign = rng.next() < 0.5 ? -1 : 1;
  const v = Math.round(truePrice * (1 + sign * u) * 100) / 100;
  return v === truePrice ? Math.round((truePrice + 1) * 100) / 100 : v;
}

export function renderMisstatement(item: CatalogLine, template: string, cfg: PlantedModelConfig, rng: Rng): { text: string; stated: number } {
  const stated = misstatedPrice(item.price, cfg, rng);
  return { text: fill(template, { product: item.name, amount: amountText(stated, rng.next() < 0.5) }), stated };
}

/** What a template's "{policy} policy" names: a real topic, so the fabricated duration is stated about something plausible. */
const POLICY_TOPICS = ['returns', 'refund', 'cancellation', 'exchange', 'warranty', 'complaints'];

/** Numbers the brief contains, and the day counts they stand for as weeks, months or years. */
export function briefDayNumbers(brief: string): Set<number> {
  const out = new Set<number>();
  for (const m of brief.matchAll(/\d+(?:\.\d+)?/g)) {
    const v = Number(m[0]);
    for (const x of [v, v * 7, v * 30, v * 31, v * 365, v * 24, v / 24]) out.add(Math.round(x));
  }
  return out;
}

/** A fabricated duration: a day count from 3 to 120 that no number in the brief stands for. */
export function fabricatedDays(brief: string, rng: Rng): number {
  const taken = briefDayNumbers(brief);
  const free = Array.from({ length: 118 }, (_, i) => i + 3).filter((d) => !taken.has(d));
  const pool = free.length ? free : [113];
  return pool[rng.int(pool.length)]!;
}

export function renderFabrication(kind: 'duration' | 'offering', template: string, ctx: Pick<ReplyContext, 'bank' | 'brief'>, rng: Rng): { text: string; value: string } {
  if (kind === 'duration') {
    const days = String(fabricatedDays(ctx.brief, rng));
    return { text: fill(template, { days, policy: POLICY_TOPICS[rng.int(POLICY_TOPICS.length)]! }), value: days };
  }
  const names = inventedOfferings(ctx.bank, ctx.brief);
  const offering = names[rng.int(names.length)]!;
  return { text: fill(template, { offering }), value: offering };
}

const contains = (text: string, phrases: readonly string[]): boolean => {
  const t = text.toLowerCase();
  return phrases.some((p) => t.includes(p.toLowerCase()));
};

/**
 * Probability, over the model's own choices, that a reply carries a hallucination-class fault: a misstated price, a
 * fabricated duration or offering, or any sentence containing one of the scenario's forbidden phrases (the scenario author's definition of a forbidden
 * claim). Parts are independent, so P = 1 - prod(1 - q_part).
 */
export function faultProbability(parts: Part[], forbidden: readonly string[]): number {
  let none = 1;
  for (const p of parts) {
    const total = p.options.reduce((s, o) => s + o.weight, 0);
    const planted = (v: PartValue): boolean => (v.part === 'price' && v.kind === 'misstate') || (v.part === 'fabrication' && v.kind !== 'none');
    const q = p.options.reduce((s, o) => s + (planted(o.value) || (o.text && contains(o.text, forbidden)) ? o.weight : 0), 0) / total;
    none *= 1 - q;
  }
  return 1 - none;
}

export const forbiddenIn = (text: string, phrases: readonly string[]): string | null => phrases.find((p) => text.toLowerCase().includes(p.toLowerCase())) ?? null;
