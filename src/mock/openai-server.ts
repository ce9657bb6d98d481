import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../core/seeded-random.js';
import { drawFault, FaultRatesSchema, type FaultKind, type FaultRates } from './faults.js';
import { LimitEnforcer, type EnforcedLimits } from './rate-limits.js';
import { writeChatStream } from './chat-stream.js';
import { PrefixCache } from './prefix-cache.js';

/** The part of an OpenAI chat-completions request the mock looks at. */
export interface ChatRequest {
  model: string;
  messages: { role: string; content?: string | null; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string } }[];
  max_tokens?: number;
  max_completion_tokens?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  prompt_cache_key?: string;
}

export interface MockReply {
  content: string;
  toolCalls?: { name: string; arguments: Record<string, unknown> }[];
  promptTokens?: number;
  completionTokens?: number;
}

export type Responder = (req: ChatRequest, n: number) => MockReply;

export interface MockServerOptions {
  port?: number;
  latencyMs?: number;
  faults?: Partial<FaultRates>;
  seed?: number;
  /** Retry-After seconds sent with 429 and 503. */
  retryAfterSec?: number;
  /** How long a 'timeout' fault hangs before closing (longer than the client's timeout). */
  hangMs?: number;
  responder?: Responder;
  /** Answer every chat request with 401, echoing the bearer token the way some servers echo bad keys. */
  rejectAuth?: boolean;
  /** Enforce a request and a token limit, answering 429 past them; every answer carries rate-limit headers. */
  limits?: EnforcedLimits;
  /** Streamed replies (`stream: true`): the pause between two events. */
  streamGapMs?: number;
  /**
   * Play OpenAI's automatic prompt cache (src/mock/prefix-cache.ts), one cache per prompt_cache_key: prompt_tokens and
   * prompt_tokens_details.cached_tokens come from it.
   */
  promptCache?: boolean;
}

export interface MockServer {
  url: string;
  /** Requests seen per outcome: every request is counted exactly once. `limited`: refused by the enforced limits. */
  journal: Record<FaultKind, number> & { total: number; limited: number };
  /** Each request the enforced limits let through: when it arrived (performance.now()) and its token cost. */
  admitted: Array<{ at: number; tokens: number }>;
  close(): Promise<void>;
}

/** A neutral default agent: discloses it is an AI and answers briefly. */
export const defaultResponder: Responder = () => ({ content: "Hello, I'm an AI assistant. I can help with that: let me check the details for you." });

function estimateTokens(req: ChatRequest): number {
  return Math.max(1, Math.round(JSON.stringify(req.messages).length / 4));
}

/**
 * A loopback server that speaks OpenAI chat completions (whole or streamed replies), with a fixed latency and a seeded fault mix:
 * 429 with Retry-After, 500, hangs, malformed JSON, truncated bodies, slow replies. Used by tests, the benchmark and
 * the validity study; never by a default run.
 */
export async function startMockOpenAI(opts: MockServerOptions = {}): Promise<MockServer> {
  const faults = FaultRatesSchema.parse(opts.faults ?? {});
  const rnd = seededRandom(opts.seed ?? 1);
  const latency = opts.latencyMs ?? 0;
  const responder = opts.responder ?? defaultResponder;
  const journal = { total: 0, ok: 0, rateLimit: 0, serverError: 0, timeout: 0, malformed: 0, truncated: 0, slow: 0, limited: 0 };
  const enforcer = opts.limits ? new LimitEnforcer(opts.limits) : undefined;
  const admitted: Array<{ at: number; tokens: number }> = [];
  const caches = new Map<string, PrefixCache>();
  const cacheUsage = (body: ChatRequest): { prompt_tokens: number; prompt_tokens_details: { cached_tokens: number } } => {
    const key = body.prompt_cache_key ?? '';
    let c = caches.get(key);
    if (!c) { c = new PrefixCache('automatic', 1024, 128); caches.set(key, c); }
    const tools = body.tools?.length ? [{ key: JSON.stringify(body.tools), text: JSON.stringify(body.tools.map((t) => t.function)) }] : [];
    const u = c.use([...tools, ...body.messages.map((m) => ({ key: JSON.stringify(m), text: m.content ?? JSON.stringify(m.tool_calls ?? '') }))]);
    return { prompt_tokens: u.total, prompt_tokens_details: { cached_tokens: u.read } };
  };
  let n = 0;
  const sockets = new Set<import('node:net').Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'mock', object: 'model' }] }));
      return;
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) { res.writeHead(404).end(); return; }
    if (opts.rejectAuth) {
      const token = String(req.headers['authorization'] ?? '').replace(/^Bearer /, '');
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `Incorrect API key provided: ${token}`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    let limitHeaders: Record<string, string> = {};
    if (enforcer) {
      const cost = estimateTokens(body) + (body.max_completion_tokens ?? body.max_tokens ?? 0);
      const admission = enforcer.take(cost);
      limitHeaders = admission.headers;
      if (!admission.ok) {
        journal.total++;
        journal.limited++;
        res.writeHead(429, { 'content-type': 'application/json', ...limitHeaders }).end('{"error":{"message":"rate limit reached","type":"rate_limit_exceeded"}}');
        return;
      }
      admitted.push({ at: performance.now(), tokens: cost });
    }
    const fault = drawFault(faults, rnd);
    journal.total++;
    journal[fault]++;
    const idx = n++;
    const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
    if (fault === 'timeout') { await wait(opts.hangMs ?? 30_000); res.destroy(); return; }
    await wait(fault === 'slow' ? latency * 4 + 50 : latency);
    if (fault === 'rateLimit') { res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(opts.retryAfterSec ?? 0) }).end('{"error":{"message":"rate limited","type":"rate_limit"}}'); return; }
    if (fault === 'serverError') { res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"internal error","type":"server_error"}}'); return; }
    if (fault === 'malformed') { res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "x", "choices": [ not json'); return; }
    const reply = responder(body, idx);
    const completion = {
      id: `chatcmpl-mock-${idx}`, object: 'chat.completion', created: 1_764_000_000, model: body.model,
      choices: [{
        index: 0, finish_reason: reply.toolCalls?.length ? 'tool_calls' : 'stop',
        message: {
          role: 'assistant', content: reply.content,
          ...(reply.toolCalls?.length ? { tool_calls: reply.toolCalls.map((t, i) => ({ id: `call_${idx}_${i}`, type: 'function', function: { name: t.name, arguments: JSON.stringify(t.arguments) } })) } : {}),
        },
      }],
      usage: {
        prompt_tokens: reply.promptTokens ?? estimateTokens(body), completion_tokens: reply.completionTokens ?? Math.max(1, Math.round(reply.content.length / 4)), total_tokens: 0,
        ...(opts.promptCache ? cacheUsage(body) : {}),
      },
    };
    if (body.stream && fault === 'ok') {
      await writeChatStream(res, completion, { gapMs: opts.streamGapMs ?? 0, includeUsage: body.stream_options?.include_usage === true, headers: limitHeaders });
      return;
    }
    const payload = JSON.stringify(completion);
    if (fault === 'truncated') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) });
      res.write(payload.slice(0, Math.floor(payload.length / 2)));
      res.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', ...limitHeaders }).end(payload);
  };

  const server: Server = createServer((req, res) => { handle(req, res).catch(() => { if (!res.headersSent) res.writeHead(400).end(); else res.destroy(); }); });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    journal,
    admitted,
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}
