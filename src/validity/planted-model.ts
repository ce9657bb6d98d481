import { createHash } from 'node:crypto';
import { z } from 'zod';
import { normalCdf, normalQuantile } from '../analysis/stats/normal.js';
import { rngFor, type Rng } from '../analysis/stats/prng.js';
import type { ChatRequest, MockReply, Responder } from '../mock/openai-server.js';
import { OUTREACH_OPENER } from '../providers/turns.js';
import { PlantedModelConfigSchema, type PlantedModelConfig, type PlantedModelConfigInput } from './config.js';
import { identify, type ScenarioIndex } from './identify.js';
import { catalogFromPrompt, maxDiscountFromPrompt } from './prompt-read.js';
import { faultProbability, forbiddenIn, partsFor, pickOption, renderFabrication, renderMisstatement, type PiiRef } from './reply-parts.js';
import { loadPhrasingBank } from './bank.js';
import { fill, IDENTITY_CLASSES, OFFER_DONE, OFFER_INTRO } from './templates.js';

/**
 * The planted-effect model: a Responder for the loopback OpenAI mock whose behaviour has known effect sizes
 * (config.ts). Randomness is keyed by the request itself (seed + hash of every message so far + how often that exact
 * prefix was seen), so the set of conversations a seed produces does not depend on the order requests arrive in.
 * Every reply is logged with what was planted in it.
 */

export const TruthEntrySchema = z.object({
  /** Request number as the mock counted it. */
  n: z.number().int().nonnegative(),
  /** sha256 of the request's messages (first 16 hex) and the occurrence of that prefix. */
  key: z.string(),
  scenarioId: z.string().nullable(),
  via: z.enum(['first-message', 'prompt']).nullable(),
  name: z.string().nullable(),
  group: z.string().nullable(),
  /** Assistant messages before this reply (0 = the first reply of the conversation). */
  replyIndex: z.number().int().nonnegative(),
  afterTool: z.boolean(),
  identity: z.enum(IDENTITY_CLASSES).nullable(),
  empathic: z.boolean(),
  misstatement: z.object({ sku: z.string(), name: z.string(), truePrice: z.number(), statedPrice: z.number(), currency: z.string() }).nullable(),
  /** A fabricated duration or invented offering (the value planted: a day count or the offering's name). */
  fabrication: z.object({ kind: z.enum(['duration', 'offering']), value: z.string(), text: z.string() }).nullable(),
  correctPrice: z.object({ sku: z.string(), price: z.number() }).nullable(),
  leak: z.object({ kind: z.string(), value: z.string() }).nullable(),
  offer: z.object({ discountPct: z.number(), price: z.number(), sku: z.string(), target: z.boolean(), basePct: z.number(), gapPct: z.number(), maxPct: z.number() }).nullable(),
  /** A forbidden phrase of the scenario that the reply contains (realised), if any. */
  forbiddenPhrase: z.string().nullable(),
  /** Exact probabilities of this reply's planted events, given its context (for expected truth rates). */
  p: z.object({ misstate: z.number(), fault: z.number(), leak: z.number() }),
  content: z.string(),
  toolCalls: z.array(z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()) })),
});
export type TruthEntry = z.infer<typeof TruthEntrySchema>;

export interface OfferEffects { basePct: number; gapPct: number; maxPct: number }

export interface PlantedModel {
  config: PlantedModelConfig;
  responder: Responder;
  /** One entry per reply sent, in request order. */
  truth: TruthEntry[];
  /** The scenario's reference discount and its planted gap for the target group (fixed per seed). */
  offerEffects(scenarioId: string, maxPct: number): OfferEffects;
}

