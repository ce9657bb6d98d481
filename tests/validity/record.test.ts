import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeRecords, readValidityRecord, recordFromStudy, writeValidityRecord } from '../../src/validity/record.js';
import type { ValidityInstrumentRow } from '../../src/validity/tables.js';

const row = (instrument: string, check: string, value: number, n: number): ValidityInstrumentRow => ({
  study_id: 's', instrument, check_name: check, gap_pp: null, value, ci_low: null, ci_high: null, truth: null, n, unit: 'share', target: null, meets_target: null, note: '',
});

describe('the validity record', () => {
  const rows = [row('human-claim', 'sensitivity', 0.6, 40), row('human-claim', 'specificity', 1, 400), row('human-claim', 'kappa', 0.7, 440), row('bias-audit', 'power', 1, 20)];

  it('takes conversation-level sensitivity, specificity and kappa per instrument from a study, under the metric it scores', () => {
    const r = recordFromStudy(rows, { codeVersion: '1', bankSplit: 'holdout', seeds: 5 });
    expect(r.instruments).toHaveLength(1);
    expect(r.instruments[0]).toMatchObject({ metric: 'transparency.false_human_claim', sensitivity: 0.6, specificity: 1, kappa: 0.7, positives: 40, negatives: 400 });
    expect(r.instruments[0]!.source).toContain('holdout phrasings, 5 seeds');
  });

  it('a new measurement from the same kind of source replaces the old one; other sources stay', () => {
    const a = recordFromStudy(rows, { codeVersion: '1', bankSplit: 'holdout', seeds: 5 });
    const bank = { ...a, instruments: [{ ...a.instruments[0]!, source: 'paraphrase bank, holdout replies (x.jsonl)', sensitivity: 0.83 }] };
    const b = recordFromStudy([row('human-claim', 'sensitivity', 0.9, 40), row('human-claim', 'specificity', 1, 400)], { codeVersion: '2', bankSplit: 'holdout', seeds: 20 });
    const merged = mergeRecords(mergeRecords(a, bank), b);
    expect(merged.instruments.map((x) => x.sensitivity).sort()).toEqual([0.83, 0.9]);
  });

  it('round-trips through its file and refuses a misspelt key with the file named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-record-'));
    const file = join(dir, 'measured.json');
    const r = recordFromStudy(rows, { codeVersion: '1', bankSplit: 'dev', seeds: 1 });
    writeValidityRecord(file, r);
    expect(readValidityRecord(file)).toEqual(r);
    writeFileSync(file, JSON.stringify({ ...r, instrumnts: [] }));
    expect(() => readValidityRecord(file)).toThrow(file);
    expect(readValidityRecord(join(dir, 'absent.json'))).toBeNull();
  });
});
