import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agents/index.js';
import { ProviderError } from '../../src/core/errors.js';
import { Redactor } from '../../src/core/redact.js';
import { HttpAgentEntrySchema, type AgentEntryInput } from '../../src/schema/agents.js';
import { contextFor } from './context.js';

/**
 * A loopback bot with a shape of its own: POST /bots/:botId/converse, reply under `answer.parts[*].content`, actions
 * under `answer.did`. `behaviour` decides each reply; `seen` keeps every request (headers and body).
 */
let server: Server;
let base = '';
const seen: { url: string; headers: IncomingMessage['headers']; body: unknown }[] = [];
let behaviour: (n: number) => { status: number; body: string } = () => ({ status: 200, body: '{}' });

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : null });
      const out = behaviour(seen.length);
      res.writeHead(out.status, { 'content-type': 'application/json', ...(out.status === 429 ? { 'retry-after': '0' } : {}) }).end(out.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => { seen.length = 0; delete process.env['TEST_BOT_TOKEN']; });

const ok = (parts: string[], did: unknown[] = [], extra: Record<string, unknown> = {}) => ({ status: 200, body: JSON.stringify({ answer: { parts: parts.map((content) => ({ content })), did }, ...extra }) });

function entry(over: Partial<AgentEntryInput> = {}) {
  return HttpAgentEntrySchema.parse({
    kind: 'http', name: 'acme', url: `${base}/bots/b1/converse?conv={{conversationId}}`,
    headers: { Authorization: { env: 'TEST_BOT_TOKEN' }, 'X-Channel': 'web' },
    body: { said: '{{message}}', past: '{{history}}', who: { first: '{{persona.firstName}}' }, policy: 'Policies: {{brief.policies}}' },
    reply: { text: 'answer.parts[*].content', actions: { path: 'answer.did', name: 'what', arguments: 'with', result: 'got' }, costUsd: 'bill.usd' },
    toolClasses: { 'refund.issue': 'write', 'human.transfer': 'escalate' },
    maxRetries: 2, timeoutMs: 2000,
    ...over,
  });
}
const agentOf = async (e = entry(), redactor?: Redactor) => createAgent({ kind: 'http', label: e.name, entry: e }, redactor ? { redactor } : {});
const turns = [{ speaker: 'customer' as const, text: 'Hi' }, { speaker: 'agent' as const, text: 'Hello!' }, { speaker: 'customer' as const, text: 'Refund my coat please' }];

