import { hiddenAlias } from '../options.js';
import type { Command } from 'commander';

interface EmpathyCalibrateOptions {
  labels: string;
  split: string;
  to?: string;
  record?: string;
  source?: string;
  humanLabelled: boolean;
}

/**
 * `cxbench validity empathy --labels <file>`: agreement of the deterministic empathy detectors with labelled replies,
 * per EPITOME mechanism (docs/instruments/empathy.md). Registered as a subcommand of `validity`, which must exist.
 */
export function registerEmpathyCalibrate(program: Command): void {
  const validity = program.commands.find((c) => c.name() === 'validity');
  if (!validity) throw new Error('registerEmpathyCalibrate needs the validity command registered first');
  // `validity` has its own --out: options are read by the command they follow (the program has only --help and
  // --version), so `validity empathy --out f` is this subcommand's --out and `validity --out d` stays the study's.
  program.enablePositionalOptions();
  validity.enablePositionalOptions();
  hiddenAlias(validity.command('empathy'), '--out <file>', 'to')
    .description('measure the deterministic empathy detectors (ER, IP, EX) against labelled replies: kappa, sensitivity, specificity and baselines')
    .requiredOption('--labels <file>', 'labels as .csv or .jsonl: seeker (or customer), response, er, ip, ex (levels 0/1/2); optional id, split')
    .option('--split <split>', 'rows to use: dev, holdout or all (dev and holdout need a split on every row)', 'all')
    .option('--to <file>', 'write the result as JSON')
    .option('--record <file>', 'merge the result into a calibration record (the one the metric catalog reads is evaluators/empathy/calibration.json)')
    .option('--source <text>', 'with --record: where the labels came from (who labelled which material)')
    .option('--human-labelled', 'with --record: people assigned these levels (only such records can validate a mechanism)', false)
    .action(async (opts: EmpathyCalibrateOptions) => {
      const { InputError } = await import('../../core/errors.js');
      const { readEmpathyLabels } = await import('../../validity/empathy-labels.js');
      const { calibrateEmpathy, formatCalibration, mergeCalibration, toRecords } = await import('../../validity/empathy-calibration.js');
      const splits = ['dev', 'holdout', 'all'] as const;
      const split = splits.find((s) => s === opts.split);
      if (!split) throw new InputError(`--split must be one of ${splits.join(', ')}`, [{ file: 'command line', path: '--split', expected: splits.join(' | '), found: opts.split }]);
      if (opts.record && !opts.source) throw new InputError('--record needs --source (where the labels came from)', [{ file: 'command line', path: '--source', expected: 'a description of the labels', found: 'nothing' }]);
      const result = calibrateEmpathy(readEmpathyLabels(opts.labels, split));
      for (const l of formatCalibration(result)) process.stdout.write(l + '\n');
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const { dirname } = await import('node:path');
      const write = (file: string, data: unknown): void => {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
      };
      if (opts.to) {
        write(opts.to, { labels: opts.labels, split, ...result });
        process.stdout.write(`result: ${opts.to}\n`);
      }
      if (opts.record) {
        const { readCalibration, mechanismStatus } = await import('../../../evaluators/empathy/status.js');
        const { MECHANISMS } = await import('../../../evaluators/empathy/mechanism.js');
        const measuredOn = new Date().toISOString().slice(0, 10);
        const next = mergeCalibration(readCalibration(opts.record), toRecords(result, { source: opts.source!, humanLabelled: opts.humanLabelled, measuredOn }));
        write(opts.record, next);
        process.stdout.write(`calibration record: ${opts.record}\n`);
        for (const m of MECHANISMS) {
          const st = mechanismStatus(m, next);
          process.stdout.write(`  ${m}: ${st.validated ? 'validated' : st.screen}\n`);
        }
      }
    });
}
