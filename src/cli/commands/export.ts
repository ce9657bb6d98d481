import type { Command } from 'commander';
import { dbPath, overridesFrom, suiteOptions, type SuiteCliOptions } from '../options.js';
import type { Store } from '../../store/db.js';

interface DbCliOptions { config?: string; output?: string; db?: string; out?: string }

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

const line = (s: string): boolean => process.stdout.write(s + '\n');

export function registerExport(program: Command): void {
  const exp = program.command('export').description('write results or the suite in other formats: parquet, jsonl, promptfoo');

  dbOptions(exp.command('parquet'))
    .description('one zstd Parquet file per table (raw tables, and analysis tables if present)')
    .option('--out <dir>', 'destination folder (default: <output>/export/parquet)')
    .action(async (opts: DbCliOptions) => {
      const { exportParquet } = await import('../../export/parquet.js');
      const { store, output } = await openDb(opts);
      try {
        const files = await exportParquet(store, opts.out ?? `${output}/export/parquet`);
        for (const f of files) line(`${f.path}: ${f.rows} rows (${f.kind})`);
      } finally {
        store.close();
      }
    });

  dbOptions(exp.command('jsonl'))
    .description('transcripts as JSONL: one conversation per line with cell identity, turns, tool calls, usage and scores')
    .option('--out <file>', 'destination file (default: <output>/export/transcripts.jsonl)')
    .action(async (opts: DbCliOptions) => {
      const { exportJsonl } = await import('../../export/jsonl.js');
      const { store, output } = await openDb(opts);
      try {
        const r = await exportJsonl(store, opts.out ?? `${output}/export/transcripts.jsonl`);
        line(`${r.path}: ${r.lines} conversations`);
      } finally {
        store.close();
      }
    });

  suiteOptions(exp.command('promptfoo'))
    .description('write a promptfooconfig.yaml reproducing approaches x scenarios x models (what cannot carry over is listed in its header)')
    .option('--out <file>', 'destination file (default: <output>/export/promptfooconfig.yaml)')
    .action(async (opts: SuiteCliOptions & { out?: string }) => {
      const { loadSuite } = await import('../../plan/suite.js');
      const { promptfooYaml } = await import('../../export/promptfoo.js');
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const { dirname } = await import('node:path');
      const suite = loadSuite(opts.config, overridesFrom(opts));
      const out = opts.out ?? `${suite.config.output.replace(/\/+$/, '')}/export/promptfooconfig.yaml`;
      const r = promptfooYaml(suite);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, r.yaml);
      line(`${out}: ${r.tests} tests`);
      if (r.skippedModels.length) line(`not exported (no promptfoo equivalent): ${r.skippedModels.join(', ')}`);
    });
}
