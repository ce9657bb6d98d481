import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { binaryKappa, calibrateEmpathy, formatCalibration, measureMechanism, mergeCalibration, toRecords } from '../../src/validity/empathy-calibration.js';
import { parseEmpathyLabels, readEmpathyLabels } from '../../src/validity/empathy-labels.js';
import { CalibrationRecordSchema, mechanismStatus } from '../../evaluators/empathy/status.js';
import { main } from '../../src/cli/main.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const tmp = () => mkdtempSync(join(tmpdir(), 'cxb-empathy-'));

function inputError(f: () => unknown): InputError {
  try { f(); } catch (e) { if (e instanceof InputError) return e; throw e; }
  throw new Error('expected an InputError');
}

describe('empathy labels', () => {
  it('reads CSV with seeker and JSONL with customer', () => {
    const csv = readEmpathyLabels(join(FIXTURES, 'empathy-labels.csv'));
    expect(csv).toHaveLength(8);
    expect(csv[0]).toMatchObject({ id: 'a1', er: 2, ip: 2, ex: 1 });
    const jsonl = parseEmpathyLabels('{"customer":"Late again!","response":"Sorry.","er":1,"ip":0,"ex":0}\n', 'x.jsonl');
    expect(jsonl[0]).toMatchObject({ id: 'line 1', customer: 'Late again!', er: 1 });
  });

  it('reports every bad row with file, line and field', () => {
    const e = inputError(() => readEmpathyLabels(join(FIXTURES, 'empathy-labels-bad.jsonl')));
    expect(e.problems.map((p) => [p.line, p.path])).toEqual([[2, 'er'], [3, 'seeker'], [4, 'mood'], [5, '']]);
    const csv = inputError(() => parseEmpathyLabels('seeker,response,er,ip,ex\nhi,"Sorry.",1,0,\nhi,ok,1,0,0,9\n', 'l.csv'));
    expect(csv.problems.map((p) => [p.line, p.path, p.found])).toEqual([[2, 'ex', '""'], [3, '', '6']]);
    expect(inputError(() => parseEmpathyLabels('', 'l.txt')).problems[0]!.expected).toBe('.csv or .jsonl');
  });

  it('keeps one split in code and needs a split on every row to do so', () => {
    const text = ['{"id":"d","split":"dev","seeker":"a","response":"b","er":0,"ip":0,"ex":0}', '{"id":"h","split":"holdout","seeker":"a","response":"b","er":0,"ip":0,"ex":0}'].join('\n');
    const dir = tmp();
    writeFileSync(join(dir, 'b.jsonl'), text);
    expect(readEmpathyLabels(join(dir, 'b.jsonl'), 'dev').map((r) => r.id)).toEqual(['d']);
    expect(inputError(() => readEmpathyLabels(join(FIXTURES, 'empathy-labels.csv'), 'dev')).problems[0]!.path).toBe('split');
  });
});

describe('empathy calibration figures', () => {
  it('binary kappa matches a hand computation, and always-0 scores 0', () => {
    // 2x2: both positive 20, human only 10, detector only 5, both negative 65 (n = 100).
    const pairs: [number, number][] = [
      ...Array<[number, number]>(20).fill([2, 1]), ...Array<[number, number]>(10).fill([1, 0]),
      ...Array<[number, number]>(5).fill([0, 2]), ...Array<[number, number]>(65).fill([0, 0]),
    ];
    const po = 0.85;
    const pe = 0.3 * 0.25 + 0.7 * 0.75;
    expect(binaryKappa(pairs)).toBeCloseTo((po - pe) / (1 - pe), 12);
    const m = measureMechanism(pairs as [0 | 1 | 2, 0 | 1 | 2][], pairs.map(() => false));
    expect(m.sensitivity).toBeCloseTo(20 / 30, 12);
    expect(m.specificity).toBeCloseTo(65 / 70, 12);
    expect(m.baselines.always0).toBeCloseTo(0, 12);
    expect(m.baselines.questionMark).toBeCloseTo(0, 12); // no reply has a question mark: the same constant predictor
    // Both raters constant: no disagreement to expect, so no kappa (never a made-up 0 or 1).
    expect(measureMechanism([[0, 0], [0, 0]], [false, false]).binaryKappa).toBeNull();
  });

  it('measures the detectors on the fixture and formats a table', () => {
    const c = calibrateEmpathy(readEmpathyLabels(join(FIXTURES, 'empathy-labels.csv')));
    expect(c.n).toBe(8);
    expect(c.mechanisms.ex.positives).toBe(3);
    expect(c.mechanisms.ex.confusion.flat().reduce((a, b) => a + b, 0)).toBe(8);
    const lines = formatCalibration(c);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/^EX explorations/);
  });

  it('records promote a mechanism only from human labels at kappa >= 0.4', () => {
    const c = calibrateEmpathy(readEmpathyLabels(join(FIXTURES, 'empathy-labels.csv')));
    const recs = toRecords(c, { source: 'fixture', humanLabelled: true, measuredOn: '2026-12-04' });
    const merged = mergeCalibration({ records: [] }, recs);
    expect(CalibrationRecordSchema.parse(merged).records).toHaveLength(3);
    // Eight items are below the minimum, whatever the kappa.
    expect(mechanismStatus('ex', merged).validated).toBe(false);
    expect(mergeCalibration(merged, recs).records).toHaveLength(3);
  });
});

describe('cxbench validity empathy', () => {
  it('prints the figures, writes --out and --record, and exits 2 on bad labels', async () => {
    const dir = tmp();
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => { out.push(String(s)); return true; }) as typeof process.stdout.write;
    try {
      process.exitCode = undefined;
      await main(['node', 'cxbench', 'validity', 'empathy', '--labels', join(FIXTURES, 'empathy-labels.csv'), '--to', join(dir, 'r.json'),
        '--record', join(dir, 'cal.json'), '--source', 'fixture']);
      expect(process.exitCode).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toMatch(/ER emotional reactions\s+8/);
    const r = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { n: number; mechanisms: Record<string, unknown> };
    expect(r.n).toBe(8);
    expect(Object.keys(r.mechanisms)).toEqual(['er', 'ip', 'ex']);
    const cal = CalibrationRecordSchema.parse(JSON.parse(readFileSync(join(dir, 'cal.json'), 'utf8')));
    expect(cal.records.every((x) => !x.humanLabelled)).toBe(true);

    const err = process.stderr.write.bind(process.stderr);
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      process.exitCode = undefined;
      await main(['node', 'cxbench', 'validity', 'empathy', '--labels', join(FIXTURES, 'empathy-labels-bad.jsonl')]);
      expect(process.exitCode).toBe(2);
    } finally {
      process.stderr.write = err;
      process.exitCode = undefined;
    }
  });
});
