import { describe, expect, it } from 'vitest';
import { instrumentValidityRows } from '../../src/analysis/instrument-validity.js';
import type { MetricInfo } from '../../src/score/types.js';
import type { ValidityRecord } from '../../src/validity/record.js';

const m = (id: string, extra: Partial<MetricInfo> = {}): MetricInfo => ({ id, family: id.split('.')[0]!, title: id, unit: 'rate', direction: 'lower-better', description: '', ...extra });
const record = (sens: number | null): ValidityRecord => ({
  updatedAt: '2026-12-04T00:00:00Z', codeVersion: 'x',
  instruments: [{ metric: 'halluc.any', instrument: 'hallucination', source: 'study', sensitivity: sens, specificity: 0.97, kappa: 0.8, positives: 50, negatives: 100, measuredAt: '2026-12-04T00:00:00Z', note: '' }],
});

describe('instrument validity beside the figures', () => {
  const catalog = [m('halluc.any'), m('transparency.false_human_claim'), m('empathy.er', { unit: 'score', screen: 'unvalidated screen: no human labels' }), m('cost.usd', { unit: 'usd' })];

  it('marks a measured instrument validated at or above the bar and below-bar under it', () => {
    expect(instrumentValidityRows(catalog, record(0.85)).find((r) => r.metric === 'halluc.any')!.status).toBe('validated');
    const low = instrumentValidityRows(catalog, record(0.42)).find((r) => r.metric === 'halluc.any')!;
    expect(low.status).toBe('below-bar');
    expect(low.note).toContain('below 0.8');
  });

  it('says "not measured" for a text instrument with no record, never valid', () => {
    const rows = instrumentValidityRows(catalog, null);
    expect(rows.find((r) => r.metric === 'halluc.any')!.status).toBe('not-measured');
    expect(rows.find((r) => r.metric === 'transparency.false_human_claim')!.sensitivity).toBeNull();
  });

  it('keeps screens labelled as screens, and leaves non-text metrics out', () => {
    const rows = instrumentValidityRows(catalog, record(0.9));
    expect(rows.find((r) => r.metric === 'empathy.er')!.status).toBe('screen');
    expect(rows.some((r) => r.metric === 'cost.usd')).toBe(false);
  });
});
