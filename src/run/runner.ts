import { randomUUID } from 'node:crypto';
import type { Conversation } from '../core/conversation.js';
import { createBackend } from '../providers/index.js';
import { resolveKey } from '../providers/keys.js';
import { iterateCells, type PlannedCell } from '../plan/cells.js';
import { resolveScenario } from '../plan/material.js';
import { applyVariant } from '../plan/personas.js';
import type { Suite } from '../plan/suite.js';
import { modelKey, modelSpecFromEntry, type ModelSpec } from '../schema/model-spec.js';
import { inlineScorePool, workerScorePool, type ScorePool } from '../score/score-pool.js';
import { judgeCallsFromScores } from '../score/judge-cost.js';
import type { Evaluator, ScoreContext } from '../score/types.js';
import type { Store } from '../store/db.js';
import { ConversationWriter, type ScoredConversation } from '../store/writer.js';
import { buildManifest } from './manifest.js';
import { driveConversation, type CustomerSimulator } from './conversation.js';
import { simulatedCustomer } from './simulated-customer.js';
import { InputError } from '../core/errors.js';
import { directClient, type ModelClient } from './model-client.js';
import { createProgress, type ProgressKind } from './progress.js';

export interface RunOptions {
  evaluators: Evaluator[];
  progress?: ProgressKind;
  /** Wraps each model's client (cache, retries, rate limits, budget). Identity by default. */
  wrapClient?: (client: ModelClient) => ModelClient;
  /** The judge role: its backend for the scorers, its spec to price the judge's calls. */
  judge?: { backend: NonNullable<ScoreContext['judge']>; spec: ModelSpec };
  /** Write cells in batches of this size (one transaction each); the last partial batch is flushed at the end. */
  batchSize?: number;
  /**
   * Score in this many worker threads with the full evaluator registry (the CLI's default); 0 or absent scores
   * in-line with `evaluators`. Ignored when a judge is set (judges need this thread's backend).
   */
  scoreWorkers?: number;
  /** Only run this subset (sharding). */
  filter?: (cell: PlannedCell) => boolean;
  /** Recorded in runs.shard (e.g. "2/3") so a merged database shows where each run's cells came from. */
  shard?: string;
  signal?: AbortSignal;
}

/** Fails before any call or any write: every model's key must be present (the error names the variable). */
export function preflight(suite: Suite): void {
  for (const spec of suite.models) resolveKey(spec);
  if (suite.config.judge) resolveKey(modelSpecFromEntry(suite.config.judge));
  if (suite.config.customer.mode === 'simulated' && suite.config.customer.model) resolveKey(modelSpecFromEntry(suite.config.customer.model));
}

export interface RunSummary {
  runId: string;
  planned: number;
  skippedExisting: number;
  ran: number;
  done: number;
  agentErrors: number;
  infraErrors: number;
  /** Models whose cells were stopped (e.g. authentication failed), with the reason. */
  stoppedModels: Record<string, string>;
  wallMs: number;
}

/**
 * Plans the cells, skips those already done in the database (resume), runs the rest with bounded concurrency per
 * provider, scores each finished conversation with the deterministic evaluators, and appends it in one transaction.
 */
