import { planCells, type PlannedCell } from '../../plan/cells.js';
import { resolveScenario } from '../../plan/material.js';
import { applyVariant } from '../../plan/personas.js';
import type { Suite } from '../../plan/suite.js';
import { modelKey } from '../../schema/model-spec.js';
import { judgeCallsFromScores } from '../../score/judge-cost.js';
import { scoreConversation } from '../../score/score-conversation.js';
import type { Evaluator, ScoreContext } from '../../score/types.js';
import type { Store } from '../../store/db.js';
import { ConversationWriter, type ScoredConversation } from '../../store/writer.js';
import { conversationSetup, startState, toConversation, type SetupOptions } from '../conversation-state.js';
import { buildManifest } from '../manifest.js';
import type { ModelClient } from '../model-client.js';
import { createProgress, type ProgressKind } from '../progress.js';
import { countStatus, isResult as isResultStatus, newRunId, runRedactor, preflight, runSuite, type RunOptions, type RunSummary } from '../runner.js';
import { simulatedCustomerFor } from '../simulated-customer.js';
import { agentStep, runLane, type LaneCell, type LaneReport } from './lane.js';
import { deleteBatchState, ensureBatchStateTable, loadBatchState, saveBatchState, type StoredCell } from './state-store.js';
import { createBatchVendor, hasBatchApi } from './vendor.js';

export interface BatchRunOptions {
  evaluators: Evaluator[];
  judge?: RunOptions['judge'];
  progress?: ProgressKind;
  /** Wraps live clients: the cells of models without a batch API, and the simulated customer. */
  wrapClient?: (client: ModelClient) => ModelClient;
  /** How long to wait between polls of a pending batch. */
  pollIntervalMs?: number;
  /** Further rounds a failed or expired request gets before its cell is recorded as an infrastructure error. */
  maxItemRetries?: number;
  /** Each provider model stops right after this many submissions, leaving its batch pending for the next run. */
  stopAfterSubmit?: number;
  filter?: (cell: PlannedCell) => boolean;
  /** Replaces secrets in everything that comes back (see RunOptions.redactor). */
  redactor?: RunOptions['redactor'];
  signal?: AbortSignal;
  /** Where round-by-round lines go (submitted, collected); silent by default. */
  log?: (line: string) => void;
}

export interface BatchRunSummary extends RunSummary {
  /** Batches submitted and collected by this process, over all provider models. */
  batchesSubmitted: number;
  batchesCollected: number;
  /** Batches still pending at exit: run again (same config and output) to collect them. */
  pendingBatches: string[];
  /** Models without a batch API, which ran through the live path, and that run's summary. */
  liveModels: string[];
  live: RunSummary | null;
}

export const DEFAULT_POLL_INTERVAL_MS = 60_000;
export const DEFAULT_MAX_ITEM_RETRIES = 2;

/**
 * `cxbench run --batch`: cells of models with a batch API advance one agent step per batch round at the batch price;
 * the other models' cells run through the live runner first. State is persisted in `batch_state` so a restart
 * collects pending batches instead of submitting them again. Finished cells are scored and written as the live
 * runner does, so a batched run resumes and reports like any other.
 */
