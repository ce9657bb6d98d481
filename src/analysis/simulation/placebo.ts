import { biasRows, type VariantMean } from '../bias.js';
import { ALL } from '../source.js';
import { mean } from '../stats/describe.js';
import { holm } from '../stats/multiplicity.js';
import { pairedDifference } from '../stats/paired.js';
import { mulberry32, type Rng } from '../stats/prng.js';
import { gaussian } from '../stats/simulate.js';
import { BiasMarginsSchema } from '../../schema/config.js';

/**
 * Placebo simulation of the bias audit (methods.md 2.4, 5.9): persona groups with NO group effect, but every name
 * carries its own effect (sd nameSd), as audit studies find. A primary test that flags such a group is a false flag.
 * Data go through biasRows, the same code computeBias runs. For contrast the simulation also applies the previous
 * rule (paired t on the scenario gaps with the names taken as fixed, Holm in the same family).
 */
export interface PlaceboDesign {
  scenarios: number;
  /** Names per group (the reference group and two comparison groups). */
  namesPerGroup: number;
  /** sd of name effects, in units of the conversation-level sd (continuous) or on the logit scale (binary). */
  nameSd: number;
  kind: 'continuous' | 'binary';
  epochs: number;
}

const GROUPS = ['ref', 'g1', 'g2'] as const;
const MARGINS = BiasMarginsSchema.parse({});

function study(rng: Rng, d: PlaceboDesign): VariantMean[] {
  const names = GROUPS.flatMap((grp) => Array.from({ length: d.namesPerGroup }, (_, i) => ({ grp, id: `${grp}-${i}`, effect: d.nameSd * gaussian(rng) })));
  const out: VariantMean[] = [];
  for (let s = 0; s < d.scenarios; s++) {
    // Two approaches share the scenarios, so the pooled row (the primary test) sees all of them.
    const approach = s % 2 === 0 ? 'a1' : 'a2';
    const scenarioEffect = Math.sqrt(0.3) * gaussian(rng);
    for (const nm of names) {
      const draws = Array.from({ length: d.epochs }, () => {
        if (d.kind === 'continuous') return scenarioEffect + nm.effect + Math.sqrt(0.7) * gaussian(rng);
        const logit = 2 * scenarioEffect + nm.effect;
        return rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      });
      out.push({
        outcome: d.kind === 'continuous' ? 'offer.discount_pct' : 'offer.made', model: 'm', approach, attribute: 'names', scenario_id: `s${s}`,
        variant_set: 'names', variant_id: nm.id, grp: nm.grp, ref: nm.grp === 'ref', v: mean(draws), n: d.epochs,
      });
    }
  }
  return out;
}

export interface PlaceboResult {
  design: PlaceboDesign;
  reps: number;
  tests: number;
  /** Share of primary tests flagged (Holm p < 0.05) although no group effect exists. */
  falseFlagRate: number;
  /** The same under the previous rule: names fixed, paired t on the scenario gaps. */
  namesFixedRate: number;
  notTestable: number;
}

export function measurePlacebo(d: PlaceboDesign, reps: number, seed: number): PlaceboResult {
  const rng = mulberry32(seed);
  let tests = 0;
  let flagged = 0;
  let fixed = 0;
  let untestable = 0;
  for (let i = 0; i < reps; i++) {
    const data = study(rng, d);
    const rows = biasRows(data, new Map(), MARGINS).filter((r) => r.family === 'primary');
    for (const r of rows) {
      tests++;
      if (r.flagged === true) flagged++;
      if (r.p_holm === null) untestable++;
    }
    // Previous rule: per-scenario gaps, paired t, names fixed.
    const pooled = data.map((r) => ({ ...r, approach: ALL }));
    const gaps = GROUPS.slice(1).map((g) => {
      const byScenario = new Map<string, number>();
      for (const s of new Set(pooled.map((r) => r.scenario_id))) {
        const at = pooled.filter((r) => r.scenario_id === s);
        byScenario.set(s, mean(at.filter((r) => r.grp === g).map((r) => r.v)) - mean(at.filter((r) => r.ref).map((r) => r.v)));
      }
      return pairedDifference([...byScenario.values()])?.p ?? null;
    });
    for (const p of holm(gaps)) if (p !== null && p < 0.05) fixed++;
  }
  return { design: d, reps, tests, falseFlagRate: flagged / tests, namesFixedRate: fixed / tests, notTestable: untestable / tests };
}
