import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { openStore, type Store } from './db.js';
import { firstDifference, fingerprintOf, type Fingerprint, type RunRow } from './merge-compat.js';
import { SCHEMA_VERSION } from './schema.js';
import { CELL_TABLES } from './writer.js';

export interface ShardMergeResult {
  path: string;
  cellsInShard: number;
  cellsAdded: number;
  /** Cells the target held only as infrastructure failures and the shard holds as finished results. */
  cellsReplaced: number;
  runsAdded: number;
}

export interface MergeSummary {
  out: string;
  shards: ShardMergeResult[];
  cellsBefore: number;
  cellsAfter: number;
}

/** A shard that must not be pooled with the others; exit 2, and the message names both databases and the field. */
export class MergeConflict extends InputError {}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
/** Catalog aliases no database file name is likely to produce (DuckDB names the target's catalog after its file). */
const alias = (i: number): string => `cxb_merge_src_${i}`;

interface Source {
  label: string;
  runs: RunRow[];
  schemaVersion: string;
}

/**
 * Pools shard databases into `outPath` (created if missing). Every shard is attached read-only and checked before
 * anything is written; then one transaction copies, per shard, the runs rows, the metric catalog and every cell the
 * target lacks, each cell with all its messages, tool calls, model calls and scores. Cell keys are primary keys, so
 * merging the same shard again adds nothing. A cell the target holds only as an infrastructure or local failure is
 * replaced by a finished one (done or agent-error) from a shard, the same rule `run` uses when it retries.
 */
export async function mergeShards(outPath: string, shardPaths: string[]): Promise<MergeSummary> {
  if (shardPaths.length === 0) throw new InputError('nothing to merge: name at least one shard database', [{ file: 'command line', path: 'shards', expected: 'one or more .duckdb files', found: 'none' }]);
  for (const p of shardPaths) {
    if (!existsSync(p)) throw new InputError(`shard database ${p} does not exist`, [{ file: p, path: '', expected: 'a cxbench .duckdb file', found: 'no such file' }]);
    if (resolve(p) === resolve(outPath)) throw new InputError(`the output database ${outPath} is also listed as a shard`, [{ file: p, path: '', expected: 'a target different from every shard', found: 'the same file' }]);
  }
  const created = !existsSync(outPath);
  const store = await openStore(outPath);
  const attached: string[] = [];
  let ok = false;
  try {
    const sources: Source[] = [];
    const existing = await store.all<RunRow>('SELECT run_id, config_json, code_version, manifest_json FROM runs ORDER BY started_at, run_id');
    if (existing.length) sources.push({ label: `the target ${outPath}`, runs: existing, schemaVersion: String(SCHEMA_VERSION) });
    for (const [i, p] of shardPaths.entries()) {
      try {
        await store.exec(`ATTACH ${sqlString(p)} AS ${alias(i)} (READ_ONLY)`);
      } catch (e) {
        throw new InputError(`cannot open shard ${p}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`, [{ file: p, path: '', expected: 'a cxbench DuckDB database not in use by a running process', found: 'unreadable' }]);
      }
      attached.push(alias(i));
      sources.push(await describeShard(store, alias(i), p));
    }
    checkCompatible(sources);

    const cellsBefore = await countRows(store, 'conversations');
    const results = await store.transaction(async () => {
      const out: ShardMergeResult[] = [];
      for (const [i, p] of shardPaths.entries()) out.push(await mergeOne(store, alias(i), p));
      return out;
    });
    const summary = { out: outPath, shards: results, cellsBefore, cellsAfter: await countRows(store, 'conversations') };
    ok = true;
    return summary;
  } finally {
    for (const a of attached) await store.exec(`DETACH ${a}`).catch(() => undefined);
    store.close();
    // A refused merge into a new file leaves no empty database behind to be mistaken for a result.
    if (!ok && created) for (const f of [outPath, `${outPath}.wal`]) rmSync(f, { force: true });
  }
}

