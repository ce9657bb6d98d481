import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { openStore } from '../../src/store/db.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

let mock: MockServer;
let slowest: MockServer;
beforeAll(async () => {
  mock = await startMockOpenAI({ latencyMs: 250 });
  slowest = await startMockOpenAI({ latencyMs: 20_000 });
});
afterAll(async () => { await mock.close(); await slowest.close(); });

function suiteConfig(url: string, extra: string[] = []): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cxb-int-'));
  const config = join(dir, 'config.yaml');
  writeFileSync(config, [
    `scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]`, `datasets: ${ROOT}/tests/fixtures/suite/datasets`, `output: ${dir}/out`,
    'concurrency: { default: 4 }', `models: [{ id: "openai-compatible:slow", baseUrl: "${url}" }]`, ...extra,
  ].join('\n'));
  return { dir, config };
}

interface Child { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }> }

function start(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((r) => child.on('close', (code, signal) => r({ code, signal, at: Date.now() })));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function until(cond: () => boolean, ms = 60_000): Promise<void> {
  for (const t0 = Date.now(); !cond(); ) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SIGINT mid-run', () => {
  it('stops issuing calls, commits what finished, marks the run interrupted, says how to resume; the resume completes without duplicates', async () => {
    const { dir, config } = suiteConfig(mock.url, ['epochs: 20']);
    const args = ['run', '-c', config, '--no-cache', '--no-report', '--progress', 'plain'];
    const before = mock.journal.total;
    const run = start(args);
    // After the first progress line (10% of the cells finished), mid-run.
    await until(() => / cells \(done/.test(run.stderr()));
    const sentAt = Date.now();
    run.child.kill('SIGINT');
    const { code, at } = await run.exit;
    expect(code).toBe(130);
    // The calls in flight (at most 4, 250 ms each) finished well inside the grace period.
    expect(at - sentAt).toBeLessThan(8_000);
    expect(run.stderr()).toMatch(/SIGINT: stopping\. No new calls; waiting up to 10 s for the calls in flight/);
    expect(run.stdout()).toMatch(/interrupted: what finished is committed \(run \S+ is marked interrupted\); the \d+ cells not finished run when you resume with:\n {2}cxbench run -c \S+config\.yaml --no-cache --no-report --progress plain\n/);

    const db = join(dir, 'out/cxbench.duckdb');
    const [runRow] = await query(db, `SELECT status, finished_at IS NOT NULL AS ended FROM runs`);
    expect(runRow).toEqual({ status: 'interrupted', ended: true });
    const stored = await query(db, `SELECT status, end_reason, count(*) AS n FROM conversations GROUP BY ALL ORDER BY status`);
    const total = stored.reduce((s, r) => s + Number(r['n']), 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(100);
    // Only finished conversations, or conversations cut short by the interruption (ours, not the agent's or provider's).
    for (const r of stored) expect([['done', 'script-complete'], ['done', 'escalated'], ['local-error', 'interrupted']]).toContainEqual([r['status'], r['end_reason']]);
    // Every call the provider answered (and billed) is recorded: nothing paid for was thrown away.
    const [calls] = await query(db, `SELECT count(*) AS n FROM model_calls`);
    expect(Number(calls!['n'])).toBe(mock.journal.total - before);

    console.info(`SIGINT: exit ${code} after ${at - sentAt} ms; stored ${JSON.stringify(stored)}; ${Number(calls!['n'])} calls stored = ${mock.journal.total - before} answered`);
    const resumed = await runCli(args);
    expect(resumed.code).toBe(0);
    const done = stored.filter((r) => r['status'] === 'done').reduce((s, r) => s + Number(r['n']), 0);
    expect(resumed.stdout).toContain(`100 cells planned, ${done} already in the database, ${100 - done} ran (${100 - done} done, 0 agent errors, 0 infrastructure errors)`);
    const [all] = await query(db, `SELECT count(*) AS n, count(DISTINCT cell_key) AS k, count(*) FILTER (status = 'done') AS d FROM conversations`);
    expect(all).toEqual({ n: 100, k: 100, d: 100 });
    const orphans = await query(db, `SELECT count(*) AS n FROM model_calls WHERE cell_key NOT IN (SELECT cell_key FROM conversations)`);
    expect(orphans[0]!['n']).toBe(0);
    const statuses = await query(db, `SELECT status FROM runs ORDER BY started_at`);
    expect(statuses.map((r) => r['status'])).toEqual(['interrupted', 'finished']);
  }, 180_000);

  it('a second Ctrl-C exits at once, without waiting for the calls in flight', async () => {
    const { config } = suiteConfig(slowest.url, ['epochs: 2']);
    const run = start(['run', '-c', config, '--no-cache', '--no-report', '--progress', 'plain'], { CXBENCH_GRACE_MS: '60000' });
    await until(() => /cells to run/.test(run.stderr()));
    await new Promise((r) => setTimeout(r, 500));
    run.child.kill('SIGINT');
    await until(() => /SIGINT: stopping/.test(run.stderr()));
    const sentAt = Date.now();
    run.child.kill('SIGINT');
    const { code, at } = await run.exit;
    expect(code).toBe(130);
    expect(at - sentAt).toBeLessThan(3_000);
    expect(run.stderr()).toMatch(/SIGINT again: exiting now/);
  }, 60_000);
});

describe('a run left running by a crash', () => {
  it('is shown as interrupted once the database is opened again', async () => {
    const { dir, config } = suiteConfig(mock.url, ['epochs: 20']);
    const run = start(['run', '-c', config, '--no-cache', '--no-report', '--progress', 'plain']);
    await until(() => / cells \(done/.test(run.stderr()));
    run.child.kill('SIGKILL');
    await run.exit;
    const db = join(dir, 'out/cxbench.duckdb');
    expect((await query(db, `SELECT status FROM runs`)).map((r) => r['status'])).toEqual(['running']);
    const store = await openStore(db);
    try {
      expect(await store.all(`SELECT status FROM runs`)).toEqual([{ status: 'interrupted' }]);
    } finally {
      store.close();
    }
  }, 60_000);
});
