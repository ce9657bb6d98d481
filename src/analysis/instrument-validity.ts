import { metricCatalog } from '../../evaluators/index.js';
import type { MetricInfo } from '../score/types.js';
import { readValidityRecord, SENSITIVITY_BAR, type ValidityRecord } from '../validity/record.js';
import { defineTable, type RowOf } from './table.js';

/**
 * Each text instrument's measured validity, beside the figures it produces: the committed validity record
 * (validity/measured.json, written by `cxbench validity --record`) joined to the metric catalog. Reports read this
 * table to show sensitivity and specificity next to a figure and to mark figures whose instrument is below the bar,
 * is an unvalidated screen, or was never measured. Unknown is never shown as valid.
 */

export const INSTRUMENT_VALIDITY = defineTable('instrument_validity', {
  metric: 'VARCHAR', title: 'VARCHAR', family: 'VARCHAR',
  /** validated | below-bar | screen | not-measured */
  status: 'VARCHAR',
  sensitivity: 'DOUBLE', specificity: 'DOUBLE', kappa: 'DOUBLE', positives: 'INTEGER', negatives: 'INTEGER',
  source: 'VARCHAR', measured_at: 'VARCHAR', note: 'VARCHAR',
});
export type InstrumentValidityRow = RowOf<typeof INSTRUMENT_VALIDITY.columns>;

/** Families whose metrics read text (detectors): their figures need a measured validity. Counts and costs do not. */
export const TEXT_FAMILIES: ReadonlySet<string> = new Set(['halluc', 'transparency', 'empathy', 'manipulation', 'privacy']);

export const VALIDITY_STATUSES = ['validated', 'below-bar', 'screen', 'not-measured'] as const;
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number];

export function instrumentValidityRows(catalog: readonly MetricInfo[], record: ValidityRecord | null): InstrumentValidityRow[] {
  const rows: InstrumentValidityRow[] = [];
  for (const m of catalog) {
    const measured = (record?.instruments ?? []).filter((x) => x.metric === m.id);
    const isText = (TEXT_FAMILIES.has(m.family) && m.unit === 'rate') || m.screen !== undefined || measured.length > 0;
    if (!isText || /judge|tokens/.test(m.id)) continue;
    const base = { metric: m.id, title: m.title, family: m.family };
    if (m.screen !== undefined && measured.length === 0) {
      rows.push({ ...base, status: 'screen', sensitivity: null, specificity: null, kappa: null, positives: null, negatives: null, source: null, measured_at: null, note: m.screen });
      continue;
    }
    if (measured.length === 0) {
      rows.push({ ...base, status: 'not-measured', sensitivity: null, specificity: null, kappa: null, positives: null, negatives: null, source: null, measured_at: null, note: 'no measurement of this instrument on material it was not written for' });
      continue;
    }
    for (const x of measured) {
      const status: ValidityStatus = m.screen !== undefined ? 'screen' : x.sensitivity === null ? 'not-measured' : x.sensitivity < SENSITIVITY_BAR ? 'below-bar' : 'validated';
      rows.push({
        ...base, status, sensitivity: x.sensitivity, specificity: x.specificity, kappa: x.kappa, positives: x.positives, negatives: x.negatives,
        source: x.source, measured_at: x.measuredAt,
        note: [x.note, status === 'below-bar' ? `sensitivity below ${SENSITIVITY_BAR}: figures from this instrument undercount` : '', m.screen ?? ''].filter(Boolean).join('; '),
      });
    }
  }
  return rows;
}

export const computeInstrumentValidity = (): InstrumentValidityRow[] => instrumentValidityRows(metricCatalog(), readValidityRecord());
