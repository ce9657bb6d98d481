import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../helpers/db.js';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { ROOT, runCli } from '../helpers/cli.js';

let mock: MockServer;
beforeAll(async () => { mock = await startMockOpenAI({ latencyMs: 100 }); });
afterAll(async () => { await mock.close(); });


/**
 * Starts `cxbench run` and SIGKILLs it `ms` after its `lines`-th progress line (so each run has made progress,
 * whatever the machine's load), at a moment unrelated to the writer's batches.
 */
function runAndKill(args: string[], lines: number, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let seen = 0;
    child.stderr.on('data', (d: Buffer) => {
      seen += d.toString().split('\n').filter((l) => / cells \(done/.test(l)).length;
      if (seen >= lines) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('close', () => resolve());
  });
}

describe('resume after kill -9', () => {
  it('completes only the missing cells: none lost, none duplicated, no half-finished cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-resume-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, [
      `scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]`, `datasets: ${ROOT}/tests/fixtures/suite/datasets`, `output: ${dir}/out`,
      'epochs: 60', 'concurrency: { default: 4 }', 'models: [{ id: "openai-compatible:resume", baseUrl: "' + mock.url + '" }]',
    ].join('\n'));
    const args = ['run', '-c', config, '--no-cache', '--no-report', '--progress', 'plain'];
    for (const [lines, ms] of [[3, 0], [2, 150], [1, 40]] as const) await runAndKill(args, lines, ms);
    const db = join(dir, 'out/cxbench.duckdb');
    const partial = Number((await query(db, 'SELECT count(*) AS n FROM conversations'))[0]!['n']);
    expect(partial).toBeLessThan(300);
    expect(partial).toBeGreaterThan(0);
    const final = await runCli(args);
    expect(final.code).toBe(0);
    expect(final.stdout).toContain(`${partial} already in the database, ${300 - partial} ran`);
    const [c] = await query(db, 'SELECT count(*) AS n, count(DISTINCT cell_key) AS k FROM conversations');
    expect(c).toEqual({ n: 300, k: 300 });
    // Every stored conversation is whole: its message rows match n_turns, and it has one agent call per agent turn.
    const broken = await query(db, `
      SELECT c.cell_key FROM conversations c
      LEFT JOIN (SELECT cell_key, count(*) AS m, count(*) FILTER (speaker = 'agent') AS a FROM messages GROUP BY cell_key) m USING (cell_key)
      LEFT JOIN (SELECT cell_key, count(*) AS k FROM model_calls GROUP BY cell_key) k USING (cell_key)
      WHERE m.m IS DISTINCT FROM c.n_turns OR k.k IS DISTINCT FROM m.a`);
    expect(broken).toEqual([]);
    const orphans = await query(db, `SELECT count(*) AS n FROM messages WHERE cell_key NOT IN (SELECT cell_key FROM conversations)`);
    expect(orphans[0]!['n']).toBe(0);
  }, 120_000);
});
