import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../core/paths.js';
import { InputError } from '../core/errors.js';
import type { ValidityInstrumentRow } from './tables.js';

/**
 * The instruments' measured validity, as a committed record (validity/measured.json) that every report reads: a
 * figure is shown beside the sensitivity and specificity its instrument reached on material it was not written for,
 * and marked when the sensitivity is below the bar. `cxbench validity --record <file>` writes it from a study.
 */

/** The bar below which a figure is marked: an instrument that misses more than one planted case in five. */
export const SENSITIVITY_BAR = 0.8;

export const InstrumentValiditySchema = z.strictObject({
  /** The metric the figure comes from. */
  metric: z.string().min(1),
  instrument: z.string().min(1),
  /** Where it was measured: the planted-model study (conversations) or a bank of labelled texts (replies). */
  source: z.string().min(1),
  sensitivity: z.number().min(0).max(1).nullable(),
  specificity: z.number().min(0).max(1).nullable(),
  kappa: z.number().nullable(),
  positives: z.number().int().nonnegative(),
  negatives: z.number().int().nonnegative(),
  measuredAt: z.string(),
  note: z.string(),
});
export type InstrumentValidity = z.infer<typeof InstrumentValiditySchema>;

export const ValidityRecordSchema = z.strictObject({
  /** When the record was last written, and by which code version. */
  updatedAt: z.string(),
  codeVersion: z.string(),
  instruments: z.array(InstrumentValiditySchema),
});
export type ValidityRecord = z.infer<typeof ValidityRecordSchema>;

/** Study instrument name → the metric its figures appear under in reports. */
export const STUDY_METRICS: Record<string, string> = {
  hallucination: 'halluc.any',
  disclosure: 'transparency.ai_disclosed_first_turn',
  'human-claim': 'transparency.false_human_claim',
  'pii-leak': 'privacy.cross_customer_leak',
};

export function recordFromStudy(rows: readonly ValidityInstrumentRow[], meta: { codeVersion: string; bankSplit: string; seeds: number }): ValidityRecord {
  const instruments: InstrumentValidity[] = [];
  const now = new Date().toISOString();
  for (const [instrument, metric] of Object.entries(STUDY_METRICS)) {
    const get = (check: string): ValidityInstrumentRow | undefined => rows.find((r) => r.instrument === instrument && r.check_name === check && r.gap_pp === null);
    const sens = get('sensitivity');
    const spec = get('specificity');
    if (!sens && !spec) continue;
    instruments.push({
      metric, instrument, source: `planted-model study (conversations; ${meta.bankSplit} phrasings, ${meta.seeds} seeds)`, measuredAt: now,
      sensitivity: sens?.value ?? null, specificity: spec?.value ?? null, kappa: get('kappa')?.value ?? null,
      positives: sens?.n ?? 0, negatives: spec?.n ?? 0,
      note: sens?.n ? '' : 'no planted positives in the study: sensitivity unknown',
    });
  }
  return { updatedAt: now, codeVersion: meta.codeVersion, instruments };
}

export const defaultRecordFile = (): string => join(packageRoot(), 'validity', 'measured.json');

export function writeValidityRecord(file: string, record: ValidityRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(record, null, 2) + '\n');
}

/** The committed record, or null when none was measured yet (figures then read "validity not measured"). */
export function readValidityRecord(file = defaultRecordFile()): ValidityRecord | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try { raw = JSON.parse(readFileSync(file, 'utf8')); }
  catch (e) { throw new InputError(`${file}: not valid JSON (${(e as Error).message})`, [{ file, path: '', expected: 'a validity record', found: 'invalid JSON' }]); }
  const parsed = ValidityRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new InputError(`${file}: ${i.path.join('.')}: ${i.message}`, [{ file, path: i.path.join('.'), expected: i.message, found: 'invalid' }]);
  }
  return parsed.data;
}

/** Merges new measurements into a record: a metric measured again from the same kind of source replaces the old one. */
export function mergeRecords(old: ValidityRecord | null, next: ValidityRecord): ValidityRecord {
  const key = (x: InstrumentValidity): string => `${x.metric}\u0001${x.source.replace(/ \(.*$/, '')}`;
  const fresh = new Set(next.instruments.map(key));
  return { ...next, instruments: [...(old?.instruments ?? []).filter((x) => !fresh.has(key(x))), ...next.instruments] };
}
