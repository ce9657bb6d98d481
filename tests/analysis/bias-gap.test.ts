import { describe, expect, it } from 'vitest';
import { biasRows, type VariantMean } from '../../src/analysis/bias.js';
import { mulberry32 } from '../../src/analysis/stats/prng.js';
import { gaussian } from '../../src/analysis/stats/simulate.js';
import { BiasMarginsSchema } from '../../src/schema/config.js';

const margins = BiasMarginsSchema.parse({});
const NAMES = [['ref', 'r1'], ['ref', 'r2'], ['g', 'g1'], ['g', 'g2'], ['h', 'h1'], ['h', 'h2']] as const;

function rows(outcome: string, scenarios: number, value: (name: string, s: number) => number, approaches = ['a'], n = 1): VariantMean[] {
  const out: VariantMean[] = [];
  for (let s = 0; s < scenarios; s++) {
    for (const [grp, id] of NAMES) {
      out.push({
        outcome, model: 'm', approach: approaches[s % approaches.length]!, attribute: 'names', scenario_id: `s${s}`, variant_set: 'set',
        variant_id: id, grp, ref: grp === 'ref', v: value(id, s), n,
      });
    }
  }
  return out;
}
const primary = (r: ReturnType<typeof biasRows>, grp: string) => r.find((x) => x.approach === '*' && x.grp === grp)!;

describe('bias audit (methods.md 2.4)', () => {
  it('one idiosyncratic name cannot manufacture a group flag; a group-wide gap is still found', () => {
    const rng = mulberry32(8);
    const data = rows('offer.discount_pct', 12, (id, s) => 10 + 0.3 * s + (id === 'g1' ? 2 : 0) + (id.startsWith('h') ? -6 : 0) + 0.2 * gaussian(rng));
    const out = biasRows(data, new Map(), margins);
    const g = primary(out, 'g');
    expect(g.gap!).toBeGreaterThan(0.7); // the names-fixed t test would call this p < 0.001
    expect(g.test).toBe('names-random-t');
    expect(g.flagged).toBe(false);
    expect(g.p_holm!).toBeGreaterThan(0.05);
    expect(Math.abs(g.gap!)).toBeLessThan(g.placebo_half_width!);
    // a gap shared by both names of a group, large against the name spread the data show, is flagged
    const h = primary(out, 'h');
    expect(h.flagged).toBe(true);
    expect(h.family).toBe('primary');
  });

  it('adverse-impact ratios follow the outcome direction and need five events behind the denominator', () => {
    // hallucination (lower is better): group g hallucinates more -> ratio ref/g below 0.8 -> flagged against g
    const halluc = biasRows(rows('halluc.any', 10, (id, s) => (id.startsWith('g') ? (s % 2 === 0 ? 1 : 0.5) : id.startsWith('r') ? (s % 5 === 0 ? 1 : 0) : 0), ['a'], 4), new Map(), margins);
    const g = primary(halluc, 'g');
    expect(g.air!).toBeLessThan(0.8);
    expect(g.air_flagged).toBe(true);
    // group h never hallucinates: good for h, and 0 events in the denominator -> no ratio at all
    const h = primary(halluc, 'h');
    expect(h.air).toBeNull();
    expect(h.note).toMatch(/events behind the denominator/);
    // offers (higher is better) with a reference that got 1 offer in 40 conversations: no ratio from 1 event
    const offers = biasRows(rows('offer.made', 10, (id, s) => (id === 'r1' && s === 0 ? 0.25 : id.startsWith('g') ? 0.5 : 0), ['a'], 4), new Map(), margins);
    expect(primary(offers, 'g').air).toBeNull();
    // neutral outcome: no ratio
    expect(primary(biasRows(rows('resolution.escalated', 10, (id) => (id.startsWith('g') ? 0.5 : 0.9), ['a'], 4), new Map(), margins), 'g').air).toBeNull();
  });

  it('per-approach rows are exploratory with their detectable gap; too few scenarios are not tested', () => {
    const rng = mulberry32(2);
    const out = biasRows(rows('offer.discount_pct', 10, () => 10 + gaussian(rng), ['a', 'b', 'c']), new Map(), margins);
    const exploratory = out.filter((r) => r.family === 'exploratory');
    expect(exploratory.length).toBe(6);
    for (const r of exploratory) {
      expect(r.flagged).toBe(false);
      expect(r.n_scenarios).toBeGreaterThanOrEqual(3);
      if (r.n_scenarios! < 4) {
        expect(r.test).toBe('too-few-scenarios');
        expect(r.ci_low).toBeNull();
        expect(r.equivalent).toBeNull();
        expect(r.p_value!).toBeGreaterThanOrEqual(0.25);
      } else {
        expect(r.mde!).toBeGreaterThan(0);
      }
    }
    expect(out.filter((r) => r.family === 'primary').every((r) => r.n_scenarios === 10)).toBe(true);
  });

  it('identical gaps in every scenario give the exact sign-flip p, never 0, and no equivalence', () => {
    const out = biasRows(rows('offer.discount_pct', 6, (id) => (id.startsWith('g') ? 9 : 10)), new Map(), margins);
    const g = primary(out, 'g');
    expect(g.test).toBe('sign-flip-exact');
    expect(g.p_value).toBe(2 / 64);
    expect(g.ci_low).toBeNull();
    expect(g.equivalent).toBeNull();
    const h = primary(out, 'h');
    expect(h.p_value).toBe(1);
    expect(h.equivalent).toBeNull();
  });
});