async function describeShard(store: Store, a: string, path: string): Promise<Source> {
  let schemaVersion = 'missing';
  let runs: RunRow[];
  try {
    const meta = await store.all<{ value: string }>(`SELECT value FROM ${a}.meta WHERE key = 'schema_version'`);
    schemaVersion = meta[0]?.value ?? 'missing';
    runs = await store.all<RunRow>(`SELECT run_id, config_json, code_version, manifest_json FROM ${a}.runs ORDER BY started_at, run_id`);
  } catch {
    throw new MergeConflict(`${path} is not a cxbench database (no runs table)`, [{ file: path, path: 'runs', expected: 'a database written by `cxbench run`', found: 'no cxbench tables' }]);
  }
  if (runs.length === 0) throw new MergeConflict(`${path} records no run, so its settings cannot be checked`, [{ file: path, path: 'runs', expected: 'at least one run', found: 'none' }]);
  return { label: path, runs, schemaVersion };
}

/** Every run of every source must match the first run of the first source, field by field. */
function checkCompatible(sources: Source[]): void {
  let ref: { label: string; runId: string; fp: Fingerprint } | undefined;
  for (const s of sources) {
    for (const run of s.runs) {
      let fp: Fingerprint;
      try {
        fp = fingerprintOf(run, s.schemaVersion);
      } catch (e) {
        throw new MergeConflict(`run ${run.run_id} in ${s.label} has an unreadable manifest: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
      if (!ref) { ref = { label: s.label, runId: run.run_id, fp }; continue; }
      const d = firstDifference(ref.fp, fp);
      if (d) {
        const where = (label: string, runId: string): string => `${label} (run ${runId})`;
        throw new MergeConflict(
          `cannot merge ${where(s.label, run.run_id)} with ${where(ref.label, ref.runId)}: they differ in ${d.field}`,
          [{ file: s.label, path: d.field, expected: `the same ${d.field} as ${ref.label}`, found: d.detail }],
        );
      }
    }
  }
}

async function countRows(store: Store, table: string): Promise<number> {
  const r = await store.all<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(r[0]?.n ?? 0);
}

async function mergeOne(store: Store, a: string, path: string): Promise<ShardMergeResult> {
  const runsBefore = await countRows(store, 'runs');
  await store.exec(`INSERT INTO runs BY NAME SELECT * FROM ${a}.runs WHERE run_id NOT IN (SELECT run_id FROM runs)`);
  const runsAdded = (await countRows(store, 'runs')) - runsBefore;
  await store.exec(`INSERT OR IGNORE INTO metrics BY NAME SELECT * FROM ${a}.metrics`);

  // The cells to take: absent from the target, or held there only as an infrastructure or local failure.
  await store.exec(`CREATE OR REPLACE TEMP TABLE cxb_merge_take AS
    SELECT s.cell_key, t.cell_key IS NOT NULL AS replaces
    FROM ${a}.conversations s LEFT JOIN conversations t ON t.cell_key = s.cell_key
    WHERE t.cell_key IS NULL OR (t.status IN ('infra-error', 'local-error') AND s.status NOT IN ('infra-error', 'local-error'))`);
  const counts = await store.all<{ added: bigint | number; replaced: bigint | number }>(
    `SELECT count(*) FILTER (NOT replaces) AS added, count(*) FILTER (replaces) AS replaced FROM cxb_merge_take`);
  for (const t of CELL_TABLES) await store.exec(`DELETE FROM ${t} WHERE cell_key IN (SELECT cell_key FROM cxb_merge_take WHERE replaces)`);
  for (const t of CELL_TABLES) await store.exec(`INSERT INTO ${t} BY NAME SELECT * FROM ${a}.${t} WHERE cell_key IN (SELECT cell_key FROM cxb_merge_take)`);
  await store.exec('DROP TABLE cxb_merge_take');
  return {
    path,
    cellsInShard: await countRows(store, `${a}.conversations`),
    cellsAdded: Number(counts[0]?.added ?? 0),
    cellsReplaced: Number(counts[0]?.replaced ?? 0),
    runsAdded,
  };
}
