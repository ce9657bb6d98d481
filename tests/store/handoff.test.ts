import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { openStore } from '../../src/store/db.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

let mock: MockServer;
beforeAll(async () => { mock = await startMockOpenAI({ latencyMs: 20 }); });
afterAll(async () => { await mock.close(); });

interface Tally { opened: number; refused: number; messages: Set<string> }

/** A reader that opens the file read-only, reads, and closes it again every `everyMs`, until told to stop. */
function pollWith(open: () => Promise<() => void>, everyMs: number): { stop: () => Promise<Tally> } {
  const tally: Tally = { opened: 0, refused: 0, messages: new Set() };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const close = await open();
        tally.opened++;
        close();
      } catch (e) {
        tally.refused++;
        tally.messages.add((e instanceof Error ? e.message : String(e)).replace(/\d+/g, 'N').slice(0, 300));
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return { stop: async () => { stopped = true; await loop; return tally; } };
}

/** Like a notebook: DuckDB directly, with no knowledge of cxbench. */
const notebook = (db: string) => async (): Promise<() => void> => {
  if (!existsSync(db)) throw new Error('no file yet');
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  await c.run('SELECT count(*) FROM runs');
  return () => { c.closeSync(); inst.closeSync(); };
};

/** Another cxbench command reading the file (report, export). */
const cxbenchReader = (db: string) => async (): Promise<() => void> => {
  if (!existsSync(db)) throw new Error('no file yet');
  const store = await openStore(db, { readOnly: true, lockWaitMs: 0 });
  await store.all('SELECT count(*) FROM runs');
  return () => store.close();
};

describe('the hand-off between a run and its store worker', () => {
  it('cannot be stolen by readers polling every 5 ms: the run completes every time', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const dir = mkdtempSync(join(tmpdir(), 'cxb-handoff-'));
      const config = join(dir, 'config.yaml');
      writeFileSync(config, [
        `scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]`, `datasets: ${ROOT}/tests/fixtures/suite/datasets`, `output: ${dir}/out`,
        'epochs: 6', 'concurrency: { default: 4 }', `models: [{ id: "openai-compatible:handoff", baseUrl: "${mock.url}" }]`,
      ].join('\n'));
      const db = join(dir, 'out', 'cxbench.duckdb');
      // The file exists before the run, so the readers are polling it from the run's first moment.
      (await openStore(db)).close();
      const readers = [pollWith(notebook(db), 5), pollWith(cxbenchReader(db), 5)];
      const run = await runCli(['run', '-c', config, '--no-cache', '--no-report', '--progress', 'silent']);
      const [nb, cx] = await Promise.all(readers.map((r) => r.stop()));
      console.info(`attempt ${attempt + 1}: run exit ${run.code}; notebook opened ${nb!.opened}x, refused ${nb!.refused}x; cxbench reader opened ${cx!.opened}x, refused ${cx!.refused}x (${[...cx!.messages].join(' | ')})`);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(await query(db, `SELECT count(*) AS n, count(DISTINCT cell_key) AS k FROM conversations`)).toEqual([{ n: 30, k: 30 }]);
      expect((await query(db, `SELECT status FROM runs`)).map((r) => r['status'])).toEqual(['finished']);
      // The readers did poll throughout, and were turned away while the run held the file: they fail, never the run.
      expect(nb!.refused + nb!.opened).toBeGreaterThan(20);
      expect(cx!.refused).toBeGreaterThan(0);
      for (const m of cx!.messages) expect(m).toMatch(/in use by another cxbench process \(PID N(, a run writing to it)?\)/);
    }
  }, 180_000);
});
