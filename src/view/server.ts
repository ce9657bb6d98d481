/**
 * `cxbench view`'s HTTP server: loopback only, GET only, read-only over the database files, no outside requests
 * (the page's Content-Security-Policy allows only this origin). Answers the JSON API (routes.ts) and the static front
 * end (assets.ts); refuses requests whose Host header is not this loopback address (DNS rebinding).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { InputError } from '../core/errors.js';
import { loadAssets } from './assets.js';
import { BadRequest } from './bad-request.js';
import { csvLine } from './csv.js';
import { FileBusy, ViewerFiles } from './files.js';
import { selectAll } from './queries/table-query.js';
import { isRoute, ROUTES } from './routes.js';

export interface ViewerOptions {
  paths: string[];
  port?: number;
  host?: string;
}

export interface Viewer {
  url: string;
  files: ViewerFiles;
  close(): Promise<void>;
}

/** Loopback names and addresses only: the viewer shows unreleased study data and must not be reachable from outside. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./i.test(h);
  return false;
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void => send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

export async function startViewer(opts: ViewerOptions): Promise<Viewer> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new InputError(`--host ${host} is not a loopback address: the viewer serves study data to this machine only`, [{ file: 'command line', path: '--host', expected: '127.0.0.1, ::1 or localhost', found: host }]);
  }
  const assets = loadAssets();
  const files = await ViewerFiles.open(opts.paths);
  let port = 0;
  const allowedHosts = (): Set<string> => new Set(['127.0.0.1', 'localhost', '[::1]', host.includes(':') ? `[${host.replace(/^\[|\]$/g, '')}]` : host].map((h) => `${h}:${port}`));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHosts().has(String(req.headers.host ?? ''))) { send(res, 421, 'text/plain; charset=utf-8', 'unexpected Host header: open the viewer at its printed loopback URL'); return; }
    if (req.method !== 'GET' && req.method !== 'HEAD') { send(res, 405, 'text/plain; charset=utf-8', 'the viewer is read-only: GET only', { allow: 'GET, HEAD' }); return; }
    const url = new URL(req.url ?? '/', 'http://viewer.invalid');
    const asset = assets.get(url.pathname);
    if (asset) { send(res, 200, asset.type, asset.body); return; }
    if (!isRoute(url.pathname)) { sendJson(res, 404, { error: `no such page or API: ${url.pathname}` }); return; }
    try {
      const result = await ROUTES[url.pathname](files, url.searchParams);
      if (result.kind === 'json') { sendJson(res, 200, result.body); return; }
      let started = false;
      await files.each(result.query.files, selectAll(result.query), result.query.params, async (rows, columns) => {
        if (!started) {
          res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${result.filename}"` });
          res.write(csvLine(columns));
          started = true;
        }
        const text = rows.map((r) => csvLine(columns.map((c) => r[c]))).join('');
        if (!res.write(text)) await new Promise((r) => res.once('drain', r));
      });
      res.end();
    } catch (e) {
      if (res.headersSent) { res.destroy(); return; }
      if (e instanceof BadRequest) sendJson(res, e.status, { error: e.message });
      else if (e instanceof FileBusy) sendJson(res, 503, { error: e.message, busy: true });
      else {
        process.stderr.write(`viewer: ${url.pathname}: ${e instanceof Error ? e.message : String(e)}\n`);
        sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
      }
    }
  };

  const server: Server = createServer((req, res) => { void handle(req, res); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      files.close();
      reject(e.code === 'EADDRINUSE' ? new InputError(`port ${opts.port} is in use`, [{ file: 'command line', path: '--port', expected: 'a free port (or 0 for any)', found: String(opts.port) }]) : e);
    });
    server.listen(opts.port ?? 0, host, resolve);
  });
  port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host.replace(/^\[|\]$/g, '')}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    files,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => { files.close(); resolve(); });
    }),
  };
}
