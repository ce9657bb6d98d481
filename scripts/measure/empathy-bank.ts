// Measures the deterministic empathy detectors (ER, IP, EX) on the empathy paraphrase bank
// (validity/bank/empathy.jsonl), written by a separate hand from the EPITOME definitions. Usage:
//   npx tsx scripts/measure/empathy-bank.ts --split dev             figures (the same as `cxbench validity empathy`)
//   npx tsx scripts/measure/empathy-bank.ts --split dev --misses    figures + every disagreement (dev only)
//   npx tsx scripts/measure/empathy-bank.ts --split holdout         figures only: holdout texts are never printed
// A bank the project wrote is not human labels: its figures are a development check, never a validation
// (docs/instruments/empathy.md). Holdout rows are dropped in code, by readEmpathyLabels, before anything looks at them.
import { resolve } from 'node:path';
import { InputError } from '../../src/core/errors.js';
import { levelsOf } from '../../evaluators/empathy/detectors.js';
import { MECHANISMS } from '../../evaluators/empathy/mechanism.js';
import { calibrateEmpathy, formatCalibration } from '../../src/validity/empathy-calibration.js';
import { readEmpathyLabels } from '../../src/validity/empathy-labels.js';
import { reportError } from '../../src/cli/exit.js';

function args(): { split: 'dev' | 'holdout'; file: string; misses: boolean } {
  const a = process.argv.slice(2);
  const at = (flag: string): string | undefined => { const i = a.indexOf(flag); return i >= 0 ? a[i + 1] : undefined; };
  const split = at('--split') ?? 'dev';
  if (split !== 'dev' && split !== 'holdout') throw new InputError(`--split: expected dev or holdout, found ${split}`);
  const misses = a.includes('--misses');
  if (misses && split !== 'dev') throw new InputError('--misses prints item texts: dev only');
  return { split, file: resolve(at('--file') ?? 'validity/bank/empathy.jsonl'), misses };
}

function main(): void {
  const { split, file, misses } = args();
  const rows = readEmpathyLabels(file, split);
  const result = calibrateEmpathy(rows);
  console.log(`${file} (split ${split}; a bank written by the project, not human labels: a development check)`);
  for (const l of formatCalibration(result)) console.log(l);
  if (!misses) return;
  for (const m of MECHANISMS) {
    console.log(`\n${m.toUpperCase()} disagreements (label -> detector):`);
    for (const r of rows) {
      const f = levelsOf({ customer: r.customer, reply: r.response })[m];
      if (f.level === r[m]) continue;
      console.log(`  ${r.id} ${r[m]} -> ${f.level}${f.why ? ` (${f.why})` : ''}\n    C: ${r.customer}\n    A: ${r.response}`);
    }
  }
}

try { main(); } catch (e) { process.exitCode = reportError(e); }
