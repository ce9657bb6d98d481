import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inShard } from '../../src/plan/shard.js';
import { MergeConflict, mergeShards } from '../../src/store/merge.js';
import { openStore } from '../../src/store/db.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { query, runFixture } from '../helpers/fixture-run.js';

const EPOCHS = 4; // 5 planned cells per epoch in the fixture suite: 20 cells, so each of 3 shards gets several
let dir: string;
let shards: string[];
let whole: string;

const snapshot = async (db: string): Promise<Record<string, unknown>> => ({
  keys: (await query<{ cell_key: string }>(db, 'SELECT cell_key FROM conversations ORDER BY cell_key')).map((r) => r.cell_key),
  messages: await query(db, 'SELECT cell_key, idx, speaker, text FROM messages ORDER BY cell_key, idx'),
  scores: await query(db, 'SELECT cell_key, metric, value, evaluator FROM scores ORDER BY cell_key, metric'),
  calls: await query(db, 'SELECT cell_key, idx, role, model FROM model_calls ORDER BY cell_key, idx'),
  status: await query(db, 'SELECT cell_key, status, n_turns, epoch, variant_id FROM conversations ORDER BY cell_key'),
});
const counts = async (db: string): Promise<Record<string, unknown>> =>
  (await query(db, `SELECT (SELECT count(*) FROM runs) r, (SELECT count(*) FROM conversations) c, (SELECT count(*) FROM messages) m,
    (SELECT count(*) FROM tool_calls) t, (SELECT count(*) FROM model_calls) k, (SELECT count(*) FROM scores) s, (SELECT count(*) FROM metrics) x`))[0]!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxb-merge-'));
  shards = [1, 2, 3].map((i) => join(dir, `shard${i}.duckdb`));
  for (const [i, db] of shards.entries()) {
    const shard = { index: i + 1, count: 3 };
    await runFixture(db, { epochs: EPOCHS, output: join(dir, `out${i + 1}`) }, { filter: inShard(shard), shard: `${i + 1}/3` });
  }
  whole = join(dir, 'whole.duckdb');
  await runFixture(whole, { epochs: EPOCHS, output: join(dir, 'whole-out') });
}, 60_000);

describe('mergeShards', () => {
  it('pools three shards into a database equal to the unsharded run, cell for cell', async () => {
    const perShard = await Promise.all(shards.map(async (s) => (await counts(s))['c'] as number));
    for (const n of perShard) expect(n).toBeGreaterThan(0);
    expect(perShard.reduce((a, b) => a + b, 0)).toBe(20);

    const out = join(dir, 'merged', 'cxbench.duckdb');
    const summary = await mergeShards(out, shards);
    expect(summary.cellsBefore).toBe(0);
    expect(summary.cellsAfter).toBe(20);
    expect(summary.shards.map((s) => s.cellsAdded)).toEqual(perShard);

    const [m, w] = [await snapshot(out), await snapshot(whole)];
    expect(m['keys']).toHaveLength(20);
    expect(m).toEqual(w);
    expect((m['scores'] as unknown[]).length).toBe(20); // one test score per cell came along with its cell
    const runs = await query<{ shard: string }>(out, 'SELECT shard FROM runs ORDER BY shard');
    expect(runs.map((r) => r.shard)).toEqual(['1/3', '2/3', '3/3']);
    expect((await counts(out))['x']).toBe(1); // the metric catalog, once
  });

  it('is idempotent: merging the same shards again adds nothing', async () => {
    const out = join(dir, 'twice.duckdb');
    await mergeShards(out, shards);
    const before = await counts(out);
    const again = await mergeShards(out, [...shards, shards[0]!]);
    expect(again.shards.every((s) => s.cellsAdded === 0 && s.runsAdded === 0 && s.cellsReplaced === 0)).toBe(true);
    expect(await counts(out)).toEqual(before);
  });

  it('replaces a cell held only as an infrastructure failure by the finished cell of a shard', async () => {
    const out = join(dir, 'infra.duckdb');
    await mergeShards(out, shards);
    const store = await openStore(out);
    const [victim] = await store.all<{ cell_key: string }>('SELECT cell_key FROM conversations ORDER BY cell_key LIMIT 1');
    await store.exec(`UPDATE conversations SET status = 'infra-error' WHERE cell_key = ?`, [victim!.cell_key]);
    await store.exec('DELETE FROM messages WHERE cell_key = ?', [victim!.cell_key]);
    store.close();
    const r = await mergeShards(out, shards);
    expect(r.shards.reduce((s, x) => s + x.cellsReplaced, 0)).toBe(1);
    expect(await snapshot(out)).toEqual(await snapshot(whole));
  });

  it('refuses a shard run with other epochs, names both databases and the field, and writes nothing', async () => {
    const odd = join(dir, 'odd.duckdb');
    await runFixture(odd, { epochs: 2, output: join(dir, 'odd-out') }, { filter: inShard({ index: 1, count: 3 }), shard: '1/3' });
    const out = join(dir, 'refused.duckdb');
    const err = await mergeShards(out, [shards[0]!, odd]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MergeConflict);
    const msg = (err as MergeConflict).message;
    expect(msg).toContain(odd);
    expect(msg).toContain(shards[0]!);
    expect(msg).toContain('differ in config');
    expect((err as MergeConflict).problems[0]!.found).toBe('config.epochs: 4 vs 2');
    expect(existsSync(out)).toBe(false);
    // Into an existing database: refused before the transaction, so its contents stay as they were.
    const kept = join(dir, 'kept.duckdb');
    await mergeShards(kept, [shards[0]!]);
    const before = await counts(kept);
    await expect(mergeShards(kept, [shards[1]!, odd])).rejects.toThrow(MergeConflict);
    expect(await counts(kept)).toEqual(before);
  });

  it('refuses a shard whose scenario version changed (CLI: exit 2, message on stderr)', async () => {
    // Same config file for both shards; only the scenario file changes in between, as on a machine with other data.
    const sub = mkdtempSync(join(tmpdir(), 'cxb-merge-ver-'));
    cpSync(join(ROOT, 'tests/fixtures/suite'), join(sub, 'suite'), { recursive: true });
    const config = join(sub, 'config.yaml');
    writeFileSync(config, `name: fixture\nscenarios: [${sub}/suite/scenarios/*.yaml]\ndatasets: ${sub}/suite/datasets\nmodels: [rules]\n`);
    const a = join(sub, 'a.duckdb');
    const b = join(sub, 'b.duckdb');
    await runFixture(a, { output: join(sub, 'oa') }, { filter: inShard({ index: 1, count: 2 }), shard: '1/2' }, config);
    const file = join(sub, 'suite/scenarios/offer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 1', 'version: 2'));
    await runFixture(b, { output: join(sub, 'ob') }, { filter: inShard({ index: 2, count: 2 }), shard: '2/2' }, config);

    const out = join(sub, 'merged.duckdb');
    const r = await runCli(['merge', out, a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot merge ${b}`);
    expect(r.stderr).toContain(a);
    expect(r.stderr).toContain('scenario versions');
    expect(r.stderr).toContain('tst-offer@1 vs tst-offer@2');
  }, 60_000);

  it('refuses a missing shard and a shard that is the target', async () => {
    await expect(mergeShards(join(dir, 'x.duckdb'), [join(dir, 'nope.duckdb')])).rejects.toThrow(/does not exist/);
    await expect(mergeShards(shards[0]!, [shards[0]!])).rejects.toThrow(/also listed as a shard/);
    expect(existsSync(join(dir, 'x.duckdb'))).toBe(false);
  });
});
