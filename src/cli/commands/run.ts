import type { Command } from 'commander';
import { dbPath, loadSuiteFromCli, suiteOptions, type SuiteCliOptions } from '../options.js';
import { EXIT } from '../exit.js';
import { handleInterrupts, SIGNAL_EXIT } from '../interrupt.js';
import type { Store } from '../../store/db.js';

interface RunCliOptions extends SuiteCliOptions {
  progress?: 'tty' | 'plain' | 'silent';
  report: boolean;
  cache: boolean;
  offline?: boolean;
  maxCost?: string;
  shard?: string;
  batch?: boolean;
  pollInterval?: string;
}

export function registerRun(program: Command): void {
  suiteOptions(program.command('run'))
    .description('run the suite: plan cells, hold the conversations, store them in DuckDB, score them, and write the report')
    .option('--progress <kind>', 'progress display: tty, plain or silent (default: tty on a terminal, else plain)')
    .option('--no-report', 'skip analysis and report after the run')
    .option('--no-cache', 'do not read or write the response cache (out/cache)')
    .option('--offline', 'replay responses from the cache only; a cache miss fails that cell clearly')
    .option('--max-cost <usd>', 'stop issuing model calls before this spend (USD) would be crossed')
    .option('--shard <i/n>', 'run only shard i of n (cells split by a hash of the cell key; see docs/scale-out.md), e.g. 2/3')
    .option('--batch', "use the providers' batch APIs (OpenAI, Anthropic, Gemini) at half price: one agent step per batch round; run again to resume pending batches")
    .option('--poll-interval <ms>', 'with --batch: milliseconds between polls of a pending batch (default 60000)')
    .action(async (opts: RunCliOptions) => {
      const { openStore } = await import('../../store/db.js');
      const { runSuite, preflight } = await import('../../run/runner.js');
      const { EVALUATORS, metricCatalog } = await import('../../../evaluators/index.js');
      const { writeMetricCatalog } = await import('../../store/writer.js');
      const { createJudge } = await import('../judge.js');
      const { buildOutputs } = await import('./report.js');
      const { stackClient } = await import('../../run/client-stack.js');
      const { Budget } = await import('../../run/budget.js');
      const { InputError } = await import('../../core/errors.js');
      const maxCost = opts.maxCost === undefined ? undefined : Number(opts.maxCost);
      if (maxCost !== undefined && !(maxCost > 0)) throw new InputError('--max-cost must be a positive number of USD', [{ file: 'command line', path: '--max-cost', expected: 'a positive number', found: String(opts.maxCost) }]);
      const budget = maxCost !== undefined ? new Budget(maxCost) : undefined;
      const { parseShard, inShard, formatShard } = await import('../../plan/shard.js');
      const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
      const pollIntervalMs = opts.pollInterval === undefined ? undefined : Number(opts.pollInterval);
      if (pollIntervalMs !== undefined && !(Number.isInteger(pollIntervalMs) && pollIntervalMs > 0)) throw new InputError('--poll-interval must be a positive whole number of milliseconds', [{ file: 'command line', path: '--poll-interval', expected: 'a positive integer', found: String(opts.pollInterval) }]);
      // Batch submissions are not priced before they are sent yet, so a cap could not be kept: refuse rather than overspend.
      if (opts.batch && maxCost !== undefined) throw new InputError('--max-cost is not supported with --batch yet', [{ file: 'command line', path: '--max-cost', expected: 'no --max-cost with --batch', found: String(opts.maxCost) }]);
      if (opts.batch && shard) throw new InputError('--shard is not supported with --batch yet: run each shard live, or batch the whole suite', [{ file: 'command line', path: '--shard', expected: 'no --shard with --batch', found: opts.shard ?? '' }]);
      if (opts.batch && opts.offline) throw new InputError('--offline replays the cache of live calls; it cannot be combined with --batch', [{ file: 'command line', path: '--batch', expected: 'either --batch or --offline', found: 'both' }]);

      // Everything is validated before the database is opened, so bad input never touches stored results.
      const suite = await loadSuiteFromCli(opts);
      preflight(suite);
      const judge = await createJudge(suite.config);
      const path = dbPath(suite.config.output);
      const store = await openStore(path);
      let failed = false;
      let interrupted: number | undefined;
      try {
        await writeMetricCatalog(store, metricCatalog());
        const cache = opts.offline ? 'offline' : opts.cache ? 'use' : 'off';
        const wrapClient = (c: Parameters<typeof stackClient>[0]): ReturnType<typeof stackClient> => stackClient(c, { output: suite.config.output, cache, ...(budget ? { budget } : {}) });
        const out = (s: string): boolean => process.stdout.write(s + '\n');
        if (opts.batch) {
          const { runBatchFromCli } = await import('./run-batch.js');
          failed = await runBatchFromCli(suite, store, out, {
            evaluators: EVALUATORS, wrapClient,
            ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}),
            ...(opts.progress ? { progress: opts.progress } : {}),
            ...(judge ? { judge } : {}),
          });
        } else {
          const interruption = handleInterrupts();
          let summary;
          try {
            summary = await runSuite(suite, store, {
              stop: interruption.stop,
              signal: interruption.cut,
              evaluators: EVALUATORS,
              // Scoring and DuckDB writes run in a worker thread that owns the database during the run, so they never
              // stall in-flight provider calls.
              sink: 'worker',
              wrapClient,
              ...(opts.progress ? { progress: opts.progress } : {}),
              ...(judge ? { judge } : {}),
              ...(shard ? { filter: inShard(shard), shard: formatShard(shard) } : {}),
            });
          } finally {
            interruption.dispose();
          }
          const recorded = (await store.all('SELECT 1 FROM runs WHERE run_id = ?', [summary.runId])).length > 0;
          if (!recorded) {
            out(`nothing to run${shard ? ` in shard ${formatShard(shard)}` : ''}: all ${summary.planned} planned cells are already in the database, so no run was recorded`);
          } else {
            out(`run ${summary.runId}${shard ? ` (shard ${formatShard(shard)})` : ''}: ${summary.planned} cells planned, ${summary.skippedExisting} already in the database, ${summary.ran} ran ` +
              `(${summary.done} done, ${summary.agentErrors} agent errors, ${summary.infraErrors} infrastructure errors${summary.localErrors ? `, ${summary.localErrors} local errors` : ''}) in ${(summary.wallMs / 1000).toFixed(2)}s`);
          }
          const cost = await runCost(store, summary.runId);
          if (cost) out(cost);
          // Why cells failed, by cause with the first message (every message is in conversations.error_message).
          const { failureCauses, formatFailureCauses } = await import('../failure-summary.js');
          for (const line of formatFailureCauses(await failureCauses(store, summary.runId), summary.runId, path)) out(line);
          for (const [model, why] of Object.entries(summary.stoppedModels)) out(`stopped ${model}: ${why}`);
          if (summary.localFailure !== undefined) {
            out(`stopped: ${summary.localFailure}`);
            out('  this is a failure on this machine, not the agent\'s: no cell was counted against it. Fix it and run the same command again: the unfinished cells will run.');
          }
          failed = summary.agentErrors + summary.infraErrors + summary.localErrors > 0 || Object.keys(summary.stoppedModels).length > 0 || summary.localFailure !== undefined;
          const sig = interruption.received();
          if (summary.interrupted && sig) {
            out(`interrupted: what finished is committed (run ${summary.runId} is marked interrupted); the ${summary.planned - summary.skippedExisting - summary.done - summary.agentErrors} cells not finished run when you resume with:`);
            out(`  cxbench ${process.argv.slice(2).map(shellWord).join(' ')}`);
            interrupted = SIGNAL_EXIT[sig];
          }
        }
        if (budget) out(`spend: $${budget.spentUsd.toFixed(4)} of the $${budget.capUsd.toFixed(2)} cap${budget.exceeded ? ' (cap reached: run again with a higher --max-cost to finish the missing cells)' : ''}`);
        out(`database: ${path}`);
        // An interrupted run writes no report: the user asked it to stop, and the study is not complete.
        if (opts.report && interrupted === undefined) for (const line of await buildOutputs(store, suite.config)) out(line);
      } finally {
        store.close();
      }
      if (interrupted !== undefined) process.exitCode = interrupted;
      else if (failed) process.exitCode = EXIT.failedCells;
    });
}

