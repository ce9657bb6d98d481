import type { Command } from 'commander';
import { outputOption } from '../options.js';

export function registerImport(program: Command): void {
  outputOption(program.command('import')
    .description('import scenarios from your own tickets: JSONL or CSV (format: docs/import.md)')
    .argument('<file>', '.jsonl or .csv file')
    .option('-a, --approach <id>', 'approach for rows that do not name one')
    .option('-d, --domain <domain>', 'domain for rows that do not name one')
    .option('--source <text>', 'where the data comes from (stored in each scenario)'), 'folder the scenario files are written to', 'scenarios/imported')
    .action(async (file: string, opts: { approach?: string; domain?: string; source?: string; output: string }) => {
      const { importScenarios } = await import('../../plan/import.js');
      const { output, ...rest } = opts;
      const written = importScenarios(file, { ...rest, out: output });
      process.stdout.write(`imported ${written.length} scenario(s) into ${output}\n`);
    });
}