export async function runSuite(suite: Suite, store: Store, opts: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const cfg = suite.config;
  const plan = function* (): Generator<PlannedCell> {
    for (const pc of iterateCells(suite.scenarios, suite.approaches, suite.models, cfg, suite.datasets)) if (!opts.filter || opts.filter(pc)) yield pc;
  };

  preflight(suite);
  const clients = new Map<string, ModelClient>();
  for (const spec of suite.models) {
    const backend = await createBackend(spec);
    const client = directClient(backend, spec);
    clients.set(modelKey(spec), opts.wrapClient ? opts.wrapClient(client) : client);
  }

  let customer: CustomerSimulator | undefined;
  if (cfg.customer.mode === 'simulated') {
    if (!cfg.customer.model) throw new InputError('customer.mode is simulated but customer.model is not set', [{ file: suite.configFile ?? 'config', path: 'customer.model', expected: 'a model id such as openai:gpt-4o-mini', found: 'nothing' }]);
    const spec = modelSpecFromEntry(cfg.customer.model);
    const client = directClient(await createBackend(spec), spec);
    customer = simulatedCustomer(opts.wrapClient ? opts.wrapClient(client) : client, { maxTurns: cfg.customer.maxTurns, temperature: cfg.temperature, maxOutputTokens: 300 });
  }

  const finished = new Map<string, string>();
  for (const row of await store.all<{ cell_key: string; status: string }>('SELECT cell_key, status FROM conversations')) finished.set(row.cell_key, row.status);
  // Done and agent-error cells are results; infrastructure failures are retried on the next run (their old rows are
  // replaced in the same transaction as the new ones).
  const isTodo = (pc: PlannedCell): boolean => { const s = finished.get(pc.cell.key); return s !== 'done' && s !== 'agent-error'; };
  let planned = 0;
  let todoCount = 0;
  const todoByKind = new Map<string, number>();
  for (const pc of plan()) {
    planned++;
    if (!isTodo(pc)) continue;
    todoCount++;
    todoByKind.set(pc.spec.kind, (todoByKind.get(pc.spec.kind) ?? 0) + 1);
  }
  const replaceKey = (key: string): boolean => finished.has(key);

  const runId = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
  const manifest = buildManifest(suite, opts.evaluators);
  await store.exec(
    `INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'running', ?, ?)`,
    [runId, cfg.name, manifest.configHash, JSON.stringify(cfg), manifest.codeVersion, JSON.stringify(manifest), new Date().toISOString(), planned, opts.shard ?? null],
  );

  const writer = new ConversationWriter(store);
  const batchSize = opts.batchSize ?? 64;
  let pending: ScoredConversation[] = [];
  let writeChain: Promise<void> = Promise.resolve();
  let writeError: unknown;
  let queuedBatches = 0;
  const flush = (): Promise<void> => {
    if (pending.length === 0) return writeChain;
    const batch = pending;
    pending = [];
    const keys = batch.map((b) => b.conversation.cell.key).filter(replaceKey);
    queuedBatches++;
    writeChain = writeChain.then(() => writer.write(batch, keys)).catch((e: unknown) => { writeError ??= e; }).finally(() => { queuedBatches--; });
    return writeChain;
  };

  const progress = createProgress(opts.progress);
  progress.start(todoCount, `run ${runId}`);
  const summary: RunSummary = { runId, planned, skippedExisting: planned - todoCount, ran: 0, done: 0, agentErrors: 0, infraErrors: 0, stoppedModels: {}, wallMs: 0 };
  const ctx: ScoreContext = opts.judge ? { judge: opts.judge.backend } : {};
  const scorer: ScorePool = opts.scoreWorkers && !opts.judge ? workerScorePool(opts.scoreWorkers) : inlineScorePool(opts.evaluators, ctx);

  const runCell = async (pc: PlannedCell): Promise<void> => {
    const model = pc.cell.model;
    if (summary.stoppedModels[model] || opts.signal?.aborted) { progress.tick('skipped'); return; }
    const r = resolveScenario(applyVariant(pc.scenario, pc.variant), pc.variant, suite.datasets);
    const conv: Conversation = await driveConversation(pc, r, clients.get(model)!, {
      runId, temperature: cfg.temperature, maxOutputTokens: cfg.maxOutputTokens, maxAgentStepsPerTurn: cfg.maxAgentStepsPerTurn, seed: cfg.seed,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(customer ? { customer } : {}),
    });
    if (conv.status === 'infra-error' && conv.endReason === 'infra:auth') {
      summary.stoppedModels[model] ??= `authentication failed for ${model}: ${conv.errorMessage ?? ''}`.trim();
    }
    if (conv.status === 'infra-error' && conv.endReason === 'infra:budget') {
      for (const m of clients.keys()) if (m !== 'rules') summary.stoppedModels[m] ??= conv.errorMessage ?? 'budget cap reached';
    }
    // Scoring and storing run behind generation: the worker slot moves on to its next cell at once, so scoring never
    // holds back provider concurrency. At most MAX_SCORING cells wait for scoring at any time (memory stays flat).
    const job: Promise<void> = finishCell(conv, r).catch((e: unknown) => { writeError ??= e; }).then(() => { scoring.delete(job); });
    scoring.add(job);
    if (scoring.size >= MAX_SCORING) await Promise.race(scoring);
    if (writeError) throw writeError;
  };

  const MAX_SCORING = 256;
  const scoring = new Set<Promise<void>>();
  const finishCell = async (conv: Conversation, r: ReturnType<typeof resolveScenario>): Promise<void> => {
    const scores = conv.status === 'done' ? await scorer.score(conv, r) : [];
    if (opts.judge) conv.calls.push(...judgeCallsFromScores(scores, opts.judge.spec, conv.calls.length));
    summary.ran++;
    if (conv.status === 'done') summary.done++; else if (conv.status === 'agent-error') summary.agentErrors++; else summary.infraErrors++;
    pending.push({ conversation: conv, scores });
    progress.tick(conv.status);
    // Backpressure: when the database falls behind, scoring waits instead of piling finished cells up in memory.
    if (pending.length >= batchSize) {
      const written = flush();
      if (queuedBatches > 2) await written;
    }
  };

  try {
    // One pool of workers per provider, each pulling the next cell from a lazy plan: memory stays flat however many
    // cells there are.
    await Promise.all([...todoByKind].map(([kind, count]) => {
      const it = (function* () { for (const pc of plan()) if (pc.spec.kind === kind && isTodo(pc)) yield pc; })();
      const workers = Math.min(count, cfg.concurrency.perProvider[kind] ?? cfg.concurrency.default);
      return Promise.all(Array.from({ length: workers }, async () => {
        for (let next = it.next(); !next.done; next = it.next()) await runCell(next.value);
      }));
    }));
    await Promise.all(scoring);
    await flush();
    await writeChain;
    if (writeError) throw writeError;
  } finally {
    writer.close();
    await scorer.close();
    progress.finish();
  }
  summary.wallMs = performance.now() - t0;
  const status = Object.keys(summary.stoppedModels).length ? 'stopped' : summary.infraErrors + summary.agentErrors > 0 ? 'finished-with-failures' : 'finished';
  await store.exec(`UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?`, [new Date().toISOString(), status, runId]);
  return summary;
}

