import { countTokens } from 'gpt-tokenizer';
import { TOOLS, type ToolName } from '../approaches/tools.js';
import { planCells } from '../plan/cells.js';
import { variantDesign } from '../agents/prompt-variant.js';
import { promptCacheOn, type ModelSpec } from '../schema/model-spec.js';
import { resolveScenario } from '../plan/material.js';
import { applyVariant } from '../plan/personas.js';
import type { Suite } from '../plan/suite.js';
import { priceCall } from '../cost/prices.js';
import type { Usage } from '../core/types.js';
import { layoutSystem, stablePrefixKey } from '../providers/prompt-layout.js';
import { cachePolicy, type CacheMode } from '../providers/prompt-cache.js';
import { PromptCacheReplay } from './estimate-cache.js';

/** Assumed length of an agent reply when estimating (tokens); the upper bound uses maxOutputTokens instead. */
export const ASSUMED_REPLY_TOKENS = 120;

/** Input tokens and the part of them expected from the vendor's prompt cache. */
export interface CacheShare {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface ModelEstimate {
  model: string;
  cells: number;
  calls: number;
  /** Every input token sent, cached or not. */
  inputTokens: number;
  outputTokensExpected: number;
  outputTokensMax: number;
  /** Expected cost with the prompt cache as the vendor applies it (see cacheMode). */
  costExpectedUsd: number | null;
  costMaxUsd: number | null;
  priceSource: string;
  /** How the vendor caches prompts: explicit (Anthropic), automatic (OpenAI), implicit (Gemini, not assured), none. */
  cacheMode: CacheMode;
  /** Input tokens expected to be read from the cache, and written to it (billed as writes by explicit caches only). */
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Expected cost if nothing were cached; the saving is this minus costExpectedUsd. */
  costExpectedNoCacheUsd: number | null;
  /** The same figures per approach. */
  byApproach: Record<string, CacheShare>;
}

interface PromptParts { stable: number; total: number; key: string }

/**
 * Cost of `calls` calls that together used `u`: priced as that many average calls, because vendors price a call by
 * its own size (long-context tiers), never by the sum of a run.
 */
function priceCalls(spec: ModelSpec, calls: number, u: Usage): ReturnType<typeof priceCall> {
  if (calls === 0) return priceCall(spec, u);
  const avg = (n: number): number => Math.round(n / calls);
  const one = priceCall(spec, { input: avg(u.input), output: avg(u.output), cacheRead: avg(u.cacheRead), cacheWrite: avg(u.cacheWrite), reasoning: 0 });
  return { ...one, costUsd: one.costUsd === null ? null : one.costUsd * calls };
}

/**
 * Predicts calls, tokens and cost before spending: the system prompt and scripted turns are counted with an OpenAI
 * tokenizer (o200k; other vendors' tokenizers differ by some percent), each agent reply is assumed to be
 * ASSUMED_REPLY_TOKENS long (expected) or maxOutputTokens (upper bound), and every agent call resends the history.
 * The prompt cache is replayed over the calls in plan order (src/run/estimate-cache.ts) with the layout the request
 * builders send (src/providers/prompt-layout.ts).
 */
export function estimateRun(suite: Suite): ModelEstimate[] {
  const cells = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets, suite.agents);
  const by = new Map<string, ModelEstimate>();
  const specs = new Map<string, ModelSpec | undefined>();
  const replays = new Map<string, PromptCacheReplay>();
  const prompts = new Map<string, PromptParts>();
  for (const pc of cells) {
    // Per agent label; a prompt variant is priced as its model, a user's own agent cannot be priced before it runs.
    const key = pc.cell.model;
    specs.set(key, pc.spec);
    const policy = pc.spec ? cachePolicy(pc.spec.kind, pc.spec.model, promptCacheOn(pc.spec)) : cachePolicy('rules', '');
    const e = by.get(key) ?? {
      model: key, cells: 0, calls: 0, inputTokens: 0, outputTokensExpected: 0, outputTokensMax: 0, costExpectedUsd: 0, costMaxUsd: 0, priceSource: '',
      cacheMode: policy.mode, cacheReadTokens: 0, cacheWriteTokens: 0, costExpectedNoCacheUsd: 0, byApproach: {},
    };
    by.set(key, e);
    e.cells++;
    if (!pc.spec || pc.spec.kind === 'rules') continue;
    let replay = replays.get(key);
    if (!replay) {
      const c = suite.config.concurrency;
      replay = new PromptCacheReplay(policy, c.perProvider[pc.spec.kind] ?? c.default);
      replays.set(key, replay);
    }
    const pk = `${pc.agent.kind === 'prompt-variant' ? key : ''}|${pc.approach.meta.id}|${pc.scenario.id}|${pc.variant.set}/${pc.variant.variant.id}`;
    const scenario = applyVariant(pc.scenario, pc.variant);
    let sys = prompts.get(pk);
    if (sys === undefined) {
      const r = resolveScenario(scenario, pc.variant, suite.datasets);
      const design = pc.agent.kind === 'prompt-variant'
        ? variantDesign(pc.agent.entry, pc.approach, r, { temperature: 0, maxOutputTokens: suite.config.maxOutputTokens, maxAgentStepsPerTurn: 1, seed: 0 })
        : { system: pc.approach.systemPrompt(r), tools: pc.approach.meta.tools.map((t: ToolName) => TOOLS[t]) };
      const layout = layoutSystem(design.system);
      const tools = countTokens(JSON.stringify(design.tools));
      const stable = tools + countTokens(layout.stable);
      sys = { stable, total: stable + (layout.variable ? countTokens(layout.variable) : 0), key: stablePrefixKey(design) };
      prompts.set(pk, sys);
    }
    const share = (e.byApproach[pc.approach.meta.id] ??= { inputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });
    const customerTurns = scenario.customer.turns.map((t) => countTokens(t.text));
    const agentOpens = pc.approach.meta.mode === 'outreach' ? 1 : 0;
    let history = 0;
    const calls = customerTurns.length + agentOpens;
    for (let i = 0; i < calls; i++) {
      const isCustomerStep = agentOpens ? i > 0 : true;
      if (isCustomerStep) history += customerTurns[agentOpens ? i - 1 : i] ?? 0;
      const total = sys.total + history;
      const cached = replay.call({ stableTokens: sys.stable, stableKey: sys.key, totalTokens: total, cellKey: pc.cell.key, callIndex: i });
      e.inputTokens += total;
      e.cacheReadTokens += cached.read;
      e.cacheWriteTokens += cached.written;
      share.inputTokens += total;
      share.cacheReadTokens += cached.read;
      share.cacheWriteTokens += cached.written;
      history += ASSUMED_REPLY_TOKENS;
    }
    e.calls += calls;
    e.outputTokensExpected += calls * ASSUMED_REPLY_TOKENS;
    e.outputTokensMax += calls * suite.config.maxOutputTokens;
  }
  for (const e of by.values()) {
    const spec = specs.get(e.model);
    if (!spec) {
      Object.assign(e, { costExpectedUsd: null, costMaxUsd: null, costExpectedNoCacheUsd: null, priceSource: 'a user agent: its cost is known only from what it reports or what the suite declares' });
      continue;
    }
    // Only explicit caches bill writes apart; elsewhere a "write" is plain input.
    const writes = e.cacheMode === 'explicit' ? e.cacheWriteTokens : 0;
    const cachedInput = { input: e.inputTokens - e.cacheReadTokens - writes, cacheRead: e.cacheReadTokens, cacheWrite: writes, reasoning: 0 };
    const exp = priceCalls(spec, e.calls, { ...cachedInput, output: e.outputTokensExpected });
    const max = priceCalls(spec, e.calls, { ...cachedInput, output: e.outputTokensMax });
    const plain = priceCalls(spec, e.calls, { input: e.inputTokens, output: e.outputTokensExpected, cacheRead: 0, cacheWrite: 0, reasoning: 0 });
    e.costExpectedUsd = exp.costUsd;
    e.costMaxUsd = max.costUsd;
    e.costExpectedNoCacheUsd = plain.costUsd;
    e.priceSource = exp.priceSource;
  }
  return [...by.values()];
}

