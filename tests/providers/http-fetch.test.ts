import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/providers/http-fetch.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/echo': (req, body, res) => {
    res.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-trace': 'a', 'retry-after-ms': '250' });
    res.end(JSON.stringify({ method: req.method, body, type: req.headers['content-type'], auth: req.headers.authorization, length: req.headers['content-length'] }));
  },
  '/gzip': (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(gzipSync(JSON.stringify({ zipped: true })));
  },
  '/empty': (_req, _body, res) => { res.writeHead(204); res.end(); },
  '/error': (_req, _body, res) => { res.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' }); res.end('{"error":{"message":"slow down"}}'); },
  '/moved': (_req, _body, res) => { res.writeHead(307, { location: '/echo' }); res.end(); },
  '/see-other': (_req, _body, res) => { res.writeHead(303, { location: '/echo' }); res.end(); },
  '/loop': (_req, _body, res) => { res.writeHead(302, { location: '/loop' }); res.end(); },
  '/hang': () => { /* never answers */ },
  '/cut': (_req, _body, res) => { res.writeHead(200, { 'content-length': '100' }); res.write('{"partial":'); setTimeout(() => res.socket?.destroy(), 20); },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => routes[req.url ?? '']?.(req, body, res));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('httpFetch', () => {
  it('sends method, headers and body and returns status, headers and body like fetch', async () => {
    const res = await httpFetch(`${base}/echo`, { method: 'POST', body: '{"q":"é"}', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer k' } });
    expect(res.status).toBe(201);
    expect(res.statusText).toBe('Made');
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-trace')).toBe('a');
    expect(res.headers.get('retry-after-ms')).toBe('250');
    expect(await res.json()).toEqual({ method: 'POST', body: '{"q":"é"}', type: 'application/json', auth: 'Bearer k', length: String(Buffer.byteLength('{"q":"é"}')) });
  });

  it('accepts a URL object and byte bodies', async () => {
    const res = await httpFetch(new URL(`${base}/echo`), { method: 'PUT', body: new TextEncoder().encode('bytes') });
    expect(await res.json()).toMatchObject({ method: 'PUT', body: 'bytes' });
  });

  it('decodes a gzip body and gives no body for 204', async () => {
    expect(await (await httpFetch(`${base}/gzip`)).json()).toEqual({ zipped: true });
    const empty = await httpFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('returns an error status as a response, with its headers', async () => {
    const res = await httpFetch(`${base}/error`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.text()).toContain('slow down');
  });

  it('follows redirects as fetch does: 307 resends the body, 303 continues as GET, loops end in an error', async () => {
    expect(await (await httpFetch(`${base}/moved`, { method: 'POST', body: 'again' })).json()).toMatchObject({ method: 'POST', body: 'again' });
    expect(await (await httpFetch(`${base}/see-other`, { method: 'POST', body: 'dropped' })).json()).toMatchObject({ method: 'GET', body: '' });
    await expect(httpFetch(`${base}/loop`)).rejects.toThrow('fetch failed');
  });

  it('rejects with the AbortError an abort gives, before and during the call', async () => {
    const before = new AbortController();
    before.abort();
    await expect(httpFetch(`${base}/echo`, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const during = new AbortController();
    const call = httpFetch(`${base}/hang`, { signal: during.signal });
    setTimeout(() => during.abort(), 30);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails like fetch when the server is unreachable or the connection drops mid-body', async () => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    probe.close();
    await once(probe, 'close');
    const refused = await httpFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as TypeError).message).toBe('fetch failed');
    expect(((refused as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED');
    await expect(httpFetch(`${base}/cut`)).rejects.toThrow('fetch failed');
  });

  it('hands what it does not send itself to the built-in fetch', async () => {
    const form = new FormData();
    form.set('field', 'value');
    const res = await httpFetch(`${base}/echo`, { method: 'POST', body: form });
    const seen = (await res.json()) as { type: string; body: string };
    expect(seen.type).toMatch(/^multipart\/form-data/);
    expect(seen.body).toContain('value');
  });
});
