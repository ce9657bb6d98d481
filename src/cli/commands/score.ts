import type { Command } from 'commander';
import { dbPath, loadSuiteFromCli, suiteOptions, type SuiteCliOptions } from '../options.js';

export function registerScore(program: Command): void {
  suiteOptions(program.command('score'), ['config', 'scenarios', 'output'])
    .description('re-score stored conversations with the current evaluators (no generation)')
    .action(async (opts: SuiteCliOptions) => {
      const { openStore } = await import('../../store/db.js');
      const { rescore } = await import('../../score/rescore.js');
      const { EVALUATORS, metricCatalog } = await import('../../../evaluators/index.js');
      const { writeMetricCatalog } = await import('../../store/writer.js');
      const { createJudge } = await import('../judge.js');
      const { RunAbort } = await import('../../core/errors.js');
      const { existsSync } = await import('node:fs');
      const suite = await loadSuiteFromCli(opts);
      const path = dbPath(suite.config.output);
      if (!existsSync(path)) throw new RunAbort(`no database at ${path}: run \`cxbench run\` first`);
      const judge = await createJudge(suite.config);
      const store = await openStore(path);
      try {
        await writeMetricCatalog(store, metricCatalog());
        const s = await rescore(store, suite, EVALUATORS, judge ? { judge: judge.backend } : {}, judge?.spec);
        process.stdout.write(`re-scored ${s.scored} conversations; skipped ${s.skipped.length}\n`);
        for (const k of s.skipped.slice(0, 20)) process.stdout.write(`  skipped ${k.cellKey}: ${k.reason}\n`);
      } finally {
        store.close();
      }
    });
}
