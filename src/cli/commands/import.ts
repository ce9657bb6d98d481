import type { Command } from 'commander';

export function registerImport(program: Command): void {
  program.command('import')
    .description('import scenarios from your own tickets: JSONL or CSV (format: docs/import.md)')
    .argument('<file>', '.jsonl or .csv file')
    .option('-a, --approach <id>', 'approach for rows that do not name one')
    .option('-d, --domain <domain>', 'domain for rows that do not name one')
    .option('--source <text>', 'where the data comes from (stored in each scenario)')
    .option('--out <dir>', 'output folder', 'scenarios/imported')
    .action(async (file: string, opts: { approach?: string; domain?: string; source?: string; out: string }) => {
      const { importScenarios } = await import('../../plan/import.js');
      const written = importScenarios(file, opts);
      process.stdout.write(`imported ${written.length} scenario(s) into ${opts.out}\n`);
    });
}
