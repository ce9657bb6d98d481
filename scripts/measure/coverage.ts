/**
 * Prints the coverage and false-flag tables behind methods.md 5.9 with more replicates than the CI test.
 *   npx tsx scripts/measure/coverage.ts [coverage reps = 5000] [placebo reps = 1000]
 * Seeded: the same command prints the same tables.
 */
import { checkPowerBySimulation } from '../../src/analysis/power.js';
import { COVERAGE_CASES, ICC, measureCoverage } from '../../src/analysis/simulation/coverage.js';
import { measurePlacebo } from '../../src/analysis/simulation/placebo.js';
import { pairedSampleSize } from '../../src/analysis/stats/sample-size.js';

const coverageReps = Number(process.argv[2] ?? 5000);
const placeboReps = Number(process.argv[3] ?? 1000);
const SEED = 7001;
const f3 = (x: number): string => x.toFixed(3);

console.log(`## Coverage of nominal 95% intervals (ICC ${ICC}, 4-16 conversations per scenario, ${coverageReps} studies per cell)\n`);
const sizes = [4, 6, 12, 60];
console.log(`| quantity | interval | ${sizes.map((g) => `G = ${g}`).join(' | ')} |`);
console.log(`|---|---|${sizes.map(() => '---').join('|')}|`);
for (const c of COVERAGE_CASES) {
  const cells = sizes.map((g) => {
    const r = measureCoverage(c, g, coverageReps, SEED + g);
    return `${f3(r.coverage)} (${f3(r.missLow)}/${f3(r.missHigh)})`;
  });
  console.log(`| ${c.id} | ${c.interval} | ${cells.join(' | ')} |`);
}
console.log('\nEach cell: coverage (share of studies with the truth below / above the interval).\n');

console.log(`## Bias audit placebo: no group effect, name-specific effects (${placeboReps} studies per row, 2 comparison groups)\n`);
console.log('| outcome | scenarios | names per group | name sd | false-flag rate per primary test | previous rule (names fixed) |');
console.log('|---|---|---|---|---|---|');
for (const kind of ['continuous', 'binary'] as const) {
  for (const scenarios of [6, 20, 60]) {
    for (const namesPerGroup of [2, 4]) {
      for (const nameSd of [0, 0.3, 0.6]) {
        const r = measurePlacebo({ scenarios, namesPerGroup, nameSd, kind, epochs: 2 }, placeboReps, SEED + scenarios * 10 + namesPerGroup);
        console.log(`| ${kind} | ${scenarios} | ${namesPerGroup} | ${nameSd} | ${f3(r.falseFlagRate)} | ${f3(r.namesFixedRate)} |`);
      }
    }
  }
}

console.log('\n## Sample-size advice (paired t) checked by simulation (4000 studies each)\n');
console.log('| sd / delta | alpha | advised scenarios | simulated power | power with 2 fewer |');
console.log('|---|---|---|---|---|');
for (const [sd, alpha] of [[1, 0.05], [2, 0.05], [3, 0.05], [1, 0.05 / 30], [2, 0.05 / 30]] as const) {
  const n = pairedSampleSize({ sd, delta: 1, alpha });
  const power = checkPowerBySimulation({ n, sd, delta: 1, alpha, reps: 4000, seed: SEED });
  const fewer = checkPowerBySimulation({ n: n - 2, sd, delta: 1, alpha, reps: 4000, seed: SEED + 1 });
  console.log(`| ${sd} | ${alpha === 0.05 ? '0.05' : '0.05/30'} | ${n} | ${f3(power)} | ${f3(fewer)} |`);
}
