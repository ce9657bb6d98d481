import { describe, expect, it } from 'vitest';
import { agreementOf } from '../../src/analysis/instrument-agreement.js';

describe('judge vs deterministic agreement per construct', () => {
  it("gives agreement and Cohen's kappa when both instruments are 0/1", () => {
    // 8 agree (4 both 1, 4 both 0), 2 disagree: po = 0.8, pe = 0.5 -> kappa 0.6
    const pairs = [...Array(4).fill({ d: 1, j: 1 }), ...Array(4).fill({ d: 0, j: 0 }), { d: 1, j: 0 }, { d: 0, j: 1 }];
    const r = agreementOf('m', 'halluc.any', 'halluc.judge_any', pairs);
    expect(r.both_binary).toBe(true);
    expect(r.agreement).toBeCloseTo(0.8, 12);
    expect(r.kappa).toBeCloseTo(0.6, 12);
  });

  it('gives the mean absolute difference for graded scores, and says so when nothing was scored by both', () => {
    const r = agreementOf('m', 'empathy.er', 'empathy.judge_er', [{ d: 0.5, j: 1 }, { d: 1, j: 1 }]);
    expect(r.both_binary).toBe(false);
    expect(r.kappa).toBeNull();
    expect(r.mean_abs_diff).toBeCloseTo(0.25, 12);
    expect(agreementOf('m', 'a', 'b', []).note).toContain('no conversation');
  });
});
