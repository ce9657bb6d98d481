import type { Command } from 'commander';
import { outputOption } from '../options.js';

interface ValidityCliOptions {
  config?: string;
  scenarios?: string;
  output: string;
  seeds: string;
  seedStart: string;
  d: string;
  epochs: string;
  variants: string;
  targetGroup: string;
  noiseSd: string;
  h: string;
  e: string;
  leak: string;
  aiShare: string;
  humanShare: string;
  workers?: string;
  concurrency: string;
  bootstrap: string;
  report: boolean;
  bankSplit: string;
  fabricate: string;
  record?: string;
}

const list = (s: string | undefined): string[] | undefined => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

export function registerValidity(program: Command): void {
  const cmd = program.command('validity');
  outputOption(cmd, 'output folder: cxbench.duckdb with the validity_* tables, and the report', 'out/validity');
  cmd
    .description('prove the instruments recover planted truth: run the real pipeline many times against a model with known effects (bias gap, misstated prices, empathy, disclosure, PII leaks)')
    .option('-c, --config <file>', 'suite config to start from (scenario globs, datasets, ROI, margins); models and variants are replaced')
    .option('-s, --scenarios <globs>', 'comma-separated scenario globs (default: the bundled library)')
    .option('--seeds <k>', 'replicates per planted gap (seeds seedStart..seedStart+k-1)', '20')
    .option('--seed-start <n>', 'first seed', '1')
    .option('--d <pp>', 'planted discount gaps in pp for the power curve (0 is always added for the false-positive rate)', '2,5,10')
    .option('-e, --epochs <n>', 'epochs per cell in every replicate', '2')
    .option('--variants <sets>', 'persona variant sets to expand', 'race-gender')
    .option('--target-group <group>', 'persona group that gets the smaller discount', 'black-female')
    .option('--noise-sd <pp>', 'conversation-to-conversation sd of the discount', '3')
    .option('--h <share>', 'share of price-bearing replies that misstate a catalog price', '0.15')
    .option('--fabricate <share>', 'share of replies that state a duration no term supports or an offering the brief never names', '0.15')
    .option('--bank-split <split>', 'phrasings the planted model speaks: holdout (never used to develop an instrument), dev or all', 'holdout')
    .option('--record <file>', 'merge the measured sensitivity and specificity per instrument into this validity record (the committed one is validity/measured.json)')
    .option('--e <share>', 'share of replies with an empathic move', '0.5')
    .option('--leak <share>', "per reply, chance of repeating another customer's PII (scenarios that have some)", '0.08')
    .option('--ai-share <share>', 'share of first replies disclosing an AI', '0.7')
    .option('--human-share <share>', 'share of first replies falsely claiming to be human', '0.1')
    .option('--workers <n>', 'child processes sharing the seeds (default: number of CPUs, at most 4)')
    .option('--concurrency <n>', 'conversations in flight per replicate', '4')
    .option('--bootstrap <b>', 'bootstrap resamples in each replicate\'s analysis', '2000')
    .option('--no-report', 'skip the HTML/Markdown report')
    .action(async (opts: ValidityCliOptions) => {
      const { availableParallelism } = await import('node:os');
      const { runStudy, dbFile } = await import('../../validity/study.js');
      const { studySummary } = await import('../../validity/print.js');
      const { InputError } = await import('../../core/errors.js');
      const num = (flag: string, v: string): number => {
        const n = Number(v);
        if (!Number.isFinite(n)) throw new InputError(`${flag} must be a number`, [{ file: 'command line', path: flag, expected: 'a number', found: v }]);
        return n;
      };
      const { BankSplitSchema } = await import('../../validity/bank.js');
      const split = BankSplitSchema.safeParse(opts.bankSplit);
      if (!split.success) throw new InputError(`--bank-split must be one of ${BankSplitSchema.options.join(', ')}`, [{ file: 'command line', path: '--bank-split', expected: BankSplitSchema.options.join(' | '), found: opts.bankSplit }]);
      const gaps = [...new Set([0, ...(list(opts.d) ?? []).map((x) => num('--d', x))])].sort((a, b) => a - b);
      const scenarios = list(opts.scenarios);
      const out = (s: string): boolean => process.stdout.write(s + '\n');
      const result = await runStudy({
        ...(opts.config ? { config: opts.config } : {}),
        ...(scenarios ? { scenarios } : {}),
        output: opts.output,
        seeds: num('--seeds', opts.seeds),
        seedStart: num('--seed-start', opts.seedStart),
        gaps,
        epochs: num('--epochs', opts.epochs),
        variants: list(opts.variants) ?? ['race-gender'],
        workers: opts.workers ? num('--workers', opts.workers) : Math.min(4, availableParallelism()),
        concurrency: num('--concurrency', opts.concurrency),
        bootstrapB: num('--bootstrap', opts.bootstrap),
        model: {
          bias: { targetGroup: opts.targetGroup, noiseSdPp: num('--noise-sd', opts.noiseSd) },
          bankSplit: split.data,
          hallucination: { misstateShare: num('--h', opts.h), fabricateShare: num('--fabricate', opts.fabricate) },
          empathy: { share: num('--e', opts.e) },
          disclosure: { aiShare: num('--ai-share', opts.aiShare), humanClaimShare: num('--human-share', opts.humanShare) },
          privacy: { leakShare: num('--leak', opts.leak) },
        },
      }, {
        onSeed: (seed, _r, done, total) => { process.stderr.write(`  seed ${seed} done (${done}/${total})\n`); },
      });
      for (const l of studySummary(result)) out(l);
      out(`database: ${dbFile(opts.output)} (tables validity_runs, validity_instruments, validity_sample_size, validity_meta)`);
      if (opts.record) {
        const { recordFromStudy, readValidityRecord, mergeRecords, writeValidityRecord } = await import('../../validity/record.js');
        const { packageVersion } = await import('../../core/paths.js');
        const next = recordFromStudy(result.tables.instruments, { codeVersion: packageVersion(), bankSplit: split.data, seeds: num('--seeds', opts.seeds) });
        writeValidityRecord(opts.record, mergeRecords(readValidityRecord(opts.record), next));
        out(`validity record: ${opts.record}`);
      }
      if (opts.report) {
        const { openStore } = await import('../../store/db.js');
        const { buildReport } = await import('../../report/index.js');
        const { reportDir } = await import('../options.js');
        const store = await openStore(dbFile(opts.output));
        try {
          const r = await buildReport(store, reportDir(opts.output), { title: 'cxbench validity study' });
          out(`report: ${r.html}`);
        } finally {
          store.close();
        }
      }
    });
}
