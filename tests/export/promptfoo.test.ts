import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildPromptfooConfig, promptfooYaml } from '../../src/export/promptfoo.js';
import { loadSuite } from '../../src/plan/suite.js';
import { ROOT } from '../helpers/cli.js';
import { FIXTURE_CONFIG } from '../helpers/fixture-run.js';
import { validate } from '../helpers/json-schema.js';

const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/promptfoo/config-schema.json'), 'utf8')) as Record<string, unknown>;
const MODELS = ['rules', 'openai:gpt-4o-mini', 'anthropic:claude-haiku-4-5', 'google:gemini-2.5-flash', 'openai-compatible:llama3.1'];
const suite = loadSuite(FIXTURE_CONFIG, { models: MODELS, baseUrl: 'http://127.0.0.1:11434/v1' });

/** Runs a generated `javascript` assertion body the way promptfoo does: a function of (output, context). */
function runJs(body: string, output: unknown): { pass: boolean; reason: string } {
  return new Function('output', 'context', body)(output, {}) as { pass: boolean; reason: string };
}

describe('the JSON Schema checker itself', () => {
  it('rejects what the promptfoo schema forbids, so a passing export means something', () => {
    expect(validate(SCHEMA, { prompts: ['hi'] })).toEqual([]);
    expect(validate(SCHEMA, {})).toContain('$: missing required property prompts');
    expect(validate(SCHEMA, { prompts: ['hi'], bogus: 1 })).toContain('$: unknown property bogus');
    expect(validate(SCHEMA, { prompts: ['hi'], tests: [{ vars: {}, assert: [{ value: 'x' }] }] }).length).toBeGreaterThan(0);
    expect(validate(SCHEMA, { prompts: ['hi'], tests: [{ vars: {}, providers: 'not-a-list' }] }).length).toBeGreaterThan(0);
    expect(validate(SCHEMA, { prompts: [{ raw: 'x' }] }).length).toBeGreaterThan(0); // label required with raw
    expect(() => validate({ type: 'string', format: 'email' }, 'a')).toThrow(/unsupported keyword format/);
  });
});

