import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { analyse } from '../../src/analysis/index.js';
import { exportParquet } from '../../src/export/parquet.js';
import { BiasMarginsSchema, RoiInputsSchema } from '../../src/schema/config.js';
import { openStore } from '../../src/store/db.js';
import { runCli } from '../helpers/cli.js';
import { query, runFixture } from '../helpers/fixture-run.js';

let dir: string;
let db: string;

async function readBack(file: string): Promise<number> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  try {
    const rows = (await c.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${file.replace(/'/g, "''")}')`)).getRowObjectsJS();
    return Number(rows[0]!['n']);
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxb-parquet-'));
  db = join(dir, 'out', 'cxbench.duckdb');
  await runFixture(db, { epochs: 2, output: join(dir, 'out') });
  const store = await openStore(db);
  try {
    await analyse(store, { seed: 1, bootstrapB: 200, roi: RoiInputsSchema.parse({}), biasMargins: BiasMarginsSchema.parse({}) });
  } finally {
    store.close();
  }
}, 60_000);

describe('exportParquet', () => {
  it('writes one Parquet file per table, raw and analysis, each reading back with the table\'s row count', async () => {
    const store = await openStore(db, { readOnly: true });
    let files;
    try {
      files = await exportParquet(store, join(dir, 'pq'));
    } finally {
      store.close();
    }
    const raw = files.filter((f) => f.kind === 'raw').map((f) => f.table);
    expect(raw).toEqual(['runs', 'conversations', 'messages', 'tool_calls', 'model_calls', 'scores', 'metrics', 'meta']);
    expect(files.some((f) => f.kind === 'analysis')).toBe(true);
    expect(readdirSync(join(dir, 'pq')).sort()).toEqual(files.map((f) => `${f.table}.parquet`).sort());
    for (const f of files) {
      const [src] = await query<{ n: number }>(db, `SELECT count(*) AS n FROM "${f.table}"`);
      expect(f.rows).toBe(src!.n);
      expect(await readBack(f.path)).toBe(f.rows);
    }
    expect(files.find((f) => f.table === 'conversations')!.rows).toBe(10);
    expect(files.find((f) => f.table === 'scores')!.rows).toBe(10);
  });

  it('is reachable from the CLI, read-only, with --db', async () => {
    const r = await runCli(['export', 'parquet', '--db', db, '--out', join(dir, 'cli-pq')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/conversations\.parquet: 10 rows \(raw\)/);
    expect(await readBack(join(dir, 'cli-pq', 'messages.parquet'))).toBeGreaterThan(10);
  });
});
