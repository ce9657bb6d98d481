import { weightedKappaQuadratic } from '../../evaluators/judge/agreement.js';
import { levelsOf } from '../../evaluators/empathy/detectors.js';
import { MECHANISMS, MECHANISM_NAMES, type Level, type Mechanism } from '../../evaluators/empathy/mechanism.js';
import { DETECTOR_VERSION, type CalibrationRecord, type MechanismRecord } from '../../evaluators/empathy/status.js';
import type { EmpathyLabel } from './empathy-labels.js';

/**
 * Agreement of the deterministic empathy detectors with labelled replies, per EPITOME mechanism: binary Cohen's kappa
 * (level > 0 against level > 0), quadratic-weighted kappa on 0/1/2, sensitivity and specificity of "level > 0", and
 * two baselines any detector must beat: always answering 0, and "the reply contains a question mark".
 */

export interface MechanismMeasure {
  n: number;
  /** Items the labels put above 0. */
  positives: number;
  binaryKappa: number | null;
  weightedKappa: number | null;
  sensitivity: number | null;
  specificity: number | null;
  exactAgreement: number;
  /** confusion[label][detector], levels 0..2. */
  confusion: number[][];
  baselines: { always0: number | null; questionMark: number | null };
}

export interface EmpathyCalibration {
  detectorVersion: number;
  n: number;
  mechanisms: Record<Mechanism, MechanismMeasure>;
}

const bin = (l: number): number => (l > 0 ? 1 : 0);

/**
 * Binary Cohen's kappa through the quadratic-weighted one: with two categories the quadratic weight of a
 * disagreement is 1 and of an agreement 0, so the two coincide. Null when both raters are constant.
 */
export const binaryKappa = (pairs: [number, number][]): number | null => weightedKappaQuadratic(pairs.map(([a, b]) => [bin(a), bin(b)]));

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function measureMechanism(pairs: [Level, Level][], questionMark: boolean[]): MechanismMeasure {
  const confusion = [0, 1, 2].map(() => [0, 0, 0]);
  for (const [h, d] of pairs) confusion[h]![d]! += 1;
  const tp = pairs.filter(([h, d]) => h > 0 && d > 0).length;
  const pos = pairs.filter(([h]) => h > 0).length;
  const tn = pairs.filter(([h, d]) => h === 0 && d === 0).length;
  return {
    n: pairs.length,
    positives: pos,
    binaryKappa: binaryKappa(pairs),
    weightedKappa: weightedKappaQuadratic(pairs),
    sensitivity: ratio(tp, pos),
    specificity: ratio(tn, pairs.length - pos),
    exactAgreement: pairs.length ? pairs.filter(([h, d]) => h === d).length / pairs.length : 0,
    confusion,
    baselines: {
      always0: binaryKappa(pairs.map(([h]) => [h, 0])),
      questionMark: binaryKappa(pairs.map(([h], i) => [h, questionMark[i] ? 1 : 0])),
    },
  };
}

/** Runs the detectors over every labelled reply and measures each mechanism. */
export function calibrateEmpathy(rows: EmpathyLabel[]): EmpathyCalibration {
  const detected = rows.map((r) => levelsOf({ customer: r.customer, reply: r.response }));
  const question = rows.map((r) => r.response.includes('?'));
  const mechanisms = Object.fromEntries(MECHANISMS.map((m) => [m, measureMechanism(rows.map((r, i) => [r[m], detected[i]![m].level]), question)])) as Record<Mechanism, MechanismMeasure>;
  return { detectorVersion: DETECTOR_VERSION, n: rows.length, mechanisms };
}

const f2 = (x: number | null): string => (x === null ? '  n/a' : (Math.abs(x) < 0.005 ? 0 : x).toFixed(2).padStart(5));

/** The figures as a small text table, one line per mechanism. */
export function formatCalibration(c: EmpathyCalibration): string[] {
  const head = 'mechanism               n   pos  kappa(bin)  kappa(qw)  sens  spec  exact  always-0  has-?';
  return [
    `deterministic empathy detectors v${c.detectorVersion} on ${c.n} labelled replies (kappa(bin): level > 0; kappa(qw): quadratic-weighted on 0/1/2)`,
    head,
    ...MECHANISMS.map((m) => {
      const x = c.mechanisms[m];
      return `${`${m.toUpperCase()} ${MECHANISM_NAMES[m]}`.padEnd(22)} ${String(x.n).padStart(4)} ${String(x.positives).padStart(5)}       ${f2(x.binaryKappa)}      ${f2(x.weightedKappa)} ${f2(x.sensitivity)} ${f2(x.specificity)}  ${f2(x.exactAgreement)}     ${f2(x.baselines.always0)}  ${f2(x.baselines.questionMark)}`;
    }),
  ];
}

export interface RecordMeta { source: string; humanLabelled: boolean; measuredOn: string }

/** The measurement as calibration records (evaluators/empathy/calibration.json), one per mechanism. */
export function toRecords(c: EmpathyCalibration, meta: RecordMeta): MechanismRecord[] {
  return MECHANISMS.map((m) => {
    const x = c.mechanisms[m];
    return {
      mechanism: m, detectorVersion: c.detectorVersion, source: meta.source, humanLabelled: meta.humanLabelled, n: x.n,
      binaryKappa: x.binaryKappa, weightedKappa: x.weightedKappa, sensitivity: x.sensitivity, specificity: x.specificity, measuredOn: meta.measuredOn,
    };
  });
}

/** Adds new records; an older record for the same mechanism, version and source is replaced. */
export function mergeCalibration(old: CalibrationRecord, next: MechanismRecord[]): CalibrationRecord {
  const same = (a: MechanismRecord, b: MechanismRecord): boolean => a.mechanism === b.mechanism && a.detectorVersion === b.detectorVersion && a.source === b.source;
  return { records: [...old.records.filter((o) => !next.some((n) => same(o, n))), ...next] };
}