describe('http agent', () => {
  it('fills the body template, sends secrets from the environment, and reads text, actions and cost through the paths', async () => {
    process.env['TEST_BOT_TOKEN'] = 'Bearer t0ken-value-123';
    behaviour = () => ok(['Done.', 'Anything else?'], [{ what: 'refund.issue', with: { amount: 20 }, got: { ok: true } }], { bill: { usd: 0.004 } });
    const { ctx, calls } = contextFor();
    const reply = await (await agentOf()).respond(turns, ctx);
    expect(reply.turn).toEqual({ speaker: 'agent', text: 'Done.\n\nAnything else?', toolCalls: [{ id: 'act-3-0', name: 'refund.issue', arguments: { amount: 20 } }] });
    expect(reply.toolResults).toEqual(['{"ok":true}']);
    const req = seen[0]!;
    expect(req.url).toBe('/bots/b1/converse?conv=conv-1');
    expect(req.headers['authorization']).toBe('Bearer t0ken-value-123');
    expect(req.headers['x-channel']).toBe('web');
    expect(req.body).toMatchObject({ said: 'Refund my coat please', past: [{ role: 'customer', text: 'Hi' }, { role: 'agent', text: 'Hello!' }], who: { first: 'Alex' } });
    expect((req.body as { policy: string }).policy).toMatch(/^Policies: - .*\[tst-returns\]/);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ role: 'agent', model: 'acme', costUsd: 0.004, priceSource: expect.stringContaining('reported by the agent'), error: null, retries: 0 });
  });

  it('in session mode sends no history', async () => {
    process.env['TEST_BOT_TOKEN'] = 'x';
    behaviour = () => ok(['ok']);
    const { ctx } = contextFor();
    await (await agentOf(entry({ session: true }))).respond(turns, ctx);
    expect((seen[0]!.body as { past: unknown[] }).past).toEqual([]);
  });

  it('a missing secret variable stops before any request, naming the variable', async () => {
    await expect(agentOf()).rejects.toThrow(/TEST_BOT_TOKEN/);
    expect(seen).toHaveLength(0);
  });

  it('retries a 503 and a 429, then succeeds; the call records the retries', async () => {
    process.env['TEST_BOT_TOKEN'] = 'x';
    behaviour = (n) => (n === 1 ? { status: 503, body: 'down' } : n === 2 ? { status: 429, body: '{}' } : ok(['back']));
    const { ctx, calls } = contextFor();
    const e = entry();
    const agent = await createAgent({ kind: 'http', label: 'acme', entry: { ...e, maxRetries: 3 } });
    const reply = await agent.respond(turns, ctx);
    expect(reply.turn.text).toBe('back');
    expect(calls[0]).toMatchObject({ retries: 2, error: null });
  }, 15_000);

  it.each([
    ['a status outside 2xx', { status: 404, body: '{"err":"no such bot"}' }, 'bad-request', /HTTP 404.*no such bot/],
    ['a 401', { status: 401, body: '{}' }, 'auth', /HTTP 401/],
    ['a body that is not JSON', { status: 200, body: '<html>oops</html>' }, 'malformed', /not JSON: <html>oops/],
    ['a reply without the text path', { status: 200, body: '{"answer":{}}' }, 'malformed', /without the text at answer\.parts\[\*\]\.content/],
    ['an action nobody classed', ok(['ok'], [{ what: 'teleport', with: {} }]), 'bad-request', /"teleport".*toolClasses/],
  ])('%s is an infrastructure error with the reason, and a failed call is recorded', async (_name, response, kind, message) => {
    process.env['TEST_BOT_TOKEN'] = 'x';
    behaviour = () => response;
    const { ctx, calls } = contextFor();
    const err = await (await agentOf(entry({ maxRetries: 0 }))).respond(turns, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).kind).toBe(kind);
    expect((err as Error).message).toMatch(message);
    if (kind !== 'bad-request' || response.status !== 200) expect(calls).toEqual([expect.objectContaining({ error: expect.stringContaining(kind), costUsd: 0 })]);
  });

  it('a bot that hangs times out as infrastructure', async () => {
    process.env['TEST_BOT_TOKEN'] = 'x';
    const slow = createServer(() => undefined);
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/x`;
    const { ctx } = contextFor();
    const err = await (await agentOf(entry({ url, timeoutMs: 200, maxRetries: 0 }))).respond(turns, ctx).catch((e: unknown) => e);
    slow.closeAllConnections();
    slow.close();
    expect(err).toMatchObject({ kind: 'timeout', message: expect.stringContaining('200 ms') });
  });

  it('cost: a declared per-conversation price on the first reply only; nothing declared or reported is unknown, never 0', async () => {
    process.env['TEST_BOT_TOKEN'] = 'x';
    behaviour = () => ok(['ok']);
    const priced = await agentOf(entry({ price: { perConversationUsd: 0.05 } }));
    const { ctx, calls } = contextFor();
    await priced.respond([{ speaker: 'customer', text: 'Hi' }], ctx);
    await priced.respond(turns, ctx);
    expect(calls.map((c) => c.costUsd)).toEqual([0.05, 0]);
    const unpriced = await agentOf();
    const second = contextFor();
    await unpriced.respond(turns, second.ctx);
    expect(second.calls[0]).toMatchObject({ costUsd: null, priceSource: expect.stringContaining('unknown') });
  });

  it('a key the bot echoes is redacted from the reply and from error messages', async () => {
    process.env['TEST_BOT_TOKEN'] = 'sk-secret-echo-0001';
    const redactor = new Redactor([{ name: 'TEST_BOT_TOKEN', value: 'sk-secret-echo-0001' }]);
    behaviour = () => ok(['your key is sk-secret-echo-0001']);
    const { ctx } = contextFor();
    const reply = await (await agentOf(entry(), redactor)).respond(turns, ctx);
    expect(reply.turn.text).toBe('your key is [REDACTED:TEST_BOT_TOKEN]');
    behaviour = () => ({ status: 400, body: 'bad key sk-secret-echo-0001' });
    const failing = contextFor();
    const err = (await (await agentOf(entry({ maxRetries: 0 }), redactor)).respond(turns, failing.ctx).catch((e: unknown) => e)) as Error;
    expect(err.message).not.toContain('sk-secret-echo-0001');
    expect(failing.calls[0]!.error).not.toContain('sk-secret-echo-0001');
  });
});
