import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../core/paths.js';
import { openStore } from '../store/db.js';
import { openStudyEnv, StudyOptionsSchema, type StudyOptions, type StudyOptionsInput } from './env.js';
import { runSeed, type ReplicateResult } from './replicate.js';
import { summariseStudy } from './summarise.js';
import { writeValidityTables, type ValidityTables } from './tables.js';

/**
 * `cxbench validity`: many seeds x planted gaps through the real pipeline, pooled into the validity tables. Seeds are
 * independent, so they are shared among child processes (one mock server and one DuckDB each) when workers > 1.
 */

export interface StudyHooks {
  /** Called after each seed finishes (all of its gaps). */
  onSeed?(seed: number, results: ReplicateResult[], done: number, total: number): void;
}

export interface StudyResult {
  studyId: string;
  options: StudyOptions;
  results: ReplicateResult[];
  tables: ValidityTables;
  wallMs: number;
  planned: { scenarios: number; cellsPerReplicate: number };
}

export const dbFile = (output: string): string => `${output.replace(/\/+$/, '')}/cxbench.duckdb`;

/** Messages between the study and its worker processes. */
export type WorkerMessage =
  | { type: 'seed'; seed: number; results: ReplicateResult[]; planned: StudyResult['planned'] }
  | { type: 'error'; message: string }
  | { type: 'done' };
export interface WorkerJob { options: StudyOptions; seeds: number[] }

export async function runSeedsHere(o: StudyOptions, seeds: readonly number[], each: (seed: number, results: ReplicateResult[], planned: StudyResult['planned']) => void): Promise<void> {
  const { env, close } = await openStudyEnv(o);
  try {
    const { planCells } = await import('../plan/cells.js');
    const planned = { scenarios: env.suite.scenarios.length, cellsPerReplicate: planCells(env.suite.scenarios, env.suite.approaches, env.suite.models, env.suite.config, env.suite.datasets).length };
    for (const seed of seeds) {
      const run = await runSeed(env, o.model, seed, o.gaps);
      run.store.close();
      each(seed, run.results, planned);
    }
  } finally {
    await close();
  }
}

function runInWorkers(o: StudyOptions, seeds: number[], each: (seed: number, results: ReplicateResult[], planned: StudyResult['planned']) => void): Promise<void> {
  const here = fileURLToPath(import.meta.url);
  const workerFile = here.replace(/study(\.[cm]?[jt]s)$/, `worker${extname(here)}`);
  const shares = Array.from({ length: Math.min(o.workers, seeds.length) }, (_, w) => seeds.filter((_s, i) => i % o.workers === w));
  return Promise.all(shares.map((share) => new Promise<void>((resolve, reject) => {
    const child = fork(workerFile, [], { execArgv: process.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let failed: string | null = null;
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'seed') each(m.seed, m.results, m.planned);
      else if (m.type === 'error') failed = m.message;
    });
    child.on('exit', (code) => (failed || code !== 0 ? reject(new Error(`validity worker failed: ${failed ?? `exit code ${code}`}`)) : resolve()));
    child.send({ options: o, seeds: share } satisfies WorkerJob);
  }))).then(() => undefined);
}

export async function runStudy(input: StudyOptionsInput, hooks: StudyHooks = {}): Promise<StudyResult> {
  const o = StudyOptionsSchema.parse(input);
  const t0 = performance.now();
  const studyId = `validity-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  const seeds = Array.from({ length: o.seeds }, (_, i) => o.seedStart + i);
  const results: ReplicateResult[] = [];
  let planned: StudyResult['planned'] = { scenarios: 0, cellsPerReplicate: 0 };
  let done = 0;
  const each = (seed: number, r: ReplicateResult[], p: StudyResult['planned']): void => {
    results.push(...r);
    planned = p;
    hooks.onSeed?.(seed, r, ++done, seeds.length);
  };
  if (o.workers > 1 && seeds.length > 1) await runInWorkers(o, seeds, each);
  else await runSeedsHere(o, seeds, each);
  results.sort((a, b) => a.measures.gapPp - b.measures.gapPp || a.measures.seed - b.measures.seed);

  const summary = summariseStudy(studyId, results, o.gaps);
  const wallMs = performance.now() - t0;
  const meta: Record<string, string> = {
    created_at: new Date().toISOString(),
    code_version: packageVersion(),
    options_json: JSON.stringify(o),
    seeds: `${o.seedStart}..${o.seedStart + o.seeds - 1}`,
    gaps_pp: o.gaps.join(','),
    scenarios: String(planned.scenarios),
    cells_per_replicate: String(planned.cellsPerReplicate),
    replicates: String(results.length),
    workers: String(o.workers),
    cpus: String(cpus().length),
    wall_ms: String(Math.round(wallMs)),
  };
  const tables: ValidityTables = { ...summary, meta: Object.entries(meta).map(([key, value]) => ({ study_id: studyId, key, value })) };
  const store = await openStore(dbFile(o.output));
  try {
    await writeValidityTables(store, tables);
  } finally {
    store.close();
  }
  return { studyId, options: o, results, tables, wallMs, planned };
}
