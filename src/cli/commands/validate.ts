import type { Command } from 'commander';
import { loadSuiteFromCli, PLAN_FLAGS, suiteOptions, type SuiteCliOptions } from '../options.js';

export function registerValidate(program: Command): void {
  suiteOptions(program.command('validate'), PLAN_FLAGS)
    .description('validate the config, every scenario and every dataset file (schemas and cross-references); exit 2 on problems')
    .action(async (opts: SuiteCliOptions) => {
      const { planCells } = await import('../../plan/cells.js');
      const suite = await loadSuiteFromCli(opts);
      const cells = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets, suite.agents);
      process.stdout.write(
        `ok: ${suite.scenarios.length} scenarios, ${suite.datasets.files.length} dataset files, ${suite.approaches.size} approaches, ` +
          `${suite.models.length} model(s)${suite.agents.length ? `, ${suite.agents.length} agent(s)` : ''} -> ${cells.length} cells\n`,
      );
    });
}