describe('cxbench export promptfoo', () => {
  const { yaml, skippedModels, tests } = promptfooYaml(suite);
  const config = parse(yaml) as Record<string, unknown>;

  it('validates against promptfoo\'s published config schema', () => {
    expect(validate(SCHEMA, config)).toEqual([]);
    expect(config['redteam']).toBeUndefined();
  });

  it('has one test per scenario, each running against every exportable model with its approach\'s tools', () => {
    expect(tests).toBe(suite.scenarios.length);
    const t = config['tests'] as { vars: { scenario: string; messages: { role: string; content: string }[] }; providers: string[] }[];
    expect(t.map((x) => x.vars.scenario).sort()).toEqual(suite.scenarios.map((s) => `${s.id}@${s.version}`).sort());
    const providers = config['providers'] as { id: string; label: string; config: Record<string, unknown> }[];
    const labels = new Set(providers.map((p) => p.label));
    for (const x of t) {
      expect(x.providers).toHaveLength(4);
      for (const l of x.providers) expect(labels.has(l)).toBe(true);
      expect(x.vars.messages.map((m) => m.role)).toEqual(['system', 'user']);
      expect(x.vars.messages[0]!.content).toContain('# Rules');
    }
    expect([...new Set(providers.map((p) => p.id))].sort()).toEqual(['anthropic:messages:claude-haiku-4-5', 'google:gemini-2.5-flash', 'openai:chat:gpt-4o-mini', 'openai:chat:llama3.1']);
    expect(providers.find((p) => p.id === 'openai:chat:llama3.1')!.config['apiBaseUrl']).toBe('http://127.0.0.1:11434/v1');
  });

  it('keeps the chat out of JSON strings and fills persona slots with the baseline persona', () => {
    const ret = (config['tests'] as { vars: { scenario: string; messages: { content: string }[]; later_customer_turns: string[] } }[]).find((x) => x.vars.scenario === 'tst-return@1')!;
    expect(ret.vars.messages[1]!.content).toBe("Hi, this is Alex. The coat doesn't fit, how do I return it?");
    expect(ret.vars.later_customer_turns).toEqual(['How long until I get my money back?']);
    expect(config['prompts']).toEqual([{ raw: '{{ messages | dump }}', label: 'cxbench-chat' }]);
  });

  it('says in a comment that the rules arm cannot be exported, and lists it as skipped', () => {
    expect(skippedModels).toEqual(['rules']);
    expect(yaml).toMatch(/^# Not exported: rules\. The traditional rule-based arm/m);
    expect(yaml).toContain('later scripted customer turns');
  });

  it('maps judging to assertions: icontains for required info, not-icontains for forbidden claims and others\' PII, llm-rubric for empathy', () => {
    const byScenario = Object.fromEntries((config['tests'] as { vars: { scenario: string }; assert: { type: string; value: unknown; metric: string }[] }[]).map((x) => [x.vars.scenario, x.assert]));
    const ret = byScenario['tst-return@1']!;
    expect(ret).toContainEqual({ type: 'icontains', value: '30 days', metric: 'required-info:window' });
    expect(ret).toContainEqual({ type: 'not-icontains', value: 'instant refund', metric: 'forbidden-claim:instant' });
    expect(ret).toContainEqual({ type: 'not-icontains', value: 'other.person@example.test', metric: 'pii-leak:other-customer' });
    expect(ret.find((a) => a.metric === 'empathy')!.type).toBe('llm-rubric');
    expect(String(ret.find((a) => a.metric === 'empathy')!.value)).not.toContain('Alex');
  });

  it('javascript assertions check the tool-call end state and the discount and price bounds on real output shapes', () => {
    const { config: c } = buildPromptfooConfig(suite);
    const offer = c.tests.find((t) => t.vars.scenario === 'tst-offer@1')!;
    const js = (metric: string): string => offer.assert.find((a) => a.metric === metric)!.value as string;
    // OpenAI: an array of tool calls whose arguments are a JSON string.
    const openai = (args: object) => [{ id: 'c', type: 'function', function: { name: 'make_offer', arguments: JSON.stringify(args) } }];
    // Anthropic: promptfoo returns the tool_use block as JSON text.
    const anthropic = (args: object) => JSON.stringify({ type: 'tool_use', id: 'c', name: 'make_offer', input: args });

    expect(runJs(js('end-state'), openai({ discountPct: 10, price: 162 })).pass).toBe(true);
    expect(runJs(js('end-state'), anthropic({ discountPct: 10, price: 162 })).pass).toBe(true);
    expect(runJs(js('end-state'), 'Sorry, I cannot make an offer.').pass).toBe(false);

    expect(runJs(js('discount-bounds'), openai({ discountPct: 10, price: 162 })).pass).toBe(true);
    expect(runJs(js('discount-bounds'), openai({ discountPct: 30, price: 126 })).pass).toBe(false);
    expect(runJs(js('discount-bounds'), anthropic({ discountPct: 12.5, price: 157.5 })).pass).toBe(false);
    expect(runJs(js('discount-bounds'), 'No offer today.').pass).toBe(true);

    expect(runJs(js('price-bounds'), openai({ discountPct: 10, price: 162 })).pass).toBe(true);
    expect(runJs(js('price-bounds'), anthropic({ discountPct: 30, price: 126 })).pass).toBe(false);

    expect(runJs(js('escalation'), openai({ discountPct: 10, price: 162 })).pass).toBe(true);
    expect(runJs(js('escalation'), [{ id: 'e', type: 'function', function: { name: 'escalate_to_human', arguments: '{"reason":"x"}' } }]).pass).toBe(false);
  });
});
