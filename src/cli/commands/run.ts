import type { Command } from 'commander';
import { dbPath, overridesFrom, suiteOptions, type SuiteCliOptions } from '../options.js';
import { EXIT } from '../exit.js';

interface RunCliOptions extends SuiteCliOptions {
  progress?: 'tty' | 'plain' | 'silent';
  report: boolean;
  cache: boolean;
  offline?: boolean;
  maxCost?: string;
  shard?: string;
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
    .action(async (opts: RunCliOptions) => {
      const { loadSuite } = await import('../../plan/suite.js');
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

      // Everything is validated before the database is opened, so bad input never touches stored results.
      const suite = loadSuite(opts.config, overridesFrom(opts));
      preflight(suite);
      const judge = await createJudge(suite.config);
      const path = dbPath(suite.config.output);
      const store = await openStore(path);
      let failed = false;
      try {
        await writeMetricCatalog(store, metricCatalog());
        const cache = opts.offline ? 'offline' : opts.cache ? 'use' : 'off';
        const summary = await runSuite(suite, store, {
          evaluators: EVALUATORS,
          wrapClient: (c) => stackClient(c, { output: suite.config.output, cache, ...(budget ? { budget } : {}) }),
          ...(opts.progress ? { progress: opts.progress } : {}),
          ...(judge ? { judge } : {}),
          ...(shard ? { filter: inShard(shard), shard: formatShard(shard) } : {}),
        });
        const out = (s: string): boolean => process.stdout.write(s + '\n');
        out(`run ${summary.runId}${shard ? ` (shard ${formatShard(shard)})` : ''}: ${summary.planned} cells planned, ${summary.skippedExisting} already in the database, ${summary.ran} ran ` +
          `(${summary.done} done, ${summary.agentErrors} agent errors, ${summary.infraErrors} infrastructure errors) in ${(summary.wallMs / 1000).toFixed(1)}s`);
        for (const [model, why] of Object.entries(summary.stoppedModels)) out(`stopped ${model}: ${why}`);
        if (budget) out(`spend: $${budget.spentUsd.toFixed(4)} of the $${budget.capUsd.toFixed(2)} cap${budget.exceeded ? ' (cap reached: run again with a higher --max-cost to finish the missing cells)' : ''}`);
        failed = summary.agentErrors + summary.infraErrors > 0 || Object.keys(summary.stoppedModels).length > 0;
        out(`database: ${path}`);
        if (opts.report) for (const line of await buildOutputs(store, suite.config)) out(line);
      } finally {
        store.close();
      }
      if (failed) process.exitCode = EXIT.failedCells;
    });
}
