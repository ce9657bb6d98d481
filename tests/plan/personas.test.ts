import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyVariant, setAppliesTo, type VariantChoice } from '../../src/plan/personas.js';
import { loadSuite, type Suite } from '../../src/plan/suite.js';
import type { Scenario } from '../../src/schema/scenario.js';

/**
 * The counterfactual rule: a variant changes one attribute only. For every scenario of the bundled library (and the
 * test fixture) and every variant of every set it lists, the variant equals the reference variant once the varied
 * attribute is put back.
 */
function suites(): Suite[] {
  const out = [loadSuite('tests/fixtures/suite/config.yaml')];
  if (existsSync('scenarios') && existsSync('datasets/personas')) out.push(loadSuite(undefined));
  return out;
}

function normalise(s: Scenario, v: VariantChoice): Scenario {
  const fn = v.variant.firstName ?? s.persona.firstName;
  const ln = v.variant.lastName ?? s.persona.lastName;
  const unname = (t: string): string => t.split(fn).join('<FIRST>').split(ln).join('<LAST>');
  const turns = s.customer.turns.map((t, i) => {
    let text = t.text;
    if (i === 0 && v.variant.statement) {
      expect(text.endsWith(` ${v.variant.statement}`)).toBe(true);
      text = text.slice(0, -(v.variant.statement.length + 1));
    }
    // A language-variety set varies the turn text itself, so every variant of it (the sae reference too) is masked.
    return { ...t, text: v.attribute === 'language-variety' ? '<VARIETY>' : unname(text) };
  });
  return {
    ...s,
    persona: { ...s.persona, firstName: '<FIRST>', lastName: '<LAST>' },
    customer: { ...s.customer, goal: unname(s.customer.goal), turns },
    context: s.context.map((c) => ({ ...c, text: unname(c.text) })),
  };
}

describe('counterfactual persona variants', () => {
  for (const suite of suites()) {
    it(`vary one attribute only (${suite.configFile ?? 'bundled library'})`, () => {
      let checked = 0;
      for (const s of suite.scenarios) {
        for (const setId of s.persona.variantSets) {
          const set = suite.datasets.personaSets.get(setId)!;
          if (!setAppliesTo(set, s)) continue;
          const ref = set.variants.find((v) => v.reference)!;
          expect(ref, `${setId} has a reference variant`).toBeDefined();
          const refChoice = { set: set.id, attribute: set.attribute, variant: ref };
          const expected = normalise(applyVariant(s, refChoice), refChoice);
          for (const variant of set.variants) {
            const choice = { set: set.id, attribute: set.attribute, variant };
            const got = applyVariant(s, choice);
            expect(normalise(got, choice), `${s.id} / ${setId} / ${variant.id}`).toEqual(expected);
            // Facts, bounds, judging, refs and orders never change with the persona.
            expect(got.facts).toEqual(s.facts);
            expect(got.judging).toEqual(s.judging);
            expect(got.bounds).toEqual(s.bounds);
            expect(got.refs).toEqual(s.refs);
            expect(got.orders).toEqual(s.orders);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('race-gender sets have at least two names per group (placebo pairs)', () => {
    for (const suite of suites()) {
      for (const set of suite.datasets.personaSets.values()) {
        if (set.attribute !== 'race-gender') continue;
        const byGroup = new Map<string, number>();
        for (const v of set.variants) byGroup.set(v.group, (byGroup.get(v.group) ?? 0) + 1);
        for (const [g, n] of byGroup) expect(n, `${set.id} group ${g}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('fills name slots and keeps everything else', () => {
    const suite = loadSuite('tests/fixtures/suite/config.yaml');
    const s = suite.scenarios.find((x) => x.id === 'tst-return')!;
    const set = suite.datasets.personaSets.get('tst-names')!;
    const v = applyVariant(s, { set: set.id, attribute: set.attribute, variant: set.variants[2]! });
    expect(v.customer.turns[0]!.text).toBe("Hi, this is Lakisha. The coat doesn't fit, how do I return it?");
    expect(v.customer.turns[1]!.text).toBe(s.customer.turns[1]!.text);
  });
});
