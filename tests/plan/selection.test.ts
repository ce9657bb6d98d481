import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { emptyIndex } from '../../src/plan/datasets.js';
import { approachCoverage, checkApproachIds, checkVariantSets, didYouMean, scenarioFilesChecked, unusedVariantSets } from '../../src/plan/selection.js';
import type { PersonaSet } from '../../src/schema/datasets.js';
import type { Scenario } from '../../src/schema/scenario.js';

const thrown = (f: () => unknown): InputError => {
  try { f(); } catch (e) { if (e instanceof InputError) return e; throw e; }
  throw new Error('expected an InputError');
};

const scenario = (approach: string, variantSets: string[]): Scenario => ({ approach, persona: { variantSets } }) as unknown as Scenario;

describe('selection checks', () => {
  it('didYouMean suggests only a close name', () => {
    expect(didYouMean('race-gendr', ['age', 'race-gender'])).toBe(' (did you mean "race-gender"?)');
    expect(didYouMean('zzz', ['age', 'race-gender'])).toBe('');
  });

  it('unknown variant sets are one problem each, naming the field and the valid sets; all/none/known pass', () => {
    const data = emptyIndex();
    data.personaSets.set('race-gender', { id: 'race-gender' } as PersonaSet);
    data.personaSets.set('age', { id: 'age' } as PersonaSet);
    for (const ok of ['all', 'none', ['age'], ['race-gender', 'age']] as const) expect(() => checkVariantSets(ok as 'all' | string[], data, 'c.yaml', 'personaVariants')).not.toThrow();
    const e = thrown(() => checkVariantSets(['race-gendr', 'age', 'x'], data, 'command line', '--variants'));
    expect(e.problems.map((p) => p.path)).toEqual(['--variants.0', '--variants.2']);
    expect(e.problems[0]!.expected).toBe('a persona-variant set: all, none, age, race-gender');
    expect(e.message).toContain('"race-gendr" (did you mean "race-gender"?), "x"');
  });

  it('a requested set no scenario uses warns; all-unused says the bias audit has nothing to compare', () => {
    const sc = [scenario('a', ['race-gender'])];
    expect(unusedVariantSets(['race-gender'], sc)).toEqual([]);
    expect(unusedVariantSets('all', sc)).toEqual([]);
    expect(unusedVariantSets(['race-gender', 'age'], sc)[0]).not.toContain('bias audit');
    expect(unusedVariantSets(['age'], sc)[0]).toContain('the bias audit has nothing to compare');
  });

  it('approaches: unknown ids are errors with the nearest; none covered is an error; uncovered explicit ones warn', () => {
    expect(() => checkApproachIds(['on-the-fly-offers'], ['on-the-fly-offers'], 'command line', '--approaches')).not.toThrow();
    expect(thrown(() => checkApproachIds(['on-the-fly-offer'], ['on-the-fly-offers', 'x'], 'command line', '--approaches')).message).toContain('(did you mean "on-the-fly-offers"?)');
    const sc = [scenario('a', []), scenario('b', [])];
    expect(thrown(() => approachCoverage(['c'], true, sc, 'cfg.yaml')).problems[0]!.expected).toBe('an approach the selected scenarios are for: a, b');
    expect(approachCoverage(['a', 'c'], true, sc, 'cfg.yaml')).toEqual(['approach c: no selected scenario is for it, so it runs no cell']);
    expect(approachCoverage(['a', 'b', 'c'], false, sc, 'cfg.yaml')).toEqual([]);
  });

  it('scenario globs: every glob must match; a misspelt folder is suggested; files of all globs are merged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-sel-'));
    mkdirSync(join(dir, 'scenarios/service'), { recursive: true });
    writeFileSync(join(dir, 'scenarios/service/a.yaml'), 'id: a\n');
    writeFileSync(join(dir, 'scenarios/service/b.json'), '{}');
    writeFileSync(join(dir, 'scenarios/service/notes.txt'), '');
    expect(scenarioFilesChecked([`${dir}/scenarios/service/*`, `${dir}/scenarios/**/*.yaml`], 'cfg.yaml')).toEqual([
      join(dir, 'scenarios/service/a.yaml'), join(dir, 'scenarios/service/b.json'),
    ]);
    const e = thrown(() => scenarioFilesChecked([`${dir}/scenarios/service/*.yaml`, `${dir}/scenarios/servce/*.yaml`], 'cfg.yaml'));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.path).toBe('scenarios.1');
    expect(e.problems[0]!.found).toContain(`(did you mean "${dir}/scenarios/service/*.yaml"?)`);
    const txt = thrown(() => scenarioFilesChecked([`${dir}/scenarios/service/*.txt`], 'command line', '--scenarios'));
    expect(txt.problems[0]!.expected).toContain(`folders with scenario files: ${dir}/scenarios/service`);
  });
});
