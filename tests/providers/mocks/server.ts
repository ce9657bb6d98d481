import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the mock received, for asserting on the vendor wire format. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  rawBody: string;
}

/**
 * One scripted answer: JSON (or raw text) with a status and headers, `hang` to never answer (timeouts), or `sse`:
 * server-sent events written one by one, `gapMs` apart (streamed replies).
 */
export type ScriptedReply =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; text: string; headers?: Record<string, string> }
  | { sse: Array<{ event?: string; data: unknown }>; gapMs?: number; headers?: Record<string, string> }
  | { hang: true };

export interface MockServer {
  url: string;
  requests: ReceivedRequest[];
  /** Queue replies; each request takes the next one. An unscripted request gets a 599 so the test fails loudly. */
  reply(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

/** A plain node:http server on 127.0.0.1 with a random port; vendors differ only in the JSON the tests script. */
export async function startMockServer(): Promise<MockServer> {
  const requests: ReceivedRequest[] = [];
  const queue: ScriptedReply[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        body = undefined;
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, rawBody });
      const next = queue.shift() ?? { status: 599, json: { error: 'no scripted reply' } };
      if ('hang' in next) return;
      if ('sse' in next) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...next.headers });
        void (async () => {
          for (const ev of next.sse) {
            res.write(`${ev.event ? `event: ${ev.event}\n` : ''}data: ${typeof ev.data === 'string' ? ev.data : JSON.stringify(ev.data)}\n\n`);
            if (next.gapMs) await new Promise((r) => setTimeout(r, next.gapMs));
          }
          res.end();
        })();
        return;
      }
      const isJson = 'json' in next;
      res.writeHead(next.status ?? 200, { 'content-type': isJson ? 'application/json' : 'text/plain', ...next.headers });
      res.end(isJson ? JSON.stringify(next.json) : next.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...r) => queue.push(...r),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: bind, note the port, close. */
export async function closedPortUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return `http://127.0.0.1:${port}`;
}
