import { describe, expect, it } from 'vitest';
import { nameVariance, satterthwaite, type NameCell } from '../../../src/analysis/stats/name-effects.js';
import { mulberry32 } from '../../../src/analysis/stats/prng.js';
import { gaussian } from '../../../src/analysis/stats/simulate.js';

const cells = (effects: Record<string, number>, scenarios: number, noise: () => number): NameCell[] =>
  Array.from({ length: scenarios }, (_, s) => Object.entries(effects).map(([name, e]) => ({ scenario: `s${s}`, stratum: name.split('-')[0]!, name, y: s * 0.1 + e + noise() }))).flat();

describe('nameVariance (methods.md 2.4)', () => {
  it('is 0 when same-group names do not differ beyond noise-free scenario effects', () => {
    const v = nameVariance(cells({ 'a-1': 0, 'a-2': 0, 'b-1': 0.5, 'b-2': 0.5 }, 5, () => 0))!;
    expect(v.tau2).toBe(0);
    expect(v.df).toBeNull();
    expect(v.strata).toBe(2);
  });

  it('recovers the spread of name effects and subtracts scenario-by-name noise', () => {
    const r = mulberry32(3);
    const effects: Record<string, number> = {};
    for (let g = 0; g < 40; g++) for (let k = 0; k < 3; k++) effects[`g${g}-${k}`] = 0.5 * gaussian(r);
    // the spread the drawn effects actually have within their groups (the estimator's target)
    let ss = 0;
    for (let g = 0; g < 40; g++) {
      const e = [0, 1, 2].map((k) => effects[`g${g}-${k}`]!);
      const m = (e[0]! + e[1]! + e[2]!) / 3;
      ss += e.reduce((a, x) => a + (x - m) ** 2, 0);
    }
    const v = nameVariance(cells(effects, 30, () => gaussian(r)))!;
    // the raw spread of name means would be about tau^2 + 1/30; the noise part is subtracted
    expect(Math.abs(v.tau2 - ss / 80)).toBeLessThan(0.03);
    expect(v.df!).toBeGreaterThan(30);
  });

  it('one name per group gives nothing to estimate from', () => {
    expect(nameVariance(cells({ 'a-1': 0, 'b-1': 1 }, 5, () => 0))).toBeNull();
  });

  it('Satterthwaite: one part keeps its df, equal parts add theirs', () => {
    expect(satterthwaite([{ v: 2, df: 7 }])).toBeCloseTo(7, 12);
    expect(satterthwaite([{ v: 1, df: 5 }, { v: 1, df: 5 }])).toBeCloseTo(10, 12);
    expect(satterthwaite([{ v: 0, df: 5 }])).toBeNull();
  });
});
