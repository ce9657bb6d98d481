import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockTokens, PrefixCache, type PrefixBlock } from './prefix-cache.js';

type Block = Record<string, unknown> & { type: string; cache_control?: unknown };

/** The part of a Messages request the mock reads. */
export interface MessagesRequest {
  model: string;
  system?: string | Block[];
  messages: Array<{ role: string; content: string | Block[] }>;
  tools?: Array<Record<string, unknown> & { cache_control?: unknown }>;
}

export interface AnthropicMockOptions {
  latencyMs?: number;
  /** The reply text for request n (0-based). */
  reply?: (req: MessagesRequest, n: number) => string;
  /** Shortest cacheable prefix in the mock's tokens (characters / 4). */
  minCacheTokens?: number;
}

export interface AnthropicMock {
  url: string;
  requests: MessagesRequest[];
  close(): Promise<void>;
}

const withoutMarker = (b: Record<string, unknown>): string => JSON.stringify({ ...b, cache_control: undefined });

/** What a block costs in tokens: its text, a tool result's content, a tool call's input, a tool's definition. */
function blockText(b: Block): string {
  if (typeof b.text === 'string') return b.text;
  if (typeof b.content === 'string') return b.content;
  if (b.input !== undefined) return JSON.stringify(b.input);
  return withoutMarker(b);
}

/** A request's blocks in Anthropic's prefix order: tools, system, messages; a block with cache_control is a breakpoint. */
export function prefixBlocks(r: MessagesRequest): PrefixBlock[] {
  const system: Block[] = typeof r.system === 'string' ? [{ type: 'text', text: r.system }] : (r.system ?? []);
  return [
    ...(r.tools ?? []).map((t) => ({ key: withoutMarker(t), text: withoutMarker(t), marked: t.cache_control !== undefined })),
    ...system.map((b) => ({ key: withoutMarker(b), text: blockText(b), marked: b.cache_control !== undefined })),
    ...r.messages.flatMap((m) => (typeof m.content === 'string' ? [{ type: 'text', text: m.content } as Block] : m.content)
      .map((b) => ({ key: `${m.role}:${withoutMarker(b)}`, text: blockText(b), marked: b.cache_control !== undefined }))),
  ];
}

/**
 * A loopback Messages API that plays Anthropic's prompt cache (src/mock/prefix-cache.ts): breakpoints write, later
 * requests read, and usage reports input_tokens, cache_read_input_tokens and cache_creation_input_tokens apart, as the
 * vendor does. Text replies only. For tests and measurements; never used by a default run.
 */
export async function startMockAnthropic(opts: AnthropicMockOptions = {}): Promise<AnthropicMock> {
  const cache = new PrefixCache('explicit', opts.minCacheTokens ?? 1024);
  const requests: MessagesRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) { res.writeHead(404).end(); return; }
      let body: MessagesRequest;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MessagesRequest;
      } catch {
        res.writeHead(400).end(); return;
      }
      const n = requests.push(body) - 1;
      const usage = cache.use(prefixBlocks(body));
      const text = opts.reply?.(body, n) ?? "Hello, I'm an AI assistant. Let me look into that for you.";
      const payload = JSON.stringify({
        id: `msg_mock_${n}`, type: 'message', role: 'assistant', model: body.model, content: [{ type: 'text', text }],
        stop_reason: 'end_turn', stop_sequence: null,
        usage: { input_tokens: usage.total - usage.read - usage.written, output_tokens: mockTokens(text), cache_read_input_tokens: usage.read, cache_creation_input_tokens: usage.written },
      });
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(payload), opts.latencyMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => { server.closeAllConnections(); return new Promise((resolve) => server.close(() => resolve())); },
  };
}
