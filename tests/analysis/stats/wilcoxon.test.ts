import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from '../../../src/analysis/stats/wilcoxon.js';

describe('Wilcoxon signed-rank', () => {
  it('exact: d = (1.5, -0.5, 2, 3, -1, 4) gives W+ = 18 and p = 10/64', () => {
    // ranks of |d|: 0.5->1, 1->2, 1.5->3, 2->4, 3->5, 4->6; W- = 1 + 2 = 3; subsets of {1..6} with sum <= 3: 5 of 64
    const r = wilcoxonSignedRank([1.5, -0.5, 2, 3, -1, 4]);
    expect(r.method).toBe('exact');
    expect(r.wPlus).toBe(18);
    expect(r.wMinus).toBe(3);
    expect(r.p).toBeCloseTo(10 / 64, 14);
  });
  it('ties use the corrected normal approximation (hand computation)', () => {
    // d = (1, 1, -1, 2, 2, 2, 3, 0): zero dropped, n = 7; |d| ranks: 1,1,1 -> 2; 2,2,2 -> 5; 3 -> 7
    // W+ = 2 + 2 + 5 * 3 + 7 = 26; mu = 14; var = 7*8*15/24 - (24 + 24)/48 = 35 - 1 = 34
    const r = wilcoxonSignedRank([1, 1, -1, 2, 2, 2, 3, 0]);
    expect(r.method).toBe('normal');
    expect(r.n).toBe(7);
    expect(r.wPlus).toBe(26);
    const z = (26 - 14 - 0.5) / Math.sqrt(34);
    expect(r.p).toBeCloseTo(0.0485, 3);
    expect(z).toBeCloseTo(1.9722, 3);
  });
  it('all zero differences give p = 1', () => expect(wilcoxonSignedRank([0, 0]).p).toBe(1));
});
