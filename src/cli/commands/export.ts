import type { Command } from 'commander';
import { dbPath, hiddenAlias, loadSuiteFromCli, suiteOptions, type SuiteCliOptions } from '../options.js';
import type { Store } from '../../store/db.js';

interface DbCliOptions { config?: string; output?: string; db?: string; to?: string }

/** Opens the database read-only: an export never changes stored results. */
async function openDb(opts: DbCliOptions): Promise<{ store: Store; path: string; output: string }> {
  const { loadConfig, applyOverrides } = await import('../../plan/suite.js');
  const { openStore } = await import('../../store/db.js');
  const { RunAbort } = await import('../../core/errors.js');
  const { existsSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  const config = applyOverrides(loadConfig(opts.config).config, opts.output ? { output: opts.output } : {});
  const path = opts.db ?? dbPath(config.output);
  if (!existsSync(path)) throw new RunAbort(`no database at ${path}: run \`cxbench run\` first, or name one with --db`);
  return { store: await openStore(path, { readOnly: true }), path, output: opts.db ? dirname(opts.db) : config.output };
}

const dbOptions = (cmd: Command): Command => cmd
  .option('-c, --config <file>', 'suite config (for the output folder)')
  .option('-o, --output <dir>', 'output folder holding cxbench.duckdb')
  .option('--db <file>', 'database file to export (e.g. a merged one); overrides -o');

/** Where the export is written: `--to` (the old `--out` still works, hidden: `-o, --output` is the output folder everywhere). */
const toOption = (cmd: Command, description: string): Command => hiddenAlias(cmd.option('--to <path>', description), '--out <path>', 'to');

const line = (s: string): boolean => process.stdout.write(s + '\n');

export function registerExport(program: Command): void {
  const exp = program.command('export').description('write results or the suite in other formats: parquet, jsonl, promptfoo');

  toOption(dbOptions(exp.command('parquet'))
    .description('one zstd Parquet file per table (raw tables, and analysis tables if present)'), 'destination folder (default: <output>/export/parquet)')
    .action(async (opts: DbCliOptions) => {
      const { exportParquet } = await import('../../export/parquet.js');
      const { store, output } = await openDb(opts);
      try {
        const files = await exportParquet(store, opts.to ?? `${output}/export/parquet`);
        for (const f of files) line(`${f.path}: ${f.rows} rows (${f.kind})`);
      } finally {
        store.close();
      }
    });

  toOption(dbOptions(exp.command('jsonl'))
    .description('transcripts as JSONL: one conversation per line with cell identity, turns, tool calls, usage and scores'), 'destination file (default: <output>/export/transcripts.jsonl)')
    .action(async (opts: DbCliOptions) => {
      const { exportJsonl } = await import('../../export/jsonl.js');
      const { store, output } = await openDb(opts);
      try {
        const r = await exportJsonl(store, opts.to ?? `${output}/export/transcripts.jsonl`);
        line(`${r.path}: ${r.lines} conversations`);
      } finally {
        store.close();
      }
    });

  toOption(suiteOptions(exp.command('promptfoo'), ['config', 'models', 'baseUrl', 'approaches', 'scenarios'])
    .description('write a promptfooconfig.yaml reproducing approaches x scenarios x models (what cannot carry over is listed in its header)')
    .option('-o, --output <dir>', 'output folder (the default destination is inside it)'), 'destination file (default: <output>/export/promptfooconfig.yaml)')
    .action(async (opts: SuiteCliOptions & { to?: string }) => {
      const { promptfooYaml } = await import('../../export/promptfoo.js');
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const { dirname } = await import('node:path');
      const suite = await loadSuiteFromCli(opts);
      const out = opts.to ?? `${suite.config.output.replace(/\/+$/, '')}/export/promptfooconfig.yaml`;
      const r = promptfooYaml(suite);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, r.yaml);
      line(`${out}: ${r.tests} tests`);
      if (r.skippedModels.length) line(`not exported (no promptfoo equivalent): ${r.skippedModels.join(', ')}`);
    });
}