export async function runSuiteBatch(suite: Suite, store: Store, opts: BatchRunOptions): Promise<BatchRunSummary> {
  const t0 = performance.now();
  const cfg = suite.config;
  const log = opts.log ?? ((): void => undefined);
  let cells = planCells(suite.scenarios, suite.approaches, suite.models, cfg, suite.datasets, suite.agents);
  if (opts.filter) cells = cells.filter(opts.filter);
  preflight(suite);

  // Only model-backed agents (bundled designs, prompt variants) on a provider with a batch API are batched.
  const liveModels = [...new Set([
    ...suite.models.filter((m) => !hasBatchApi(m)).map(modelKey),
    ...suite.agents.filter((a) => !('spec' in a) || !hasBatchApi(a.spec)).map((a) => a.label),
  ])];
  const batchable = (pc: PlannedCell): boolean => pc.spec !== undefined && hasBatchApi(pc.spec);
  let live: RunSummary | null = null;
  if (cells.some((c) => !batchable(c))) {
    live = await runSuite(suite, store, {
      evaluators: opts.evaluators,
      filter: (c) => !batchable(c) && (opts.filter?.(c) ?? true),
      ...(opts.progress ? { progress: opts.progress } : {}),
      ...(opts.wrapClient ? { wrapClient: opts.wrapClient } : {}),
      ...(opts.judge ? { judge: opts.judge } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }
  cells = cells.filter(batchable);
  const noBatch = { batchesSubmitted: 0, batchesCollected: 0, pendingBatches: [], liveModels, live };
  if (cells.length === 0) {
    const l = live ?? { runId: '', planned: 0, skippedExisting: 0, ran: 0, done: 0, agentErrors: 0, infraErrors: 0, localErrors: 0, interrupted: false, stoppedModels: {}, infraCauses: {}, wallMs: 0 };
    return { ...l, ...noBatch, wallMs: performance.now() - t0 };
  }

  await ensureBatchStateTable(store);
  const finished = new Map<string, string>();
  for (const row of await store.all<{ cell_key: string; status: string }>('SELECT cell_key, status FROM conversations')) finished.set(row.cell_key, row.status);
  const isResult = (key: string): boolean => isResultStatus(finished.get(key));
  const todo = cells.filter((c) => !isResult(c.cell.key));
  const replace = new Set(todo.filter((c) => finished.has(c.cell.key)).map((c) => c.cell.key));
  const stored = new Map((await loadBatchState(store)).map((s) => [s.cellKey, s]));
  // State left by a process that stored the cell but died before dropping its state row.
  await deleteBatchState(store, [...stored.keys()].filter(isResult));

  const runId = newRunId();
  const manifest = { ...buildManifest(suite, opts.evaluators), batch: true };
  // As in the live runner: a rerun with no cell left to run or collect records no run.
  if (todo.length > 0 || (await store.all('SELECT 1 FROM runs LIMIT 1')).length === 0) await store.exec(
    `INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'running', ?, NULL)`,
    [runId, cfg.name, manifest.configHash, JSON.stringify(cfg), manifest.codeVersion, JSON.stringify(manifest), new Date().toISOString(), cells.length],
  );

  const redactor = opts.redactor ?? runRedactor(suite);
  const customer = await simulatedCustomerFor(suite, opts.wrapClient, redactor);
  const setupOptions: SetupOptions = {
    temperature: cfg.temperature, maxOutputTokens: cfg.maxOutputTokens, maxAgentStepsPerTurn: cfg.maxAgentStepsPerTurn, seed: cfg.seed,
    ...(customer ? { simulatedTurns: customer.maxTurns } : {}),
  };

  const summary: BatchRunSummary = {
    runId, planned: cells.length, skippedExisting: cells.length - todo.length, ran: 0, done: 0, agentErrors: 0, infraErrors: 0, localErrors: 0, interrupted: false, stoppedModels: {}, infraCauses: {}, wallMs: 0,
    ...noBatch, pendingBatches: [],
  };
  const progress = createProgress(opts.progress);
  progress.start(todo.length, `batch run ${runId}`);
  const writer = new ConversationWriter(store);
  const ctx: ScoreContext = opts.judge ? { judge: opts.judge.backend } : {};
  // One connection: every lane's database work goes through one queue, so transactions never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => { const p = queue.then(fn); queue = p.catch(() => undefined); return p; };

  const toStored = (c: LaneCell): StoredCell => ({ cellKey: c.pc.cell.key, provider: c.pc.cell.model, state: c.state, batchId: c.batchId, step: agentStep(c), submittedAt: c.submittedAt });
  const finish = async (list: LaneCell[]): Promise<void> => {
    if (list.length === 0) return;
    const scored: ScoredConversation[] = [];
    for (const c of list) {
      const conv = toConversation(c.pc.cell, runId, c.state.conversation);
      if (conv.status === 'infra-error' && conv.endReason === 'infra:auth') summary.stoppedModels[c.pc.cell.model] ??= `authentication failed for ${c.pc.cell.model}: ${conv.errorMessage ?? ''}`.trim();
      const scores = conv.status === 'done' ? await scoreConversation(conv, c.r, opts.evaluators, ctx) : [];
      if (opts.judge) conv.calls.push(...judgeCallsFromScores(scores, opts.judge.spec, conv.calls.length));
      scored.push({ conversation: redactor.deep(conv), scores: redactor.deep(scores) });
      summary.ran++;
      countStatus(summary, conv.status);
      progress.tick(conv.status);
    }
    const keys = list.map((c) => c.pc.cell.key);
    await serial(async () => {
      await writer.write(scored, keys.filter((k) => replace.has(k)));
      await deleteBatchState(store, keys);
    });
  };

  const lanes = new Map<string, LaneCell[]>();
  for (const pc of todo) {
    const r = resolveScenario(applyVariant(pc.scenario, pc.variant), pc.variant, suite.datasets);
    const setup = conversationSetup(pc, r, setupOptions);
    const s = stored.get(pc.cell.key);
    const cell: LaneCell = s
      ? { pc, r, setup, state: s.state, batchId: s.batchId, submittedAt: s.submittedAt }
      : { pc, r, setup, state: { v: 1, conversation: startState(setup, new Date().toISOString()), failures: 0, signatures: {} }, batchId: null, submittedAt: null };
    lanes.set(pc.cell.model, [...(lanes.get(pc.cell.model) ?? []), cell]);
  }

  const runOne = async (model: string, laneCells: LaneCell[]): Promise<LaneReport | null> => {
    // Batched cells are model-backed: their spec is set (see `batchable`).
    const spec = laneCells[0]!.pc.spec!;
    const resumed = new Set(laneCells.flatMap((c) => (c.batchId ? [c.batchId] : [])));
    if (resumed.size) log(`${model}: resuming ${resumed.size} pending batch(es): ${[...resumed].join(', ')}`);
    try {
      return await runLane(laneCells, {
        provider: modelKey(spec), spec, vendor: await createBatchVendor(spec),
        pollIntervalMs: opts.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, maxItemRetries: opts.maxItemRetries ?? DEFAULT_MAX_ITEM_RETRIES,
        ...(opts.stopAfterSubmit !== undefined ? { stopAfterSubmit: opts.stopAfterSubmit } : {}),
        ...(customer ? { customer: { simulator: customer, concurrency: cfg.concurrency.default } } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        redactor,
      }, { save: (list) => serial(() => saveBatchState(store, list.map(toStored))), finish, log });
    } catch (e) {
      // The lane's state stays persisted: the next run resumes from the last completed round.
      summary.stoppedModels[model] ??= `batch processing stopped: ${e instanceof Error ? e.message : String(e)}; run again to resume`;
      return null;
    }
  };

  let reports: (LaneReport | null)[];
  try {
    reports = await Promise.all([...lanes].map(([model, list]) => runOne(model, list)));
    await queue;
  } finally {
    writer.close();
    progress.finish();
  }
  for (const r of reports) {
    if (!r) continue;
    summary.batchesSubmitted += r.submitted;
    summary.batchesCollected += r.collected;
    summary.pendingBatches.push(...r.pending);
  }
  summary.wallMs = performance.now() - t0;
  const status = summary.pendingBatches.length ? 'batch-pending'
    : Object.keys(summary.stoppedModels).length ? 'stopped'
    : summary.infraErrors + summary.agentErrors > 0 ? 'finished-with-failures' : 'finished';
  await store.exec(`UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?`, [new Date().toISOString(), status, runId]);
  return summary;
}
