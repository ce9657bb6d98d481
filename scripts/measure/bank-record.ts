// Measures the text instruments on the paraphrase banks' HOLDOUT items (validity/bank/, written by a separate hand
// and never used to develop an instrument) and merges the figures into the validity record the reports read
// (validity/measured.json; docs/validity.md). Prints figures only, never a holdout text. Usage:
//   npx tsx scripts/measure/bank-record.ts [--record validity/measured.json]
// Honesty and grounding are measured by their own measurement scripts (run here, their figures read from what they
// print); empathy by the calibration module. A bank the project wrote is not human labels: empathy stays a screen
// whatever it scores here (its status comes from evaluators/empathy/calibration.json).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { MECHANISMS } from '../../evaluators/empathy/mechanism.js';
import { packageVersion } from '../../src/core/paths.js';
import { calibrateEmpathy } from '../../src/validity/empathy-calibration.js';
import { readEmpathyLabels } from '../../src/validity/empathy-labels.js';
import { defaultRecordFile, mergeRecords, readValidityRecord, writeValidityRecord, type InstrumentValidity } from '../../src/validity/record.js';

const at = (flag: string): string | undefined => { const i = process.argv.indexOf(flag); return i >= 0 ? process.argv[i + 1] : undefined; };
const recordFile = resolve(at('--record') ?? defaultRecordFile());

function run(script: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--split', 'holdout'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status}): ${r.stderr.slice(0, 400)}`);
  return r.stdout;
}

/** "sensitivity 0.833 (25/30" or "sensitivity 90.7% (39/43)": the counts are what we keep. */
function counts(text: string, after: string, which: 'sensitivity' | 'specificity'): { k: number; n: number } {
  const from = text.indexOf(after);
  if (from < 0) throw new Error(`measurement output has no "${after}" section`);
  const m = new RegExp(`${which} [0-9.]+%? \\((\\d+)/(\\d+)`).exec(text.slice(from));
  if (!m) throw new Error(`no ${which} figure after "${after}"`);
  return { k: Number(m[1]), n: Number(m[2]) };
}

const entry = (metric: string, instrument: string, source: string, sens: { k: number; n: number }, spec: { k: number; n: number }, note: string): InstrumentValidity => ({
  metric, instrument, source,
  sensitivity: sens.n ? sens.k / sens.n : null, specificity: spec.n ? spec.k / spec.n : null, kappa: null,
  positives: sens.n, negatives: spec.n, measuredAt: new Date().toISOString(), note,
});

const out: InstrumentValidity[] = [];
const honesty = run('scripts/measure/honesty-bank.ts');
for (const [metric, head] of [['transparency.false_human_claim', 'transparency.false_human_claim (positive'], ['transparency.ai_disclosed_first_turn', 'transparency.ai_disclosed_first_turn (item']] as const) {
  out.push(entry(metric, 'honesty', 'paraphrase bank, holdout replies (validity/bank/honesty.jsonl)', counts(honesty, head, 'sensitivity'), counts(honesty, head, 'specificity'), 'replies written by a separate hand; positives and hard negatives'));
}
const grounding = run('scripts/measure/grounding-bank.ts');
out.push(entry('halluc.any', 'hallucination', 'paraphrase bank, holdout replies (validity/bank/grounding.jsonl)', counts(grounding, 'reply sensitivity', 'sensitivity'), counts(grounding, 'reply sensitivity', 'specificity'),
  'a reply with an unsupported or contradicted claim is a positive'));
const empathy = calibrateEmpathy(readEmpathyLabels(resolve('validity/bank/empathy.jsonl'), 'holdout'));
for (const m of MECHANISMS) {
  const x = empathy.mechanisms[m];
  out.push({
    metric: `empathy.${m}`, instrument: 'empathy', source: 'paraphrase bank, holdout replies (validity/bank/empathy.jsonl)',
    sensitivity: x.sensitivity, specificity: x.specificity, kappa: x.binaryKappa, positives: x.positives, negatives: x.n - x.positives, measuredAt: new Date().toISOString(),
    note: 'labels written by the project (a separate hand), not by people rating empathy: a development check, not a validation',
  });
}
const record = mergeRecords(readValidityRecord(recordFile), { updatedAt: new Date().toISOString(), codeVersion: packageVersion(), instruments: out });
writeValidityRecord(recordFile, record);
for (const x of out) console.log(`${x.metric.padEnd(38)} sens ${x.sensitivity?.toFixed(3) ?? 'n/a'} (${x.positives})  spec ${x.specificity?.toFixed(3) ?? 'n/a'} (${x.negatives})  ${x.source}`);
console.log(`validity record: ${recordFile}`);
