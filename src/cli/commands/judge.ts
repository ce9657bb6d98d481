import type { Command } from 'commander';
import { dbPath, outputOption } from '../options.js';

export function registerJudge(program: Command): void {
  const judge = program.command('judge').description('judge reliability');
  const calibrate = judge.command('calibrate')
    .description('compare a judge with human labels (CSV: item_id, metric, human_label, judge_label, persona_group; see docs/judge-calibration.md) and store its validation status')
    .argument('<csv>', 'calibration CSV')
    .requiredOption('--judge <id>', 'the judge these labels came from, e.g. openai:gpt-4o-mini#<prompt hash>')
    .option('--nominal <metrics>', 'comma-separated metrics whose labels are categories, not ordered levels');
  outputOption(calibrate, 'output folder holding cxbench.duckdb (the status is stored there for the report)', 'out')
    .action(async (csv: string, opts: { judge: string; nominal?: string; output: string }) => {
      const { readFileSync, existsSync } = await import('node:fs');
      const { InputError } = await import('../../core/errors.js');
      const { parseCalibrationCsv, calibrate } = await import('../../../evaluators/judge/calibrate.js');
      const { openStore } = await import('../../store/db.js');
      if (!existsSync(csv)) throw new InputError(`${csv}: file not found`, [{ file: csv, path: '', expected: 'a calibration CSV', found: 'no such file' }]);
      let rows;
      try { rows = parseCalibrationCsv(readFileSync(csv, 'utf8')); }
      catch (e) { throw new InputError(`${csv}: ${e instanceof Error ? e.message : String(e)}`, [{ file: csv, path: '', expected: 'columns item_id, metric, human_label, judge_label, persona_group', found: 'an unreadable row' }]); }
      const results = calibrate(rows, opts.nominal ? { nominal: opts.nominal.split(',') } : {});
      const out = (s: string): boolean => process.stdout.write(s + '\n');
      const f = (v: number | null): string => (v === null ? '—' : v.toFixed(3));
      for (const r of results) {
        out(`${r.metric}: n ${r.n}, alpha ${f(r.acceptance.alpha)} (${r.acceptance.alphaUsed}), weighted kappa ${f(r.kappaQuadratic)}, exact agreement ${f(r.exactAgreement)} -> ${r.acceptance.accepted ? 'ACCEPTED' : 'NOT accepted'}`);
        for (const why of r.acceptance.reasons) out(`  ${why}`);
      }
      const store = await openStore(dbPath(opts.output));
      try {
        await store.exec(`CREATE TABLE IF NOT EXISTS judge_validation (metric VARCHAR, judge VARCHAR, n_items INTEGER, kappa_w DOUBLE, alpha DOUBLE, status VARCHAR, validated_on VARCHAR)`);
        await store.transaction(async () => {
          for (const r of results) {
            await store.exec(`DELETE FROM judge_validation WHERE metric = ? AND judge = ?`, [r.metric, opts.judge]);
            await store.exec(`INSERT INTO judge_validation VALUES (?, ?, ?, ?, ?, ?, ?)`, [r.metric, opts.judge, r.n, r.kappaQuadratic, r.acceptance.alpha, r.acceptance.accepted ? 'accepted' : 'not accepted', `${new Date().toISOString()} from ${csv}`]);
          }
        });
      } finally {
        store.close();
      }
      out(`stored in ${dbPath(opts.output)} (table judge_validation; shown in the report's governance section)`);
    });
}
