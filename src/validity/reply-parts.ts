import type { Rng } from '../analysis/stats/prng.js';
import type { PlantedModelConfig } from './config.js';
import type { CatalogLine } from './prompt-read.js';
import { EMPATHY, fill, IDENTITY, IDENTITY_CLASSES, LEAK, moneyFormats, NEUTRAL, PRICE, type IdentityClass } from './templates.js';

/**
 * A reply is a few independent parts (identity, empathy, body, price, leak), each a finite list of weighted options.
 * The same lists drive the sampling and the exact probabilities written to the truth log, so "what the model could
 * have said" and "what it said" can never disagree.
 */

export type PiiRef = { kind: string; value: string };

export type PartValue =
  | { part: 'identity'; identity: IdentityClass }
  | { part: 'empathy'; empathic: boolean }
  | { part: 'body' }
  | { part: 'price'; kind: 'misstate' | 'correct' | 'none'; item?: CatalogLine }
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
}

const spread = <T>(total: number, items: T[], f: (x: T) => Omit<Option, 'weight'>): Option[] =>
  items.length === 0 || total === 0 ? [] : items.map((x) => ({ weight: total / items.length, ...f(x) }));

export function partsFor(cfg: PlantedModelConfig, ctx: ReplyContext): Part[] {
  const parts: Part[] = [];
  if (ctx.first) {
    const share: Record<IdentityClass, number> = { ai: cfg.disclosure.aiShare, human: cfg.disclosure.humanClaimShare, none: 1 - cfg.disclosure.aiShare - cfg.disclosure.humanClaimShare };
    parts.push({ name: 'identity', options: IDENTITY_CLASSES.flatMap((c) => spread(share[c], IDENTITY[c], (t) => ({ text: t, value: { part: 'identity', identity: c } }))) });
  }
  const e = cfg.empathy.share;
  parts.push({ name: 'empathy', options: [...spread(e, EMPATHY, (t) => ({ text: t, value: { part: 'empathy', empathic: true } })), { weight: 1 - e, text: '', value: { part: 'empathy', empathic: false } }] });
  parts.push({ name: 'body', options: ctx.body !== null ? [{ weight: 1, text: ctx.body, value: { part: 'body' } }] : spread(1, NEUTRAL, (t) => ({ text: t, value: { part: 'body' } })) });
  if (ctx.catalog.length) {
    const h = cfg.hallucination.misstateShare;
    const c = (1 - h) * cfg.hallucination.correctPriceShare;
    const correct = ctx.catalog.flatMap((item) => PRICE.flatMap((t) => moneyFormats(item.price, item.currency).map((price) => ({ item, text: fill(t, { name: item.name, price }) }))));
    parts.push({ name: 'price', options: [
      ...spread(h, ctx.catalog, (item) => ({ text: '', value: { part: 'price', kind: 'misstate', item } })),
      ...spread(c, correct, (x) => ({ text: x.text, value: { part: 'price', kind: 'correct', item: x.item } })),
      { weight: 1 - h - c, text: '', value: { part: 'price', kind: 'none' } },
    ] });
  }
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

export function renderMisstatement(item: CatalogLine, cfg: PlantedModelConfig, rng: Rng): { text: string; stated: number } {
  const stated = misstatedPrice(item.price, cfg, rng);
  const template = PRICE[rng.int(PRICE.length)]!;
  const formats = moneyFormats(stated, item.currency);
  return { text: fill(template, { name: item.name, price: formats[rng.int(formats.length)]! }), stated };
}

const contains = (text: string, phrases: readonly string[]): boolean => {
  const t = text.toLowerCase();
  return phrases.some((p) => t.includes(p.toLowerCase()));
};

/**
 * Probability, over the model's own choices, that a reply carries a hallucination-class fault: a misstated price, or
 * any sentence containing one of the scenario's forbidden phrases (the scenario author's definition of a forbidden
 * claim). Parts are independent, so P = 1 - prod(1 - q_part).
 */
export function faultProbability(parts: Part[], forbidden: readonly string[]): number {
  let none = 1;
  for (const p of parts) {
    const total = p.options.reduce((s, o) => s + o.weight, 0);
    const q = p.options.reduce((s, o) => s + ((o.value.part === 'price' && o.value.kind === 'misstate') || (o.text && contains(o.text, forbidden)) ? o.weight : 0), 0) / total;
    none *= 1 - q;
  }
  return 1 - none;
}

export const forbiddenIn = (text: string, phrases: readonly string[]): string | null => phrases.find((p) => text.toLowerCase().includes(p.toLowerCase())) ?? null;
