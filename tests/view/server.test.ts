/** The viewer's HTTP surface: loopback only, GET only, its own Host only, a strict CSP, no HTML built from data. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { assetDir } from '../../src/view/assets.js';
import { isLoopback, startViewer, type Viewer } from '../../src/view/server.js';
import { spawn } from 'node:child_process';
import { ROOT, runCli } from '../helpers/cli.js';
import { smallDb } from './small-db.js';

let viewer: Viewer;
beforeAll(async () => { viewer = await startViewer({ paths: [await smallDb()], port: 0 }); });
afterAll(async () => { await viewer?.close(); });

/** A raw request, so the Host header and method can be anything. */
function raw(method: string, path: string, host?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const u = new URL(viewer.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method, path, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('viewer server', () => {
  test('refuses to listen on a non-loopback address', async () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com']) {
      expect(isLoopback(host), host).toBe(false);
      await expect(startViewer({ paths: [], host, port: 0 })).rejects.toBeInstanceOf(InputError);
    }
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost']) expect(isLoopback(host), host).toBe(true);
  });

  test('serves the page with a Content-Security-Policy that allows this origin only', async () => {
    const res = await raw('GET', '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<script type="module" src="/assets/app.js">');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  test('answers GET only, and only for its own loopback Host (no DNS rebinding)', async () => {
    expect((await raw('POST', '/api/runs')).status).toBe(405);
    expect((await raw('DELETE', '/api/runs')).status).toBe(405);
    expect((await raw('GET', '/api/runs', 'attacker.example:80')).status).toBe(421);
    expect((await raw('GET', '/api/runs', `localhost:${new URL(viewer.url).port}`)).status).toBe(200);
    expect((await raw('GET', '/../../etc/passwd')).status).toBe(404);
    expect((await raw('GET', '/assets/../server.ts')).status).toBe(404);
  });

  test('the front end never turns text into HTML or code', () => {
    const dir = assetDir();
    const js: string[] = [];
    const walk = (sub: string): void => {
      for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(sub, e.name));
        else if (e.name.endsWith('.js')) js.push(join(sub, e.name));
      }
    };
    walk('');
    expect(js.length).toBeGreaterThan(8);
    for (const f of js) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|srcdoc|javascript:/);
      expect(src, f).not.toMatch(/https?:\/\//);
    }
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
  });

  test('cxbench view with a non-loopback host or a missing database exits 2 with the reason', async () => {
    const host = await runCli(['view', await smallDb(), '--host', '0.0.0.0', '--port', '0']);
    expect(host.code).toBe(2);
    expect(host.stderr).toContain('not a loopback address');
    const missing = await runCli(['view', '/nonexistent/cxbench.duckdb', '--port', '0']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no database at /nonexistent/cxbench.duckdb');
  }, 60_000);

  test('cxbench view prints its URL, serves the database, and stops on Ctrl-C', async () => {
    const db = await smallDb();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'view', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code} before printing its URL: ${out}`)));
    });
    const files = await (await fetch(`${url}api/files`)).json() as { path: string }[];
    expect(files.map((f) => f.path)).toEqual([db]);
    expect(out).toContain('Ctrl-C');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    await expect(fetch(`${url}api/files`)).rejects.toThrow();
  }, 60_000);

  test('a database held by a writer answers 503 with the reason, then reads again once it is free', async () => {
    const db = await smallDb();
    const v = await startViewer({ paths: [db], port: 0 });
    try {
      const script = `import { openStore } from './src/store/db.ts';
        const s = await openStore(${JSON.stringify(db)}); console.log('holding'); setTimeout(() => { s.close(); }, 2500);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      await new Promise<void>((r) => child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('holding')) r(); }));
      const busy = await fetch(`${v.url}api/runs`);
      expect(busy.status).toBe(503);
      const body = await busy.json() as { error: string; busy: boolean };
      expect(body.busy).toBe(true);
      expect(body.error).toMatch(/in use by another process \(PID \d+\)/);
      await new Promise((r) => child.on('close', r));
      expect((await fetch(`${v.url}api/runs`)).status).toBe(200);
    } finally {
      await v.close();
    }
  }, 60_000);
});
