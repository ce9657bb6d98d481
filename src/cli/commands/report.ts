import type { Command } from 'commander';
import type { SuiteConfig } from '../../schema/config.js';
import type { Store } from '../../store/db.js';
import { dbPath, reportDir } from '../options.js';

/** analyse -> report, from the database alone. Returns lines to print (where things were written). */
export async function buildOutputs(store: Store, config: SuiteConfig): Promise<string[]> {
  const { analyse } = await import('../../analysis/index.js');
  const a = await analyse(store, { seed: config.seed, bootstrapB: 10_000, roi: config.roi, biasMargins: config.biasMargins });
  return [`analysis: ${JSON.stringify(a)}`, `report: not built yet (the report builder lands with the reports issue); ${reportDir(config.output)}`];
}

export function registerReport(program: Command): void {
  program.command('report')
    .description('rebuild the analysis and the report from the database')
    .option('-c, --config <file>', 'suite config (for output folder, ROI inputs, bias margins)')
    .option('-o, --output <dir>', 'output folder holding cxbench.duckdb')
    .action(async (opts: { config?: string; output?: string }) => {
      const { loadConfig, applyOverrides } = await import('../../plan/suite.js');
      const { openStore } = await import('../../store/db.js');
      const { RunAbort } = await import('../../core/errors.js');
      const { existsSync } = await import('node:fs');
      const config = applyOverrides(loadConfig(opts.config).config, opts.output ? { output: opts.output } : {});
      const path = dbPath(config.output);
      if (!existsSync(path)) throw new RunAbort(`no database at ${path}: run \`cxbench run\` first`);
      const store = await openStore(path);
      try {
        for (const line of await buildOutputs(store, config)) process.stdout.write(line + '\n');
      } finally {
        store.close();
      }
    });
}
