import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A vendor request reduced to what a test responder decides on. */
export interface SimpleRequest {
  system: string;
  /** `tool` = a tool result going back to the model. */
  messages: { role: 'user' | 'assistant' | 'tool'; text: string }[];
  toolNames: string[];
}

export type SimpleReply =
  | { text: string; toolCalls?: { name: string; arguments: Record<string, unknown> }[] }
  /** The vendor's retryable per-item failure (5xx, overloaded, INTERNAL). */
  | { error: string };

/** `customId` is null for a live (non-batch) call. */
export type Responder = (req: SimpleRequest, customId: string | null) => SimpleReply;

export interface Journal {
  /** Every request, in arrival order. */
  requests: { method: string; path: string }[];
  /** Batch ids in creation order, with the custom ids each held. */
  batches: { id: string; customIds: string[] }[];
  liveCalls: number;
}

export interface VendorMock {
  url: string;
  journal: Journal;
  close(): Promise<void>;
}

export interface MockOptions {
  responder: Responder;
  /** A batch has ended once it has been retrieved this many times (so the client must poll). */
  pollsUntilDone?: number;
}

/** Deterministic token counts from the request's content, so a live and a batched call of the same request agree. */
export function usageFor(req: SimpleRequest, reply: SimpleReply): { input: number; output: number } {
  const input = Math.ceil((req.system.length + req.messages.reduce((s, m) => s + m.text.length, 0)) / 4) + 7;
  const output = 'error' in reply ? 0 : Math.ceil(reply.text.length / 4) + 11 * (reply.toolCalls?.length ?? 0) + 3;
  return { input, output };
}

export const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** A loopback server; the handler returns false for a route it does not know (404). */
export async function listen(journal: Journal, handler: (req: IncomingMessage, res: ServerResponse, path: string, url: string) => Promise<boolean>): Promise<Omit<VendorMock, 'journal'>> {
  let base = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    journal.requests.push({ method: req.method ?? '', path });
    handler(req, res, path, base).then(
      (known) => { if (!known) json(res, 404, { error: { message: `no route ${req.method} ${path}` } }); },
      (e: unknown) => json(res, 500, { error: { message: e instanceof Error ? e.message : String(e) } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

export const newJournal = (): Journal => ({ requests: [], batches: [], liveCalls: 0 });
