import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agents/index.js';
import { InputError, ProviderError } from '../../src/core/errors.js';
import { ModuleAgentEntrySchema, type AgentEntryInput } from '../../src/schema/agents.js';
import { contextFor } from './context.js';

const entry = (over: Partial<AgentEntryInput> = {}) => ModuleAgentEntrySchema.parse({ kind: 'module', name: 'js', module: 'examples/module-bot/bot.mjs', maxRetries: 0, ...over });
const agentOf = (e = entry()) => createAgent({ kind: 'module', label: e.name, entry: e });

describe('module agent', () => {
  it('calls respond(conversation, context) of a JavaScript module', async () => {
    const { ctx, calls } = contextFor();
    const reply = await (await agentOf()).respond([{ speaker: 'customer', text: "The coat doesn't fit, can I return it?" }], ctx);
    expect(reply.turn.text).toMatch(/^Hi Alex, this is the automated help menu\. .*[Rr]eturn/);
    expect(calls[0]).toMatchObject({ model: 'js', error: null, costUsd: null });
  });

  it('a TypeScript module with an object export: context, history, reported usage priced at declared token prices', async () => {
    const { ctx, calls } = contextFor();
    const agent = await agentOf(entry({ module: 'tests/agents/fixtures/typed-bot.ts', export: 'bot', price: { input: 1, output: 2 } }));
    const reply = await agent.respond([{ speaker: 'customer', text: 'a' }, { speaker: 'agent', text: 'b' }, { speaker: 'customer', text: 'c' }], ctx);
    expect(reply.turn.text).toBe('Alex/tst-return/2/2: c');
    expect(reply.turn.toolCalls).toEqual([{ id: 'act-3-0', name: 'lookup_order', arguments: { orderId: 'O-1' } }]);
    expect(calls[0]!.usage).toMatchObject({ input: 120, output: 30 });
    expect(calls[0]!.costUsd).toBeCloseTo((120 * 1 + 30 * 2) / 1e6, 12);
  });

  it('a throw and a reply of the wrong shape are infrastructure errors with the reason', async () => {
    const { ctx } = contextFor();
    const hi = [{ speaker: 'customer' as const, text: 'hi' }];
    await expect((await agentOf(entry({ module: 'tests/agents/fixtures/typed-bot.ts', export: 'throws' }))).respond(hi, ctx)).rejects.toMatchObject({ kind: 'server', message: expect.stringContaining('threw: database unreachable') });
    const err = await (await agentOf(entry({ module: 'tests/agents/fixtures/typed-bot.ts', export: 'wrongShape' }))).respond(hi, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'malformed', message: expect.stringContaining('text') });
  });

  it('a missing file or export is an input error naming the field', async () => {
    await expect(agentOf(entry({ module: 'examples/nope.mjs' }))).rejects.toBeInstanceOf(InputError);
    const err = (await agentOf(entry({ export: 'reply' })).catch((e: unknown) => e)) as InputError;
    expect(err.problems[0]).toMatchObject({ path: 'agents (js).export', found: expect.stringContaining('respond') });
  });
});
