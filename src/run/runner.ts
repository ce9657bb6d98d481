import { randomUUID } from 'node:crypto';
import type { Conversation } from '../core/conversation.js';
import { RunAbort } from '../core/errors.js';
import { LocalError, localFailure } from '../core/local-error.js';
import { createBackend } from '../providers/index.js';
import type { Agent } from '../agents/agent.js';
import { createAgent, preflightAgents } from '../agents/index.js';
import { agentSecretNames, agentSpecs, poolOf } from '../agents/plan.js';
import { resolveKey, secretRedactor } from '../providers/keys.js';
import type { Redactor } from '../core/redact.js';
import { iterateCells, type PlannedCell } from '../plan/cells.js';
import { resolveScenario } from '../plan/material.js';
import { applyVariant } from '../plan/personas.js';
import type { Suite } from '../plan/suite.js';
import { modelKey, modelSpecFromEntry } from '../schema/model-spec.js';
import type { Evaluator, JudgeRole } from '../score/types.js';
import type { Store } from '../store/db.js';
import { inlineSink } from './sink/inline-sink.js';
import type { CellSink } from './sink/sink.js';
import { startStoreWorker } from './sink/worker-sink.js';
import { buildManifest } from './manifest.js';
import { driveConversation } from './conversation.js';
import { simulatedCustomerFor } from './simulated-customer.js';
import { directClient, type ModelClient } from './model-client.js';
import type { ModelSpec } from '../schema/model-spec.js';
import { withRedaction } from './redacting-client.js';
import { createProgress, type ProgressKind } from './progress.js';

export interface RunOptions {
  evaluators: Evaluator[];
  progress?: ProgressKind;
  /** Wraps each model's client (cache, retries, rate limits, budget). Identity by default. */
  wrapClient?: (client: ModelClient) => ModelClient;
  /** The judge role: its backend for the scorers, its spec to price the judge's calls. */
  judge?: JudgeRole;
  /** Write cells in batches of this size (one transaction each); the last partial batch is flushed at the end. */
  batchSize?: number;
  /**
   * Where finished cells are scored and stored. 'worker' (the CLI's default): a worker thread that owns the database
   * during the run and scores with the full evaluator registry, so this thread only talks to providers. 'inline'
   * (the default here): this thread, with `evaluators`. A judge always scores inline (it needs this thread's backend).
   */
  sink?: 'worker' | 'inline';
  /** Only run this subset (sharding). */
  filter?: (cell: PlannedCell) => boolean;
  /** Recorded in runs.shard (e.g. "2/3") so a merged database shows where each run's cells came from. */
  shard?: string;
  /** Aborts calls in flight; cells cut off are stored as interrupted (local-error) and run again on resume. */
  signal?: AbortSignal;
  /**
   * Graceful stop (Ctrl-C): no further cell or call is started, calls in flight finish, what finished is committed
   * and the run is marked `interrupted`. Abort `signal` after a grace period to cut the calls still in flight.
   */
  stop?: AbortSignal;
  /** Replaces secrets in everything that comes back; by default every known key (environment, .env, apiKeyEnv). */
  redactor?: Redactor;
}

/** Done and agent-error cells are results; any other status (infra-error, local-error) is run again. */
export const isResult = (status: string | undefined): boolean => status === 'done' || status === 'agent-error';

