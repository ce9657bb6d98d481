import { describe, expect, it } from 'vitest';
import { adverseImpactRatio } from '../../../src/analysis/stats/air.js';

describe('adverse impact ratio', () => {
  it('flags below four fifths', () => {
    expect(adverseImpactRatio(0.3, 0.5)).toEqual({ ratio: 0.6, flagged: true });
    expect(adverseImpactRatio(0.45, 0.5).flagged).toBe(false);
    expect(adverseImpactRatio(0.2, 0).ratio).toBeNull();
  });
});
