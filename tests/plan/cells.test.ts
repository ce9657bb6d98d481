import { describe, expect, it } from 'vitest';
import { cellKey, planCells } from '../../src/plan/cells.js';
import { loadSuite } from '../../src/plan/suite.js';

const CONFIG = 'tests/fixtures/suite/config.yaml';

describe('planCells', () => {
  it('expands approach x scenario x persona variant x model x epoch', () => {
    const suite = loadSuite(CONFIG, { epochs: 2 });
    const cells = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets);
    // tst-return has 4 name variants, tst-offer none (baseline only): (4 + 1) x 1 model x 2 epochs
    expect(cells).toHaveLength(10);
    expect(new Set(cells.map((c) => c.cell.key)).size).toBe(10);
    expect(cells.filter((c) => c.cell.scenarioId === 'tst-offer').every((c) => c.cell.variantSet === 'base')).toBe(true);
  });

  it('gives the same key for the same parts, and another key when any part changes', () => {
    const base = { approach: 'a', promptVersion: 1, scenarioId: 's', scenarioVersion: 1, variantSet: 'v', variantId: 'x', model: 'rules', epoch: 0, settings: 'abc' };
    expect(cellKey(base)).toBe(cellKey({ ...base }));
    for (const [k, v] of Object.entries({ approach: 'b', promptVersion: 2, scenarioId: 't', scenarioVersion: 2, variantSet: 'w', variantId: 'y', model: 'openai:x', epoch: 1, settings: 'abd' })) {
      expect(cellKey({ ...base, [k]: v })).not.toBe(cellKey(base));
    }
  });

  it('keys do not depend on the run: planning twice gives identical keys', () => {
    const a = loadSuite(CONFIG);
    const b = loadSuite(CONFIG);
    const keys = (s: typeof a) => planCells(s.scenarios, s.approaches, s.models, s.config, s.datasets).map((c) => c.cell.key);
    expect(keys(a)).toEqual(keys(b));
  });

  it('persona variants can be switched off', () => {
    const suite = loadSuite(CONFIG, { personaVariants: 'none' });
    expect(planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets)).toHaveLength(2);
  });
});
