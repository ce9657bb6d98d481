import { stringify } from 'yaml';
import type { Approach } from '../approaches/approach.js';
import { TOOLS, type ToolName } from '../approaches/tools.js';
import type { BackendKind, ToolDefinition } from '../core/types.js';
import { resolveScenario } from '../plan/material.js';
import { applyVariant, BASELINE } from '../plan/personas.js';
import type { Suite } from '../plan/suite.js';
import { OUTREACH_OPENER } from '../providers/turns.js';
import { modelKey, type ModelSpec } from '../schema/model-spec.js';
import type { Scenario } from '../schema/scenario.js';
import { assertionsFor, type PromptfooAssertion } from './promptfoo-asserts.js';

/** The promptfoo version the export was written and documented against (research/deps.md §8). */
export const PROMPTFOO_VERSION = '0.123.1';

interface ChatMessage { role: 'system' | 'user'; content: string }

export interface PromptfooProvider {
  id: string;
  label: string;
  config: Record<string, unknown>;
}

export interface PromptfooTest {
  description: string;
  vars: { approach: string; scenario: string; messages: ChatMessage[]; later_customer_turns: string[] };
  providers: string[];
  assert: PromptfooAssertion[];
  metadata: Record<string, string | number | boolean>;
}

export interface PromptfooConfig {
  description: string;
  prompts: { raw: string; label: string }[];
  providers: PromptfooProvider[];
  tests: PromptfooTest[];
}

interface Settings { temperature: number; maxOutputTokens: number }

/*
 * Each vendor names its tool and generation settings differently; a map keyed by backend kind keeps the
 * translation in one place. `null`: the backend cannot run inside promptfoo (the rules arm lives in cxbench).
 */
const PROVIDERS = {
  openai: (spec, tools, s) => ({ id: `openai:chat:${spec.model}`, config: { temperature: s.temperature, max_tokens: s.maxOutputTokens, tools: openaiTools(tools) } }),
  'openai-compatible': (spec, tools, s) => ({
    id: `openai:chat:${spec.model}`,
    config: { apiBaseUrl: spec.baseUrl ?? 'http://127.0.0.1:11434/v1', ...(spec.apiKeyEnv ? { apiKeyEnvar: spec.apiKeyEnv } : {}), temperature: s.temperature, max_tokens: s.maxOutputTokens, tools: openaiTools(tools) },
  }),
  anthropic: (spec, tools, s) => ({
    id: `anthropic:messages:${spec.model}`,
    config: { temperature: s.temperature, max_tokens: s.maxOutputTokens, tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters })) },
  }),
  google: (spec, tools, s) => ({
    id: `google:${spec.model}`,
    config: { generationConfig: { temperature: s.temperature, maxOutputTokens: s.maxOutputTokens }, tools: [{ functionDeclarations: tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters })) }] },
  }),
  rules: () => null,
} satisfies Record<BackendKind, (spec: ModelSpec, tools: ToolDefinition[], s: Settings) => Omit<PromptfooProvider, 'label'> | null>;

const openaiTools = (tools: ToolDefinition[]): unknown[] => tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));

const providerLabel = (spec: ModelSpec, approach: string): string => `${modelKey(spec)} | ${approach}`;

/**
 * The opening exchange of a scenario as a chat: the approach's system prompt (built from the baseline persona and
 * the scenario's resolved material, exactly as cxbench builds it) and the first customer message. Outreach opens
 * with the same placeholder customer message cxbench sends every vendor before the agent's first message.
 */
function openingMessages(scenario: Scenario, approach: Approach, suite: Suite): { messages: ChatMessage[]; later: string[] } {
  const s = applyVariant(scenario, BASELINE);
  const r = resolveScenario(s, BASELINE, suite.datasets);
  const turns = s.customer.turns.map((t) => t.text);
  const outreach = approach.meta.mode === 'outreach';
  const opener = outreach ? OUTREACH_OPENER : turns[0]!;
  return { messages: [{ role: 'system', content: approach.systemPrompt(r) }, { role: 'user', content: opener }], later: outreach ? turns : turns.slice(1) };
}

