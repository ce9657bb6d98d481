import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { ROOT, runCli } from '../helpers/cli.js';

let mock: MockServer;
beforeAll(async () => { mock = await startMockOpenAI({ latencyMs: 40 }); });
afterAll(async () => { await mock.close(); });

function suiteConfig(dir: string, extra: string[] = []): string {
  const config = join(dir, 'config.yaml');
  writeFileSync(config, [`scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]`, `datasets: ${ROOT}/tests/fixtures/suite/datasets`, `output: ${dir}/out`, ...extra].join('\n'));
  return config;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

describe('one writer per database', () => {
  it('a second run on the same database fails fast with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-lock-'));
    const config = suiteConfig(dir, ['epochs: 40', 'concurrency: { default: 2 }', `models: [{ id: "openai-compatible:slow", baseUrl: "${mock.url}" }]`]);
    const first = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'run', '-c', config, '--no-cache', '--progress', 'silent'], { cwd: ROOT, stdio: 'ignore' });
    const done = new Promise<number | null>((r) => first.on('close', r));
    // Wait until the first run holds the database.
    for (let i = 0; i < 100 && !readdirSync(join(dir)).includes('out'); i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = Date.now();
    const second = await runCli(['run', '-c', config, '--no-cache', '--progress', 'silent']);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by another cxbench process/);
    expect(second.stderr).not.toMatch(/\n\s+at /);
    expect(await done).toBe(0);
  }, 120_000);
});

describe('secrets', () => {
  it('an API key never reaches the database, the cache, the report or the logs', async () => {
    const sentinel = 'sk-cxbench-SENTINEL-7f3a9c1e5b';
    const dir = mkdtempSync(join(tmpdir(), 'cxb-secret-'));
    const config = suiteConfig(dir, [`models: [{ id: "openai:gpt-4o-mini", baseUrl: "${mock.url}" }]`]);
    const ok = await runCli(['run', '-c', config, '--progress', 'plain'], { env: { OPENAI_API_KEY: sentinel } });
    expect(ok.code).toBe(0);
    // And a server that rejects the key and echoes it back in its error: the 401 path, into the same database.
    const bad = await startMockOpenAI({ rejectAuth: true });
    const config2 = suiteConfig(dir, [`models: [{ id: "openai:gpt-4o", baseUrl: "${bad.url}" }]`, 'name: denied']);
    const fail = await runCli(['run', '-c', config2, '--progress', 'plain', '--no-cache'], { env: { OPENAI_API_KEY: sentinel } });
    await bad.close();
    // Authentication errors are not retried, and they stop that provider's cells at once (4 = the concurrency).
    expect(bad.journal.total).toBeLessThanOrEqual(4);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/stopped openai:gpt-4o: authentication failed/);
    const texts = [ok.stdout, ok.stderr, fail.stdout, fail.stderr];
    for (const f of filesUnder(dir)) if (statSync(f).size < 50_000_000) texts.push(readFileSync(f).toString('latin1'));
    expect(texts.length).toBeGreaterThan(4);
    for (const t of texts) expect(t.includes(sentinel)).toBe(false);
  }, 120_000);
});