/** What this run paid now and what the cells it stored cost (replayed calls keep their price), from `run_costs`. */
async function runCost(store: Store, runId: string): Promise<string | null> {
  const [r] = await store.all<{ calls: bigint | null; replayed: bigint | null; unpriced: bigint | null; study: number | null; incurred: number | null }>(
    `SELECT sum(calls) AS calls, sum(replayed_calls) AS replayed, sum(unpriced_calls) AS unpriced, sum(study_cost_usd) AS study, sum(incurred_cost_usd) AS incurred
     FROM run_costs WHERE run_id = ? AND model <> 'rules'`, [runId]);
  const calls = Number(r?.calls ?? 0);
  if (!r || calls === 0) return null;
  const unpriced = Number(r.unpriced ?? 0);
  if (unpriced === calls) return `cost: unknown (none of the ${calls} model calls has a known price; set prices in the model entry)`;
  return `cost: $${(r.incurred ?? 0).toFixed(4)} paid now, $${(r.study ?? 0).toFixed(4)} for the cells this run stored ` +
    `(${Number(r.replayed ?? 0)} of ${calls} calls replayed from the cache at their original price${unpriced ? `; ${unpriced} calls have no known price and are not in these sums` : ''})`;
}

/** A command-line word as a POSIX shell reads it back. */
const shellWord = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
