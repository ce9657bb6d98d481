import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore, type Store } from '../../src/store/db.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

let mock: MockServer;
beforeAll(async () => { mock = await startMockOpenAI({ latencyMs: 20 }); });
afterAll(async () => { await mock.close(); });

function suiteConfig(dir: string, extra: string[] = []): string {
  const config = join(dir, 'config.yaml');
  writeFileSync(config, [`scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]`, `datasets: ${ROOT}/tests/fixtures/suite/datasets`, `output: ${dir}/out`, 'personaVariants: none', ...extra].join('\n'));
  return config;
}

/**
 * Makes a folder refuse new files, the way a full or read-only disk does. chmod does not bind root, so as root the
 * folder is made immutable (EPERM on ext4, xfs, btrfs and tmpfs). Returns the undo.
 */
function makeUnwritable(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
  execFileSync('chattr', ['+i', dir]);
  return () => execFileSync('chattr', ['-i', dir]);
}

describe('a cache that cannot be written (ours, not the agent\'s)', () => {
  it('stores no agent error, stops the run with the cause, and a rerun after the fix runs the cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-local-'));
    const config = suiteConfig(dir, ['epochs: 6', 'concurrency: { default: 2 }', `models: [{ id: "openai-compatible:local", baseUrl: "${mock.url}" }]`]);
    const undo = makeUnwritable(join(dir, 'out', 'cache'));
    let first;
    try {
      first = await runCli(['run', '-c', config, '--no-report', '--progress', 'silent']);
    } finally {
      undo();
    }
    console.info(first.stdout);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/stopped: cannot write the response cache at .*cache \((permission|read-only)\)/);
    expect(first.stdout).toMatch(/not the agent's/);
    expect(first.stdout).toMatch(/, 0 agent errors,/);
    const db = join(dir, 'out/cxbench.duckdb');
    const byStatus = await query(db, `SELECT status, end_reason, count(*) AS n FROM conversations GROUP BY ALL`);
    expect(byStatus.every((r) => r['status'] === 'local-error' && r['end_reason'] === 'local:cache')).toBe(true);
    const local = byStatus.reduce((s, r) => s + Number(r['n']), 0);
    // The run stopped at once: only the cells already in flight (the concurrency, 2) failed; the others never started.
    expect(local).toBeGreaterThan(0);
    expect(local).toBeLessThanOrEqual(2);
    // The paid call is kept with its usage, so accounting still reconciles with what the provider saw.
    const [calls] = await query(db, `SELECT count(*) AS n, sum(input_tokens) AS i FROM model_calls`);
    expect(Number(calls!['n'])).toBeGreaterThan(0);
    expect(Number(calls!['i'])).toBeGreaterThan(0);
    const [run] = await query(db, `SELECT status FROM runs`);
    expect(run!['status']).toBe('stopped');

    // The folder is writable again: the local errors and the cells never started all run now.
    const second = await runCli(['run', '-c', config, '--no-report', '--progress', 'silent']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/12 cells planned, 0 already in the database, 12 ran \(12 done, 0 agent errors, 0 infrastructure errors\)/);
    const after = await query(db, `SELECT status, count(*) AS n, count(DISTINCT cell_key) AS k FROM conversations GROUP BY ALL`);
    expect(after).toEqual([{ status: 'done', n: 12, k: 12 }]);
  }, 120_000);
});

/** A store whose commits fail the way a full disk makes DuckDB fail. */
function fullDisk(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'transaction') return async () => { throw new Error('IO Error: Could not write file "x.duckdb.wal": No space left on device'); };
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

describe('a database that cannot be written', () => {
  it('stops the run with the cause, names it ours, and stores nothing as an agent error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-local-db-'));
    const suite = loadSuite(suiteConfig(dir, ['epochs: 3', 'models: [rules]']));
    const real = await openStore(join(dir, 'out', 'cxbench.duckdb'));
    try {
      const err = await runSuite(suite, fullDisk(real), { evaluators: [], progress: 'silent', batchSize: 2 }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).toBe('RunAbort');
      expect((err as Error).message).toMatch(/^cannot write results to the database at .*cxbench\.duckdb \(disk-full\): IO Error: .*No space left on device\. The run stopped/);
      const rows = await real.all<{ status: string }>(`SELECT status FROM runs`);
      expect(rows.map((r) => r.status)).toEqual(['stopped']);
      expect(await real.all(`SELECT * FROM conversations`)).toEqual([]);
    } finally {
      real.close();
    }
  }, 60_000);
});