/** approaches x scenarios x models as a promptfoo config; models whose backend promptfoo cannot run are returned apart. */
export function buildPromptfooConfig(suite: Suite): { config: PromptfooConfig; skippedModels: string[] } {
  const settings: Settings = { temperature: suite.config.temperature, maxOutputTokens: suite.config.maxOutputTokens };
  const used = new Map<string, Approach>();
  for (const sc of suite.scenarios) { const a = suite.approaches.get(sc.approach); if (a) used.set(a.meta.id, a); }
  const providers: PromptfooProvider[] = [];
  const skipped = new Set<string>();
  // One provider entry per (model, approach): the approach decides which tools the agent may call.
  for (const spec of suite.models) {
    for (const a of used.values()) {
      const tools = a.meta.tools.map((t: ToolName) => TOOLS[t] as ToolDefinition);
      const p = PROVIDERS[spec.kind](spec, tools, settings);
      if (p) providers.push({ id: p.id, label: providerLabel(spec, a.meta.id), config: p.config });
      else skipped.add(modelKey(spec));
    }
  }
  const runnable = suite.models.filter((m) => !skipped.has(modelKey(m)));
  const tests: PromptfooTest[] = [];
  for (const sc of suite.scenarios) {
    const a = suite.approaches.get(sc.approach);
    if (!a) continue;
    const { messages, later } = openingMessages(sc, a, suite);
    tests.push({
      description: `${sc.id}@${sc.version}: ${sc.title}`,
      vars: { approach: a.meta.id, scenario: `${sc.id}@${sc.version}`, messages, later_customer_turns: later },
      providers: runnable.map((m) => providerLabel(m, a.meta.id)),
      assert: assertionsFor(sc, a),
      metadata: { approach: a.meta.id, stage: a.meta.stage, mode: a.meta.mode, promptVersion: a.promptVersion, scenarioVersion: sc.version, domain: sc.domain, synthetic: sc.synthetic },
    });
  }
  return {
    config: {
      description: `cxbench suite "${suite.config.name}" exported for promptfoo`,
      // The chat is a YAML list in each test's vars; `dump` turns it into the message array promptfoo's chat
      // providers accept, so the config never carries a chat as a hand-written JSON string.
      prompts: [{ raw: '{{ messages | dump }}', label: 'cxbench-chat' }],
      providers,
      tests,
    },
    skippedModels: [...skipped],
  };
}

/** The YAML file, with a header that says how to run it and what does not carry over from cxbench. */
export function promptfooYaml(suite: Suite): { yaml: string; skippedModels: string[]; tests: number } {
  const { config, skippedModels } = buildPromptfooConfig(suite);
  const header = [
    `# promptfooconfig.yaml written by \`cxbench export promptfoo\` from suite "${suite.config.name}".`,
    `# Run: PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1 npx promptfoo@${PROMPTFOO_VERSION} eval -c promptfooconfig.yaml`,
    '# (exit code 100 means some assertion failed). API keys come from the usual environment variables.',
    '#',
    ...(skippedModels.length
      ? [`# Not exported: ${skippedModels.join(', ')}. The traditional rule-based arm runs inside cxbench (intent classifier,`,
        '# decision tables, templates) and has no promptfoo provider; compare it with `cxbench run -m rules`.']
      : ['# The traditional rule-based arm (model `rules`) cannot be exported: it runs inside cxbench only.']),
    '#',
    '# What carries over: each scenario\'s opening exchange (approach system prompt + first customer message, baseline',
    '# persona), the approach\'s tools, temperature and output limit; assertions where promptfoo has an equivalent.',
    '# What does not (see docs/scale-out.md): later scripted customer turns (listed in vars.later_customer_turns,',
    '# not sent), tool results fed back to the agent, the simulated customer, persona variants and the bias audit,',
    '# negation-aware forbidden-claim matching, fact-level hallucination checks, cxbench\'s judge rubrics, cost, ROI',
    '# and the statistics (CIs, paired tests). Results are therefore not comparable number for number with cxbench.',
    '',
  ].join('\n');
  return { yaml: header + stringify(config, { lineWidth: 0 }), skippedModels, tests: config.tests.length };
}
