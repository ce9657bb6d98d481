import type { StudyResult } from './study.js';
import type { ValidityInstrumentRow } from './tables.js';

/** The printed summary of a study: one line per check, the targets with a verdict, and the sample-size advice. */

const f = (v: number | null | undefined, digits = 3): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));

function line(r: ValidityInstrumentRow): string {
  const ci = r.ci_low !== null && r.ci_high !== null ? ` [${f(r.ci_low)}, ${f(r.ci_high)}]` : '';
  const gap = r.gap_pp !== null ? ` d=${r.gap_pp}` : '';
  const truth = r.truth !== null ? ` truth ${f(r.truth)}` : '';
  const verdict = r.target ? `  target ${r.target}: ${r.meets_target === null ? 'UNRESOLVED (too few replicates)' : r.meets_target ? 'MET' : 'MISSED'}` : '';
  return `  ${`${r.instrument} ${r.check_name}${gap}`.padEnd(44)} ${f(r.value)}${ci}${truth} (n=${r.n ?? 0})${verdict}`;
}

export function studySummary(s: StudyResult): string[] {
  const o = s.options;
  const out = [
    `validity study ${s.studyId}: ${o.seeds} seeds x gaps ${o.gaps.join(', ')} pp = ${s.results.length} replicates; ` +
      `${s.planned.scenarios} scenarios, ${s.planned.cellsPerReplicate} cells per replicate (${o.variants.join(', ')} variants, ${o.epochs} epoch(s)); ` +
      `${(s.wallMs / 1000).toFixed(1)}s on ${o.workers} worker(s)`,
    `planted: target ${o.model.bias.targetGroup}, discount noise sd ${o.model.bias.noiseSdPp} pp, misstatement share ${o.model.hallucination.misstateShare}, ` +
      `empathy share ${o.model.empathy.share}, AI disclosure ${o.model.disclosure.aiShare}, human claim ${o.model.disclosure.humanClaimShare}, leak share ${o.model.privacy.leakShare}`,
  ];
  let last = '';
  for (const r of s.tables.instruments) {
    if (r.instrument !== last) { out.push(`${r.instrument}:`); last = r.instrument ?? ''; }
    out.push(line(r));
  }
  if (s.tables.sampleSize.length) {
    out.push('sample size for 80% power (paired t on per-scenario gaps; scenarios needed at alpha 0.05 / at the Holm-family alpha):');
    for (const r of s.tables.sampleSize) {
      out.push(`  gap ${r.gap_pp} pp, ${r.epochs} epoch(s): sd ${f(r.sd_scenario, 2)} pp -> ${r.scenarios_alpha_05} / ${r.scenarios_holm} scenarios (alpha ${f(r.holm_alpha, 5)}); this study had ${r.study_scenarios}`);
    }
  }
  const failedCells = s.results.reduce((n, r) => n + r.failed, 0);
  if (failedCells) out.push(`warning: ${failedCells} cells failed across replicates (their conversations are missing from the measurements)`);
  const name = (r: ValidityInstrumentRow): string => `${r.instrument} ${r.check_name}${r.gap_pp !== null ? ` d=${r.gap_pp}` : ''}`;
  const missed = s.tables.instruments.filter((r) => r.target && r.meets_target === false);
  const unresolved = s.tables.instruments.filter((r) => r.target && r.meets_target === null);
  out.push(missed.length ? `targets missed: ${missed.map(name).join('; ')}` : 'no target missed');
  if (unresolved.length) out.push(`unresolved with ${s.options.seeds} seeds (run more with --seeds): ${unresolved.map(name).join('; ')}`);
  return out;
}