/** A run's id: its start time (sortable) and a random suffix. */
export const newRunId = (): string => `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;

/**
 * Fails before any call or any write: every model's key must be present (the error names the variable), and every
 * agent's secret variables and module files.
 */
export function preflight(suite: Suite): void {
  for (const spec of suite.models) resolveKey(spec);
  for (const a of suite.agents) if (a.kind === 'prompt-variant') resolveKey(a.spec);
  preflightAgents(suite.agents, suite.configFile ?? 'config');
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
  /** Cells that failed on this machine (cache, disk, database, interruption): never results, run again on resume. */
  localErrors: number;
  /** Why the run stopped early on a local failure (the first one); no further cells were started after it. */
  localFailure?: string;
  /** The run was stopped by the user (`stop`): the cells not finished run on the next `cxbench run`. */
  interrupted: boolean;
  /** Models whose cells were stopped (e.g. authentication failed), with the reason. */
  stoppedModels: Record<string, string>;
  /** Infrastructure failures per model (agent label): how many cells, and the first cell's reason. */
  infraCauses: Record<string, { cells: number; reason: string }>;
  wallMs: number;
}

interface RunSetup {
  plan: () => Generator<PlannedCell>;
  /** Every agent of the run by label (the cells' `model`). */
  agents: Map<string, Agent>;
  customer: Awaited<ReturnType<typeof simulatedCustomerFor>>;
  /** Status of every cell already in the database, by cell key. */
  finished: Map<string, string>;
  isTodo: (pc: PlannedCell) => boolean;
  planned: number;
  todoCount: number;
  /** Cells to run per worker pool (a provider's, or a user agent's own), with the pool's size. */
  todoByPool: Map<string, { count: number; size: number }>;
  runId: string;
}

/** The run's redactor: every known secret plus the key variables its models, judge and simulated customer name. */
export function runRedactor(suite: Suite): Redactor {
  const c = suite.config;
  const roles = [c.judge, c.customer.model].flatMap((e) => (e ? [modelSpecFromEntry(e)] : []));
  const agentKeys = agentSecretNames(suite.agents).map((apiKeyEnv) => ({ apiKeyEnv }));
  const variants = suite.agents.flatMap((a) => (a.kind === 'prompt-variant' ? [a.spec] : []));
  return secretRedactor([...suite.models, ...roles, ...variants, ...agentKeys]);
}

/** Everything before the first call: keys, clients, the plan against what is already stored, the `runs` row. */
async function setUpRun(suite: Suite, store: Store, opts: RunOptions, redactor: Redactor): Promise<RunSetup> {
  const cfg = suite.config;
  const plan = function* (): Generator<PlannedCell> {
    for (const pc of iterateCells(suite.scenarios, suite.approaches, suite.models, cfg, suite.datasets, suite.agents)) if (!opts.filter || opts.filter(pc)) yield pc;
  };

  preflight(suite);
  // One client per provider model, shared by its bundled design and its prompt variants (one rate-limit window).
  const clients = new Map<string, ModelClient>();
  const clientFor = async (spec: ModelSpec): Promise<ModelClient> => {
    const key = modelKey(spec);
    let client = clients.get(key);
    if (!client) {
      // Redaction is innermost: the cache and everything after it only ever see the marker.
      const direct = withRedaction(directClient(await createBackend(spec), spec), redactor);
      client = opts.wrapClient ? opts.wrapClient(direct) : direct;
      clients.set(key, client);
    }
    return client;
  };
  const agents = new Map<string, Agent>();
  for (const a of [...agentSpecs(suite.models, []), ...suite.agents]) {
    const client = a.kind === 'model' || a.kind === 'prompt-variant' ? await clientFor(a.spec) : undefined;
    agents.set(a.label, await createAgent(a, { redactor, ...(client ? { client } : {}) }));
  }

  const customer = await simulatedCustomerFor(suite, opts.wrapClient, redactor);

  const finished = new Map<string, string>();
  for (const row of await store.all<{ cell_key: string; status: string }>('SELECT cell_key, status FROM conversations')) finished.set(row.cell_key, row.status);
  // Done and agent-error cells are results; infrastructure and local failures are retried on the next run (their old
  // rows are replaced in the same transaction as the new ones).
  const isTodo = (pc: PlannedCell): boolean => isResult(finished.get(pc.cell.key)) === false;
  let planned = 0;
  let todoCount = 0;
  const todoByPool = new Map<string, { count: number; size: number }>();
  for (const pc of plan()) {
    planned++;
    if (!isTodo(pc)) continue;
    todoCount++;
    const pool = poolOf(pc.agent, cfg.concurrency);
    const entry = todoByPool.get(pool.key) ?? { count: 0, size: pool.size };
    entry.count++;
    todoByPool.set(pool.key, entry);
  }

  const runId = newRunId();
  const manifest = buildManifest(suite, opts.evaluators);
  // A rerun with no cell left to run records no run (the report's run count stays the number of runs that ran);
  // the first run of a database is recorded even when it plans nothing, so the file says what was asked.
  if (todoCount > 0 || (await store.all('SELECT 1 FROM runs LIMIT 1')).length === 0) await store.exec(
    `INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'running', ?, ?)`,
    [runId, cfg.name, manifest.configHash, JSON.stringify(cfg), manifest.codeVersion, JSON.stringify(manifest), new Date().toISOString(), planned, opts.shard ?? null],
  );

  return { plan, agents, customer, finished, isTodo, planned, todoCount, todoByPool, runId };
}

/**
 * Plans the cells, skips those already done in the database (resume), runs the rest with bounded concurrency per
 * provider, scores each finished conversation with the deterministic evaluators, and appends it in one transaction.
 */
export async function runSuite(suite: Suite, store: Store, opts: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const cfg = suite.config;
  const batchSize = opts.batchSize ?? 64;
  // The store worker loads its modules and NLP model while this thread plans; it takes the database at the first cell.
  const redactor = opts.redactor ?? runRedactor(suite);
  const starting = opts.sink === 'worker' && !opts.judge ? startStoreWorker(store, { batchSize, redactor }) : undefined;
  let setup: RunSetup;
  try {
    setup = await setUpRun(suite, store, opts, redactor);
  } catch (e) {
    await starting?.stop();
    throw e;
  }
  const { plan, agents, customer, finished, isTodo, planned, todoCount, todoByPool, runId } = setup;

  const progress = createProgress(opts.progress);
  progress.start(todoCount, `run ${runId}`);
  const summary: RunSummary = { runId, planned, skippedExisting: planned - todoCount, ran: 0, done: 0, agentErrors: 0, infraErrors: 0, localErrors: 0, interrupted: false, stoppedModels: {}, infraCauses: {}, wallMs: 0 };
  const sink: CellSink = starting
    ? starting.attach()
    : inlineSink(store, { evaluators: opts.evaluators, batchSize, redactor, ...(opts.judge ? { judge: opts.judge } : {}) });

  const runCell = async (pc: PlannedCell): Promise<void> => {
    const model = pc.cell.model;
    if (summary.stoppedModels[model] || summary.localFailure !== undefined || opts.signal?.aborted) { progress.tick('skipped'); return; }
    const agent = agents.get(model)!;
    const r = resolveScenario(applyVariant(pc.scenario, pc.variant), pc.variant, suite.datasets);
    // The classes of the action names a user's bot reports, so the scorers read its actions as they read the bundled tools'.
    if (agent.toolClasses && Object.keys(agent.toolClasses).length) r.toolClasses = agent.toolClasses;
    const conv: Conversation = await driveConversation(pc, r, agent, {
      runId, temperature: cfg.temperature, maxOutputTokens: cfg.maxOutputTokens, maxAgentStepsPerTurn: cfg.maxAgentStepsPerTurn, seed: cfg.seed,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.stop ? { stop: opts.stop } : {}),
      ...(customer ? { customer } : {}),
    });
    if (conv.status === 'infra-error' && conv.endReason === 'infra:auth') {
      summary.stoppedModels[model] ??= `authentication failed for ${model}: ${conv.errorMessage ?? ''}`.trim();
    }
    if (conv.status === 'infra-error' && conv.endReason === 'infra:budget') {
      // The cap is on model spend: every model-backed agent stops; rules and user agents carry on.
      for (const a of agents.values()) if (a.kind === 'model' || a.kind === 'prompt-variant') summary.stoppedModels[a.label] ??= conv.errorMessage ?? 'budget cap reached';
    }
    if (conv.status === 'infra-error') {
      const cause = (summary.infraCauses[model] ??= { cells: 0, reason: conv.errorMessage ?? conv.endReason });
      cause.cells++;
    }
    // A machine that cannot keep what it fetched stops the run: every further call would be wasted the same way.
    if (conv.status === 'local-error' && conv.endReason !== 'interrupted') summary.localFailure ??= conv.errorMessage ?? 'a local failure';
    summary.ran++;
    countStatus(summary, conv.status);
    progress.tick(conv.status);
    // Scoring and storing run behind generation: the slot moves on to its next cell unless too many are unwritten.
    await sink.put({ conversation: conv, resolved: r, replace: finished.has(pc.cell.key) }).catch((e: unknown) => { throw storeFailure(store, e); });
  };

  let failure: unknown;
  try {
    // One pool of workers per provider, each pulling the next cell from a lazy plan: memory stays flat however many
    // cells there are.
    await Promise.all([...todoByPool].map(([key, { count, size }]) => {
      const it = (function* () { for (const pc of plan()) if (poolOf(pc.agent, cfg.concurrency).key === key && isTodo(pc)) yield pc; })();
      const workers = Math.min(count, size);
      const stopped = (): boolean => opts.stop?.aborted === true || opts.signal?.aborted === true;
      return Promise.all(Array.from({ length: workers }, async () => {
        for (let next = it.next(); !next.done && !stopped(); next = it.next()) await runCell(next.value);
      }));
    }));
  } catch (e) {
    failure = e;
  }
  // Processes and connections of user agents are let go of whatever happened.
  await Promise.all([...agents.values()].map((a) => a.close?.().catch(() => undefined)));
  // Whatever happened, every cell already finished is scored and committed, and the database is back on this thread.
  try {
    await sink.close();
  } catch (e) {
    failure ??= storeFailure(store, e);
  }
  progress.finish();
  summary.wallMs = performance.now() - t0;
  if (failure instanceof LocalError) {
    // Results could not be stored: the run stops with the cause; whatever was committed stays, the rest runs again.
    await markRun(store, runId, 'stopped').catch(() => undefined);
    throw new RunAbort(`${failure.message}. The run stopped: ${summary.ran} cells ran, those not stored run again on the next \`cxbench run\` once this is fixed`);
  }
  if (failure) throw failure;
  summary.interrupted = opts.stop?.aborted === true || opts.signal?.aborted === true;
  const status = summary.interrupted ? 'interrupted' : Object.keys(summary.stoppedModels).length || summary.localFailure !== undefined ? 'stopped' : summary.infraErrors + summary.agentErrors + summary.localErrors > 0 ? 'finished-with-failures' : 'finished';
  await markRun(store, runId, status);
  return summary;
}

export function countStatus(summary: RunSummary, status: Conversation['status']): void {
  const field = ({ done: 'done', 'agent-error': 'agentErrors', 'infra-error': 'infraErrors', 'local-error': 'localErrors' } as const satisfies Record<Conversation['status'], keyof RunSummary>)[status];
  summary[field]++;
}

/** A failure to store results is ours: it is named as such, never passed off as an agent's or provider's failure. */
function storeFailure(store: Store, e: unknown): unknown {
  if (e instanceof LocalError || e instanceof RunAbort) return e;
  return localFailure('database', 'results to the database', store.path, e);
}

async function markRun(store: Store, runId: string, status: string): Promise<void> {
  await store.exec(`UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?`, [new Date().toISOString(), status, runId]);
}

