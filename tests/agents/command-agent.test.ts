import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agents/index.js';
import { ProviderError } from '../../src/core/errors.js';
import { CommandAgentEntrySchema, type AgentEntryInput } from '../../src/schema/agents.js';
import { contextFor } from './context.js';

const entry = (over: Partial<AgentEntryInput> = {}) => CommandAgentEntrySchema.parse({
  kind: 'command', name: 'py', command: ['python3', 'examples/python-bot/bot.py'], toolClasses: { transfer_to_person: 'escalate' }, maxRetries: 0, timeoutMs: 10_000, ...over,
});
const agentOf = (e = entry()) => createAgent({ kind: 'command', label: e.name, entry: e });
const hi = [{ speaker: 'customer' as const, text: 'Hi, how do I return a coat that does not fit?' }];

describe('command agent (a Python bot)', () => {
  it('single: one JSON request on stdin, one JSON reply on stdout, answering from the brief it was sent', async () => {
    const { ctx, calls } = contextFor();
    const reply = await (await agentOf(entry({ price: { perConversationUsd: 0.01 } }))).respond(hi, ctx);
    expect(reply.turn.text).toMatch(/^Hello Alex, I'm an automated assistant\. From our help pages: .*return/i);
    expect(reply.toolResults).toBeUndefined();
    expect(calls).toEqual([expect.objectContaining({ model: 'py', costUsd: 0.01, error: null })]);
  });

  it('reports actions, classed by the entry, with the results it saw', async () => {
    const { ctx } = contextFor();
    const reply = await (await agentOf()).respond([{ speaker: 'customer', text: 'I want a human' }], ctx);
    expect(reply.turn.toolCalls).toEqual([{ id: 'act-1-0', name: 'transfer_to_person', arguments: { reason: 'customer asked' } }]);
    expect(reply.toolResults).toEqual(['{"queued":true}']);
  });

  it('jsonl: one long-lived process answers several conversations at once, replies matched by id', async () => {
    const agent = await agentOf(entry({ command: ['python3', 'examples/python-bot/bot.py', '--jsonl'], protocol: 'jsonl' }));
    try {
      const a = contextFor('tst-return', 'c-a');
      const b = contextFor('tst-return', 'c-b');
      const [ra, rb] = await Promise.all([agent.respond(hi, a.ctx), agent.respond([{ speaker: 'customer', text: 'get me a manager' }], b.ctx)]);
      expect(ra.turn.text).toMatch(/help pages/);
      expect(rb.turn.toolCalls?.[0]?.name).toBe('transfer_to_person');
    } finally {
      await agent.close?.();
    }
  });

  it.each([
    ['a crash (non-zero exit) carries its stderr', ['python3', '-c', 'import sys; sys.stderr.write("KeyError: brief\\n"); sys.exit(3)'], 'server', /exited with code 3: KeyError: brief/],
    ['output that is not JSON', ['python3', '-c', 'print("hello")'], 'malformed', /not one JSON document/],
    ['JSON without the text field', ['python3', '-c', 'print("{\\"answer\\": 1}")'], 'malformed', /text:/],
    ['a program that does not exist', ['no-such-program-xyz'], 'network', /could not start/],
  ])('%s: an infrastructure error', async (_n, command, kind, message) => {
    const { ctx, calls } = contextFor();
    const err = await (await agentOf(entry({ command }))).respond(hi, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind, message: expect.stringMatching(message) });
    expect(calls[0]?.error).toMatch(kind);
  });

  it('jsonl: a process that dies fails the replies it owed, and the next request starts a new one', async () => {
    // Answers the first request, then exits.
    const script = 'import sys,json\nl=sys.stdin.readline()\nr=json.loads(l)\nprint(json.dumps({"id":r["id"],"text":"once"}),flush=True)\nsys.exit(0)';
    const agent = await agentOf(entry({ command: ['python3', '-c', script], protocol: 'jsonl' }));
    try {
      const { ctx } = contextFor();
      expect((await agent.respond(hi, ctx)).turn.text).toBe('once');
      await new Promise((r) => setTimeout(r, 300));
      expect((await agent.respond(hi, ctx)).turn.text).toBe('once');
    } finally {
      await agent.close?.();
    }
  });

  it('a program that hangs is killed at the timeout', async () => {
    const { ctx } = contextFor();
    const err = await (await agentOf(entry({ command: ['python3', '-c', 'import time; time.sleep(30)'], timeoutMs: 300 }))).respond(hi, ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout' });
  });
});