const pct = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
const usd = (v: number | null): string => (v === null ? 'unknown price' : `$${v.toFixed(v < 1 ? 4 : 2)}`);

const MODE_NOTES: Record<CacheMode, string> = {
  explicit: 'cache_control breakpoints; writes billed at the cache-write price',
  automatic: 'automatic prefix cache, prompt_cache_key per scenario',
  implicit: 'implicit cache: likely, not assured',
  none: 'no prompt cache billed',
};

/** Lines for `cxbench estimate`: the expected cached share of input tokens and the saving, overall and per approach. */
export function describeCache(e: ModelEstimate): string[] {
  if (e.calls === 0) return [];
  if (e.cacheMode === 'none') return [`  prompt cache: none (${MODE_NOTES.none})`];
  const saving = e.costExpectedNoCacheUsd !== null && e.costExpectedUsd !== null ? e.costExpectedNoCacheUsd - e.costExpectedUsd : null;
  const head = `  prompt cache (${MODE_NOTES[e.cacheMode]}): ~${pct(e.cacheReadTokens, e.inputTokens)} of input tokens read from cache` +
    `${e.cacheMode === 'explicit' ? `, ${pct(e.cacheWriteTokens, e.inputTokens)} written` : ''}; ` +
    `expected cost ${usd(e.costExpectedUsd)} against ${usd(e.costExpectedNoCacheUsd)} uncached (saving ${usd(saving)}${saving !== null && e.costExpectedNoCacheUsd ? `, ${pct(saving, e.costExpectedNoCacheUsd)}` : ''})`;
  const rows = Object.entries(e.byApproach).sort(([a], [b]) => a.localeCompare(b))
    .map(([id, s]) => `    ${id}: ${pct(s.cacheReadTokens, s.inputTokens)} cached of ${s.inputTokens.toLocaleString('en-US')} input tokens`);
  return [head, ...rows];
}
