import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MECHANISMS, type Mechanism } from './mechanism.js';

/**
 * Validity status of the deterministic empathy detectors. A mechanism counts as validated only through a measurement
 * against human labels recorded in calibration.json (beside this file) that meets VALIDATION_BAR for the current
 * DETECTOR_VERSION; without one, its metric is an unvalidated screen. `cxbench validity empathy --labels ... --record`
 * writes such records (docs/instruments/empathy.md).
 */

/** Bump whenever any detector's rules change: records measured on another version no longer count. */
export const DETECTOR_VERSION = 2;

/** Binary kappa (level > 0) at least this, on at least this many human-labelled items. */
export const VALIDATION_BAR = { minBinaryKappa: 0.4, minItems: 100 } as const;

export const MechanismRecordSchema = z.strictObject({
  mechanism: z.enum(MECHANISMS),
  detectorVersion: z.number().int().positive(),
  /** Where the labels came from, in words (who labelled, which material). */
  source: z.string().min(1),
  /** True only when people assigned the levels; a bank the project wrote is not human labels. */
  humanLabelled: z.boolean(),
  n: z.number().int().nonnegative(),
  binaryKappa: z.number().nullable(),
  weightedKappa: z.number().nullable(),
  sensitivity: z.number().nullable(),
  specificity: z.number().nullable(),
  /** ISO date of the measurement. */
  measuredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
});
export type MechanismRecord = z.infer<typeof MechanismRecordSchema>;

export const CalibrationRecordSchema = z.strictObject({ records: z.array(MechanismRecordSchema) });
export type CalibrationRecord = z.infer<typeof CalibrationRecordSchema>;

export const DOC = 'docs/instruments/empathy.md';

export function calibrationFile(): string {
  const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'calibration.json');
  // tsc does not copy .json files into dist/: fall back to the source tree.
  return existsSync(here) ? here : here.replace(`${path.sep}dist${path.sep}`, path.sep);
}

export function readCalibration(file = calibrationFile()): CalibrationRecord {
  if (!existsSync(file)) return { records: [] };
  const parsed = CalibrationRecordSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export type MechanismStatus = { validated: true; record: MechanismRecord } | { validated: false; screen: string };

const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));

/** The newest record for the current detector version decides; anything short of the bar leaves a screen. */
export function mechanismStatus(m: Mechanism, cal: CalibrationRecord, version = DETECTOR_VERSION): MechanismStatus {
  const mine = cal.records.filter((r) => r.mechanism === m && r.detectorVersion === version && r.humanLabelled);
  const r = mine.sort((a, b) => b.measuredOn.localeCompare(a.measuredOn))[0];
  if (!r) return { validated: false, screen: `unvalidated screen: not measured against human labels; see ${DOC}` };
  if (r.n < VALIDATION_BAR.minItems) return { validated: false, screen: `unvalidated screen: only ${r.n} human-labelled items (${VALIDATION_BAR.minItems} needed); see ${DOC}` };
  if (r.binaryKappa === null || r.binaryKappa < VALIDATION_BAR.minBinaryKappa) {
    return { validated: false, screen: `unvalidated screen: binary kappa ${fmt(r.binaryKappa)} < ${VALIDATION_BAR.minBinaryKappa} against ${r.source} (n=${r.n}); see ${DOC}` };
  }
  return { validated: true, record: r };
}

export const screenOf = (s: MechanismStatus): string | undefined => (s.validated ? undefined : s.screen);
