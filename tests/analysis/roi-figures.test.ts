import { describe, expect, it } from 'vitest';
import { roiFigures } from '../../src/analysis/roi-figures.js';
import { computeRoi } from '../../src/analysis/roi.js';
import type { ClusterRow } from '../../src/analysis/aggregate.js';
import type { CostRow } from '../../src/analysis/costs.js';
import { RoiInputsSchema } from '../../src/schema/config.js';

const inputs = RoiInputsSchema.parse({});
const est = (value: number, low: number, high: number) => ({ est: { value, low, high }, why: null });

describe('ROI figures with intervals (methods.md 6.3)', () => {
  it('the saving interval contains the point and widens with the critical-failure upper bound', () => {
    const narrow = roiFigures(inputs, est(0.5, 0.4, 0.6), est(0.01, 0.005, 0.02), est(0.02, 0.015, 0.03));
    const wide = roiFigures(inputs, est(0.5, 0.4, 0.6), est(0.01, 0.005, 0.2), est(0.02, 0.015, 0.03));
    expect(narrow.savings_ci_low!).toBeLessThan(narrow.monthly_savings!);
    expect(narrow.savings_ci_high!).toBeGreaterThan(narrow.monthly_savings!);
    expect(wide.savings_ci_low!).toBeLessThan(narrow.savings_ci_low! - 50_000);
    expect(wide.monthly_savings).toBe(narrow.monthly_savings);
    expect(narrow.cost_per_resolved).toBeCloseTo(0.04, 12);
    expect(narrow.cost_per_resolved_ci_low!).toBeLessThan(0.04);
    expect(narrow.cost_per_resolved_ci_high!).toBeGreaterThan(0.04);
  });

  it('an unknown price leaves every money figure null, never $0', () => {
    const f = roiFigures(inputs, est(0.5, 0.4, 0.6), est(0.01, 0.005, 0.02), { est: null, why: 'agent cost unknown' });
    expect(f.monthly_savings).toBeNull();
    expect(f.roi).toBeNull();
    expect(f.cost_per_resolved).toBeNull();
    expect(f.note).toMatch(/agent cost unknown/);
  });

  it('computeRoi: unpriced agent calls make the cost unknown; a missing critical-failure score makes money unknown', () => {
    const clusters: ClusterRow[] = Array.from({ length: 6 }, (_, i) => ({
      metric: 'resolution.resolved', approach: 'a', stage: 's', model: 'm', arm: 'gai', scenario_id: `s${i}`, n: 10, s: 3 + (i % 3), bin: true, in01: true, unit: 'rate',
    }));
    const unpriced: CostRow = { approach: 'a', model: 'm', role: 'agent', n_conv: 60, calls: 60, tokens_in: 1, tokens_out: 1, cost_usd_total: null, cost_per_conv: null, cost_per_resolved: null, resolved_rate: 0.4, price_sources: '3 of 60 calls without a price' };
    const [row] = computeRoi(clusters, [unpriced], inputs).filter((r) => r.approach === 'a');
    expect(row!.cost_per_conv).toBeNull();
    expect(row!.monthly_savings).toBeNull();
    expect(row!.note).toMatch(/without a price/);
    const [free] = computeRoi(clusters, [], inputs).filter((r) => r.approach === 'a');
    expect(free!.cost_per_conv).toBe(0);
    expect(free!.monthly_savings).toBeNull();
    expect(free!.note).toMatch(/safety.critical_failure not scored/);
  });
});
