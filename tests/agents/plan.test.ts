import { describe, expect, it } from 'vitest';
import { agentSecretNames, agentSpecs, armOf, designOf, manifestEntry, poolOf, runsOn } from '../../src/agents/plan.js';
import { InputError } from '../../src/core/errors.js';
import { AgentListSchema } from '../../src/schema/agents.js';
import { modelSpecFromEntry } from '../../src/schema/model-spec.js';

const list = AgentListSchema.parse([
  { kind: 'prompt-variant', name: 'warm', approach: 'empathic-support-agent', model: 'openai:gpt-4o-mini', system: 'Be warm. {{brief.all}}' },
  { kind: 'http', name: 'vendor', url: 'https://bot.example.test/v1/chat?key=literal', headers: { 'X-Key': { env: 'VENDOR_KEY' } }, reply: { text: 'reply' }, approaches: ['empathic-support-agent'], concurrency: 2 },
  { kind: 'command', name: 'py', arm: 'traditional', command: ['python3', 'bot.py'], env: { TOKEN: { env: 'PY_TOKEN' } } },
]);
const models = [modelSpecFromEntry('rules'), modelSpecFromEntry('openai:gpt-4o-mini')];

describe('agents of a suite', () => {
  const specs = agentSpecs(models, list, 'suite.yaml');

  it('models and agents side by side, each with its label and arm', () => {
    expect(specs.map((a) => [a.kind, a.label, armOf(a)])).toEqual([
      ['rules', 'rules', 'traditional'], ['model', 'openai:gpt-4o-mini', 'gai'], ['prompt-variant', 'warm', 'gai'], ['http', 'vendor', 'gai'], ['command', 'py', 'traditional'],
    ]);
  });

  it('a variant meets only its approach, an agent the approaches it lists, a model every approach', () => {
    const [, model, warm, vendor, py] = specs;
    expect([model, warm, vendor, py].map((a) => runsOn(a!, 'ai-sales-consultant'))).toEqual([true, false, false, true]);
    expect([model, warm, vendor, py].map((a) => runsOn(a!, 'empathic-support-agent'))).toEqual([true, true, true, true]);
  });

  it('the design hash is empty for bundled designs and changes with what shapes a conversation, not with transport or price', () => {
    const vendor = specs[3]!;
    expect(designOf(specs[0]!)).toBe('');
    expect(designOf(specs[1]!)).toBe('');
    const again = agentSpecs([], AgentListSchema.parse([{ ...list[1]!, timeoutMs: 5, maxRetries: 0, rpm: 3, concurrency: 9, price: { perConversationUsd: 1 } }]))[0]!;
    expect(designOf(again)).toBe(designOf(vendor));
    const edited = agentSpecs([], AgentListSchema.parse([{ ...list[1]!, session: true }]))[0]!;
    expect(designOf(edited)).not.toBe(designOf(vendor));
  });

  it('pools: a variant shares its provider\'s, a user agent has its own sized by its entry', () => {
    const c = { default: 4, perProvider: { openai: 8, command: 1 } };
    expect(poolOf(specs[2]!, c)).toEqual({ key: 'openai', size: 8 });
    expect(poolOf(specs[3]!, c)).toEqual({ key: 'agent:vendor', size: 2 });
    expect(poolOf(specs[4]!, c)).toEqual({ key: 'agent:py', size: 1 });
  });

  it('the manifest names the prompt hash and never a literal query string; secret variables are known for redaction', () => {
    expect(manifestEntry(specs[2]!).args).toMatchObject({ promptHash: designOf(specs[2]!), approach: 'empathic-support-agent', model: 'openai:gpt-4o-mini' });
    expect(JSON.stringify(manifestEntry(specs[3]!))).not.toContain('literal');
    expect(agentSecretNames(specs)).toEqual(['VENDOR_KEY', 'PY_TOKEN']);
  });

  it('a label used twice, or a variant on the rules arm, is an input error naming the field', () => {
    const dup = () => agentSpecs(models, AgentListSchema.parse([{ ...list[0]!, name: 'openai:gpt-4o-mini' }]), 'suite.yaml');
    expect(dup).toThrow(InputError);
    try { dup(); } catch (e) { expect((e as InputError).problems[0]).toMatchObject({ file: 'suite.yaml', path: 'agents.0.name' }); }
    const onRules = () => agentSpecs([], AgentListSchema.parse([{ ...list[0]!, model: 'rules' }]), 'suite.yaml');
    expect(onRules).toThrow(/invalid agents/);
    expect(AgentListSchema.safeParse([list[0], { ...list[0] }]).error?.issues[0]).toMatchObject({ path: [1, 'name'] });
  });
});