const sha16 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);
const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Standard normal deviate by inversion (reuses the analysis' quantile function). */
export function gaussian(rng: Rng): number {
  const u = rng.next();
  return normalQuantile(u === 0 ? 2 ** -33 : u);
}

/** E[min(max(X, 0), max)] for X ~ N(mu, sd): the discount a policy-abiding agent gives on average. */
export function expectedClamped(mu: number, sd: number, max: number): number {
  if (sd === 0) return Math.min(Math.max(mu, 0), max);
  const a = (0 - mu) / sd;
  const b = (max - mu) / sd;
  const pdf = (x: number): number => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
  return max * (1 - normalCdf(b)) + mu * (normalCdf(b) - normalCdf(a)) + sd * (pdf(a) - pdf(b));
}

/** Expected discount gap (target minus reference) after the policy clamp: the truth the bias audit should recover. */
export const expectedGap = (e: OfferEffects, sd: number): number => expectedClamped(e.basePct - e.gapPct, sd, e.maxPct) - expectedClamped(e.basePct, sd, e.maxPct);

/**
 * The population value of a scenario's gap: expectedGap averaged over the model's per-seed scenario draws (reference
 * discount uniform in its share range, gap heterogeneity normal), on a midpoint grid. A scenario-clustered CI treats
 * the scenarios' gaps as draws around this value, so it is the truth its coverage is judged against.
 */
export function populationGap(cfg: PlantedModelConfig, maxPct: number, grid = 48): number {
  const [lo, hi] = cfg.bias.baseShareOfMax;
  let sum = 0;
  for (let i = 0; i < grid; i++) {
    const basePct = maxPct * (lo + ((hi - lo) * (i + 0.5)) / grid);
    for (let j = 0; j < grid; j++) {
      const gapPct = cfg.bias.gapPp * (1 + cfg.bias.gapCvAcrossScenarios * normalQuantile((j + 0.5) / grid));
      sum += expectedGap({ basePct, gapPct, maxPct }, cfg.bias.noiseSdPp);
    }
  }
  return sum / (grid * grid);
}

interface ToolCallIn { function?: { name?: string; arguments?: string } }
const toolCallsOf = (m: ChatRequest['messages'][number]): { name: string; args: Record<string, unknown> }[] =>
  ((m.tool_calls ?? []) as ToolCallIn[]).map((t) => {
    let args: Record<string, unknown> = {};
    try { args = JSON.parse(t.function?.arguments ?? '{}') as Record<string, unknown>; } catch { /* malformed arguments: treat as none */ }
    return { name: t.function?.name ?? '', args };
  });

/** The probability the price part planted a misstatement (0 when the reply had no price part or no usable template). */
function misstateShareOf(parts: ReturnType<typeof partsFor>): number {
  const p = parts.find((x) => x.name === 'price');
  if (!p) return 0;
  const total = p.options.reduce((s, o) => s + o.weight, 0);
  return p.options.reduce((s, o) => s + (o.value.part === 'price' && o.value.kind === 'misstate' ? o.weight : 0), 0) / total;
}

export function createPlantedModel(input: PlantedModelConfigInput, index: ScenarioIndex): PlantedModel {
  const cfg = PlantedModelConfigSchema.parse(input);
  const bank = loadPhrasingBank(cfg.bankSplit);
  const truth: TruthEntry[] = [];
  const seen = new Map<string, number>();
  const effects = new Map<string, OfferEffects>();

  const offerEffects = (scenarioId: string, maxPct: number): OfferEffects => {
    const k = `${scenarioId}|${maxPct}`;
    let e = effects.get(k);
    if (!e) {
      const r = rngFor(cfg.seed, `scenario|${scenarioId}`);
      const [lo, hi] = cfg.bias.baseShareOfMax;
      const basePct = maxPct * (lo + (hi - lo) * r.next());
      const gapPct = cfg.bias.gapPp * (1 + cfg.bias.gapCvAcrossScenarios * gaussian(r));
      e = { basePct, gapPct, maxPct };
      effects.set(k, e);
    }
    return e;
  };

  const responder: Responder = (req: ChatRequest, n: number): MockReply => {
    // Call ids are the mock's request counter, which differs between runs: hash the conversation without them.
    const prefix = sha16(JSON.stringify(req.messages.map((m) => [m.role, m.content ?? null, toolCallsOf(m).map((t) => [t.name, t.args])])));
    const occ = seen.get(prefix) ?? 0;
    seen.set(prefix, occ + 1);
    const key = `${prefix}:${occ}`;
    const stream = (part: string): Rng => rngFor(cfg.seed, `reply|${key}|${part}`);

    const system = req.messages.find((m) => m.role === 'system')?.content ?? '';
    const id = identify(index, req);
    const scenario = id.scenarioId ? index.scenarios.get(id.scenarioId) : undefined;
    const catalog = catalogFromPrompt(system);
    const maxPct = maxDiscountFromPrompt(system);
    const assistants = req.messages.filter((m) => m.role === 'assistant');
    const last = req.messages.at(-1);
    const afterTool = last?.role === 'tool';
    const lastCustomer = last?.role === 'user' && last.content !== OUTREACH_OPENER;
    const offersSoFar = assistants.flatMap(toolCallsOf).filter((t) => t.name === 'make_offer');
    const canOffer = (req.tools ?? []).some((t) => t.function.name === 'make_offer') && maxPct !== null && catalog.length > 0 && !!scenario;
    const otherPii: PiiRef[] = scenario ? scenario.judging.pii.filter((p) => p.owner === 'other').map((p) => ({ kind: p.kind, value: p.value })) : [];
    const forbidden = scenario ? scenario.judging.forbiddenClaims.flatMap((f) => f.anyOf) : [];

    let offer: TruthEntry['offer'] = null;
    let body: string | null = null;
    const toolCalls: TruthEntry['toolCalls'] = [];
    if (canOffer && lastCustomer && offersSoFar.length === 0 && scenario && maxPct !== null) {
      const e = offerEffects(scenario.id, maxPct);
      const target = id.group === cfg.bias.targetGroup;
      const raw = e.basePct + cfg.bias.noiseSdPp * gaussian(stream('offer')) - (target ? e.gapPct : 0);
      const discountPct = Math.min(Math.max(round(raw, 1), 0), maxPct);
      const item = catalog[0]!;
      const price = round(item.price * (1 - discountPct / 100), 2);
      offer = { discountPct, price, sku: item.sku, target, basePct: e.basePct, gapPct: e.gapPct, maxPct };
      toolCalls.push({ name: 'make_offer', arguments: { discountPct, price, bundle: [item.sku] } });
      body = OFFER_INTRO[stream('offer-text').int(OFFER_INTRO.length)]!;
    } else if (afterTool && offersSoFar.length > 0) {
      const pct = Number(offersSoFar.at(-1)!.args['discountPct']);
      body = fill(OFFER_DONE[stream('offer-text').int(OFFER_DONE.length)]!, { pct: String(pct) });
    }

    const brief = system.toLowerCase();
    const parts = partsFor(cfg, { first: assistants.length === 0, catalog, otherPii, body, bank, brief });
    const sentences: string[] = [];
    const entry: Omit<TruthEntry, 'content' | 'toolCalls' | 'forbiddenPhrase' | 'p'> = {
      n, key, scenarioId: id.scenarioId, via: id.via, name: id.name, group: id.group, replyIndex: assistants.length, afterTool,
      identity: null, empathic: false, misstatement: null, fabrication: null, correctPrice: null, leak: null, offer,
    };
    for (const part of parts) {
      const rng = stream(part.name);
      const o = pickOption(part.options, rng);
      const v = o.value;
      if (v.part === 'identity') entry.identity = v.identity;
      if (v.part === 'empathy') entry.empathic = v.empathic;
      if (v.part === 'leak' && v.pii) entry.leak = v.pii;
      if (v.part === 'price' && v.kind === 'correct' && v.item) entry.correctPrice = { sku: v.item.sku, price: v.item.price };
      if (v.part === 'fabrication' && v.kind !== 'none' && v.template) {
        const f = renderFabrication(v.kind, v.template, { bank, brief }, rng);
        entry.fabrication = { kind: v.kind, value: f.value, text: f.text };
        sentences.push(f.text);
        continue;
      }
      if (v.part === 'price' && v.kind === 'misstate' && v.item && v.template) {
        const m = renderMisstatement(v.item, v.template, cfg, rng);
        entry.misstatement = { sku: v.item.sku, name: v.item.name, truePrice: v.item.price, statedPrice: m.stated, currency: v.item.currency };
        sentences.push(m.text);
        continue;
      }
      if (o.text) sentences.push(o.text);
    }
    const content = sentences.join(' ');
    truth.push({
      ...entry, content, toolCalls, forbiddenPhrase: forbiddenIn(content, forbidden),
      p: { misstate: misstateShareOf(parts), fault: faultProbability(parts, forbidden), leak: otherPii.length ? cfg.privacy.leakShare : 0 },
    });
    return { content, ...(toolCalls.length ? { toolCalls } : {}) };
  };

  return { config: cfg, responder, truth, offerEffects };
}
