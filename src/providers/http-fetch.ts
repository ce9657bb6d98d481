import http from 'node:http';
import https from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * The `fetch` the vendor SDKs are given (they all accept one): the same calls over Node's own HTTP client with
 * keep-alive connections. Why: measured against a loopback server (docs/performance.md), Node's built-in fetch spent
 * ≈ 0.5 ms of CPU per call (web streams, a WebAssembly HTTP parser) against ≈ 0.25-0.3 ms here (≈ 0.2 ms for the HTTP
 * exchange, the rest for the Response the SDKs read), and at 64 calls in flight
 * the runner's thread is CPU-bound, so that difference is throughput.
 *
 * Buffered: a response resolves once its whole body has arrived (the harness never streams). Whatever it does not
 * handle goes to the built-in fetch unchanged: a Request object or a streamed/multipart body as input, and any run
 * behind a proxy configured in the environment.
 */
export const httpFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  const body = bufferedBody(init?.body);
  if (url === undefined || body === false || proxyConfigured() || !/^https?:/i.test(url)) return fetch(input, init);
  return send(new URL(url), init ?? {}, body, 0);
};

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
const proxyConfigured = (): boolean => PROXY_VARIABLES.some((v) => process.env[v]);

/** The body as bytes, undefined for none, false when it is a kind only the built-in fetch can send. */
function bufferedBody(b: RequestInit['body']): Buffer | undefined | false {
  if (b === undefined || b === null) return undefined;
  if (typeof b === 'string') return Buffer.from(b);
  if (b instanceof ArrayBuffer) return Buffer.from(b);
  if (ArrayBuffer.isView(b)) return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return false;
}

// Sockets stay open between calls; Node unrefs idle ones, so they never keep a finished command alive.
const AGENTS = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
const MAX_REDIRECTS = 20;
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
const DECODERS: Record<string, (b: Buffer) => Buffer> = { gzip: gunzipSync, 'x-gzip': gunzipSync, deflate: inflateSync, br: brotliDecompressSync };

const aborted = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
// The built-in fetch's failure shape: the SDKs turn it into their connection error, with the socket error as cause.
const fetchFailed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause });

function send(url: URL, init: RequestInit, body: Buffer | undefined, hops: number): Promise<Response> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(aborted(signal));
  const headers: Record<string, string> = { accept: '*/*', 'accept-encoding': 'gzip, deflate, br' };
  // The SDKs pass a Headers object; anything else is normalised through one.
  (init.headers instanceof Headers ? init.headers : new Headers(init.headers)).forEach((v, k) => { headers[k] = v; });
  if (body) headers['content-length'] = String(body.length);
  const protocol = url.protocol as keyof typeof AGENTS;
  const request = protocol === 'https:' ? https.request : http.request;
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const onAbort = (): void => { finish(() => reject(aborted(signal!))); req.destroy(); };
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const req = request(url, { method: init.method ?? 'GET', headers, agent: AGENTS[protocol] }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => finish(() => reject(fetchFailed(e))));
      res.on('close', () => { if (!res.complete) finish(() => reject(fetchFailed(new Error('the connection closed before the body ended')))); });
      res.on('end', () => finish(() => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (location && [301, 302, 303, 307, 308].includes(status) && (init.redirect ?? 'follow') === 'follow') {
          if (hops >= MAX_REDIRECTS) return reject(fetchFailed(new Error('too many redirects')));
          // As fetch does: 303, and 301/302 after a POST, continue as a GET without body; 307/308 resend as they were.
          const asGet = status === 303 || ((status === 301 || status === 302) && init.method === 'POST');
          const next = asGet ? { ...init, method: 'GET', body: null } : init;
          return resolve(send(new URL(location, url), next, asGet ? undefined : body, hops + 1));
        }
        try {
          resolve(toResponse(status, res.statusMessage ?? '', res.rawHeaders, Buffer.concat(chunks)));
        } catch (e) {
          reject(fetchFailed(e));
        }
      }));
    });
    req.on('error', (e) => finish(() => reject(fetchFailed(e))));
    signal?.addEventListener('abort', onAbort, { once: true });
    req.end(body);
  });
}

function toResponse(status: number, statusText: string, raw: string[], bytes: Buffer): Response {
  // Pairs, not a Headers object: the Response makes its own, so building one here would validate every header twice.
  const headers: [string, string][] = [];
  let encoding = '';
  for (let i = 0; i + 1 < raw.length; i += 2) {
    headers.push([raw[i]!, raw[i + 1]!]);
    if (raw[i]!.toLowerCase() === 'content-encoding') encoding += `${encoding ? ',' : ''}${raw[i + 1]!}`;
  }
  let body: Buffer | null = NULL_BODY_STATUS.has(status) ? null : bytes;
  // Content codings apply in the order listed, so they are undone from the last one back.
  const codings = encoding.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s && s !== 'identity');
  for (const coding of codings.reverse()) {
    const decode = DECODERS[coding];
    if (!decode) throw new Error(`unsupported content-encoding ${coding}`);
    if (body && body.length) body = decode(body);
  }
  return new Response(body, { status, statusText, headers });
}
