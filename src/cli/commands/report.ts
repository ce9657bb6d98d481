import type { Command } from 'commander';
import type { SuiteConfig } from '../../schema/config.js';
import type { Store } from '../../store/db.js';
import { dbPath, outputOption, reportDir } from '../options.js';

/** Transcripts embedded in report.html (the first N by cell key); all of them stay in the database and `export jsonl`. */
export const REPORT_TRANSCRIPT_CAP = 2_000;

/**
 * analyse -> report, from the database alone. Returns lines to print (where things were written). `where` overrides
 * the report folder and title (`cxbench audit` writes its own).
 */
export async function buildOutputs(store: Store, config: SuiteConfig, where: { dir?: string; title?: string } = {}): Promise<string[]> {
  const dir = where.dir ?? reportDir(config.output);
  const { analyse } = await import('../../analysis/index.js');
  const { buildReport } = await import('../../report/index.js');
  const a = await analyse(store, { seed: config.seed, bootstrapB: 10_000, roi: config.roi, biasMargins: config.biasMargins });
  const r = await buildReport(store, dir, { title: where.title ?? `cxbench report: ${config.name}`, maxTranscripts: REPORT_TRANSCRIPT_CAP });
  const rendered = r.charts.filter((c) => c.status === 'rendered').length;
  const problems = r.charts.filter((c) => c.status === 'error').map((c) => `  chart ${c.id}: ${c.note ?? 'error'}`);
  return [
    `analysis: ${a.done} conversations, ${a.scoreRowsUsed} score rows, seed ${a.seed}, ${a.bootstrapB} bootstrap resamples`,
    `report: ${r.html}`,
    `summary: ${r.markdown}`,
    `charts: ${rendered} rendered, ${r.charts.length - rendered} without data or failed (SVG and PNG in ${dir}/charts)`,
    ...problems,
  ];
}

export function registerReport(program: Command): void {
  outputOption(program.command('report')
    .description('rebuild the analysis and the report from the database')
    .option('-c, --config <file>', 'suite config (for output folder, ROI inputs, bias margins)'), 'output folder holding cxbench.duckdb; the report goes to <output>/report')
    .option('--compare <dbs...>', 'compare two runs: --compare <runA.duckdb> <runB.duckdb> (writes compare.html and compare.md)')
    .action(async (opts: { config?: string; output?: string; compare?: string[] }) => {
      const { loadConfig, applyOverrides } = await import('../../plan/suite.js');
      const { openStore } = await import('../../store/db.js');
      const { RunAbort } = await import('../../core/errors.js');
      const { existsSync } = await import('node:fs');
      const config = applyOverrides(loadConfig(opts.config).config, opts.output ? { output: opts.output } : {});
      if (opts.compare) {
        const { InputError } = await import('../../core/errors.js');
        const { buildComparison } = await import('../../report/index.js');
        if (opts.compare.length !== 2) throw new InputError('--compare takes exactly two database files', [{ file: 'command line', path: '--compare', expected: 'two .duckdb files', found: `${opts.compare.length}` }]);
        for (const f of opts.compare) if (!existsSync(f)) throw new InputError(`no database at ${f}`, [{ file: f, path: '', expected: 'a cxbench database', found: 'no such file' }]);
        const [a, b] = [await openStore(opts.compare[0]!, { readOnly: true }), await openStore(opts.compare[1]!, { readOnly: true })];
        try {
          const out = await buildComparison(a, b, reportDir(config.output));
          const sig = out.rows.filter((r) => r.pHolm !== null && r.pHolm < 0.05).length;
          process.stdout.write(`comparison: ${out.html}\nsummary: ${out.markdown}\n${out.rows.length} metric x approach x model rows compared, ${sig} significant after Holm\n`);
        } finally { a.close(); b.close(); }
        return;
      }
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

export function registerAnalyse(program: Command): void {
  outputOption(program.command('analyse')
    .alias('analyze')
    .description('recompute the analysis tables (statistics, bias audit, costs, ROI) from the database; `report` runs it too')
    .option('-c, --config <file>', 'suite config (ROI inputs, bias margins, seed)'), 'output folder holding cxbench.duckdb')
    .action(async (opts: { config?: string; output?: string }) => {
      const { loadConfig, applyOverrides } = await import('../../plan/suite.js');
      const { openStore } = await import('../../store/db.js');
      const { analyse } = await import('../../analysis/index.js');
      const { RunAbort } = await import('../../core/errors.js');
      const { existsSync } = await import('node:fs');
      const config = applyOverrides(loadConfig(opts.config).config, opts.output ? { output: opts.output } : {});
      const path = dbPath(config.output);
      if (!existsSync(path)) throw new RunAbort(`no database at ${path}: run \`cxbench run\` first`);
      const store = await openStore(path);
      try {
        const a = await analyse(store, { seed: config.seed, bootstrapB: 10_000, roi: config.roi, biasMargins: config.biasMargins });
        process.stdout.write(`analysed ${a.done} conversations (${a.scoreRowsUsed} score rows) in ${(a.elapsedMs / 1000).toFixed(1)}s; tables: ${Object.entries(a.tables).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
      } finally {
        store.close();
      }
    });
}
