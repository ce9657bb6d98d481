import { countTokens } from 'gpt-tokenizer';
import { TOOLS, type ToolName } from '../approaches/tools.js';
import { planCells } from '../plan/cells.js';
import { variantDesign } from '../agents/prompt-variant.js';
import type { ModelSpec } from '../schema/model-spec.js';
import { resolveScenario } from '../plan/material.js';
import { applyVariant } from '../plan/personas.js';
import type { Suite } from '../plan/suite.js';
import { priceCall } from '../cost/prices.js';

/** Assumed length of an agent reply when estimating (tokens); the upper bound uses maxOutputTokens instead. */
export const ASSUMED_REPLY_TOKENS = 120;

export interface ModelEstimate {
  model: string;
  cells: number;
  calls: number;
  inputTokens: number;
  outputTokensExpected: number;
  outputTokensMax: number;
  costExpectedUsd: number | null;
  costMaxUsd: number | null;
  priceSource: string;
}

/**
 * Predicts calls, tokens and cost before spending: the system prompt and scripted turns are counted with an OpenAI
 * tokenizer (o200k; other vendors' tokenizers differ by some percent), each agent reply is assumed to be
 * ASSUMED_REPLY_TOKENS long (expected) or maxOutputTokens (upper bound), and every agent call resends the history.
 */
export function estimateRun(suite: Suite): ModelEstimate[] {
  const cells = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets, suite.agents);
  const by = new Map<string, ModelEstimate>();
  const specs = new Map<string, ModelSpec | undefined>();
  const promptTokens = new Map<string, number>();
  for (const pc of cells) {
    // Per agent label; a prompt variant is priced as its model, a user's own agent cannot be priced before it runs.
    const key = pc.cell.model;
    specs.set(key, pc.spec);
    const e = by.get(key) ?? { model: key, cells: 0, calls: 0, inputTokens: 0, outputTokensExpected: 0, outputTokensMax: 0, costExpectedUsd: 0, costMaxUsd: 0, priceSource: '' };
    by.set(key, e);
    e.cells++;
    if (!pc.spec || pc.spec.kind === 'rules') continue;
    const pk = `${pc.agent.kind === 'prompt-variant' ? key : ''}|${pc.approach.meta.id}|${pc.scenario.id}|${pc.variant.set}/${pc.variant.variant.id}`;
    const scenario = applyVariant(pc.scenario, pc.variant);
    let sys = promptTokens.get(pk);
    if (sys === undefined) {
      const r = resolveScenario(scenario, pc.variant, suite.datasets);
      const design = pc.agent.kind === 'prompt-variant'
        ? variantDesign(pc.agent.entry, pc.approach, r, { temperature: 0, maxOutputTokens: suite.config.maxOutputTokens, maxAgentStepsPerTurn: 1, seed: 0 })
        : { system: pc.approach.systemPrompt(r), tools: pc.approach.meta.tools.map((t: ToolName) => TOOLS[t]) };
      sys = countTokens(design.system) + countTokens(JSON.stringify(design.tools));
      promptTokens.set(pk, sys);
    }
    const customerTurns = scenario.customer.turns.map((t) => countTokens(t.text));
    const agentOpens = pc.approach.meta.mode === 'outreach' ? 1 : 0;
    let history = 0;
    const calls = customerTurns.length + agentOpens;
    for (let i = 0; i < calls; i++) {
      const isCustomerStep = agentOpens ? i > 0 : true;
      if (isCustomerStep) history += customerTurns[agentOpens ? i - 1 : i] ?? 0;
      e.inputTokens += sys + history;
      history += ASSUMED_REPLY_TOKENS;
    }
    e.calls += calls;
    e.outputTokensExpected += calls * ASSUMED_REPLY_TOKENS;
    e.outputTokensMax += calls * suite.config.maxOutputTokens;
  }
  for (const e of by.values()) {
    const spec = specs.get(e.model);
    if (!spec) { e.costExpectedUsd = null; e.costMaxUsd = null; e.priceSource = 'a user agent: its cost is known only from what it reports or what the suite declares'; continue; }
    const exp = priceCall(spec, { input: e.inputTokens, output: e.outputTokensExpected, cacheRead: 0, cacheWrite: 0, reasoning: 0 });
    const max = priceCall(spec, { input: e.inputTokens, output: e.outputTokensMax, cacheRead: 0, cacheWrite: 0, reasoning: 0 });
    e.costExpectedUsd = exp.costUsd;
    e.costMaxUsd = max.costUsd;
    e.priceSource = exp.priceSource;
  }
  return [...by.values()];
}
