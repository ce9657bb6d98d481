import { describe, expect, it } from 'vitest';
import { fixturePrompts } from './mocks/prompts.js';
import { laidOutSystem, layoutSystem, PERSONA_HEADING, SECTION_BREAK, stablePrefixKey } from '../../src/providers/prompt-layout.js';

const sections = (s: string): string[] => s.split(SECTION_BREAK).sort();

describe('layoutSystem', () => {
  const prompts = fixturePrompts();
  const variants = prompts.filter((p) => p.scenario === 'tst-return');

  it('the persona variants of one scenario share the whole stable part and differ only after it', () => {
    expect(variants.length).toBeGreaterThan(1);
    const layouts = variants.map((v) => layoutSystem(v.system));
    expect(new Set(layouts.map((l) => l.stable)).size).toBe(1);
    expect(new Set(layouts.map((l) => l.variable)).size).toBe(variants.length);
    for (const l of layouts) {
      expect(l.variable.startsWith(PERSONA_HEADING)).toBe(true);
      expect(l.stable).not.toContain(PERSONA_HEADING);
    }
    // In the approach's own order the variants part ways at the profile, before the rest of the brief.
    const original = variants.map((v) => v.system);
    const common = (a: string, b: string): number => { let i = 0; while (i < a.length && a[i] === b[i]) i++; return i; };
    expect(common(original[0]!, original[1]!)).toBeLessThan(layouts[0]!.stable.length);
  });

  it('moves text and drops none: the same sections, in the same order apart from the persona section', () => {
    for (const p of prompts) {
      const out = laidOutSystem(p.system);
      expect(out.length).toBe(p.system.length);
      expect(sections(out)).toEqual(sections(p.system));
      const { stable, variable } = layoutSystem(p.system);
      expect(out).toBe(`${stable}${SECTION_BREAK}${variable}`);
    }
  });

  it('leaves a prompt without a persona section as it is, and handles the section first or last', () => {
    expect(layoutSystem('You are a support agent.')).toEqual({ stable: 'You are a support agent.', variable: '' });
    expect(layoutSystem(`Rules\n\n${PERSONA_HEADING}\n- Name: A B`)).toEqual({ stable: 'Rules', variable: `${PERSONA_HEADING}\n- Name: A B` });
    expect(layoutSystem(`${PERSONA_HEADING}\n- Name: A B\n\n## Catalog\n- x`)).toEqual({ stable: '## Catalog\n- x', variable: `${PERSONA_HEADING}\n- Name: A B` });
  });

  it('moves scenario contexts (which may name the customer) after the shared part too, by heading only', () => {
    const system = `Role\n\n# Brief\n## Catalog\n- coat\n\n${PERSONA_HEADING}\n- Name: Ana Li\n\n## Signals\n- late\n\n## Account note\nAna Li joined in May.\n\nSecond paragraph.\n\n## Contact points you may give\n- help@x.test`;
    expect(layoutSystem(system)).toEqual({
      stable: 'Role\n\n# Brief\n## Catalog\n- coat\n\n## Signals\n- late\n\n## Contact points you may give\n- help@x.test',
      variable: `${PERSONA_HEADING}\n- Name: Ana Li\n\n## Account note\nAna Li joined in May.\n\nSecond paragraph.`,
    });
  });

  it('gives one prompt-cache key per scenario prefix: the same for every variant, another for another scenario or tool set', () => {
    const keys = new Map<string, Set<string>>();
    for (const p of prompts) (keys.get(p.scenario) ?? keys.set(p.scenario, new Set()).get(p.scenario)!).add(stablePrefixKey(p));
    for (const set of keys.values()) expect(set.size).toBe(1);
    expect(new Set([...keys.values()].map((s) => [...s][0])).size).toBe(keys.size);
    const p = variants[0]!;
    expect(stablePrefixKey({ system: p.system, tools: [] })).not.toBe(stablePrefixKey(p));
    expect(stablePrefixKey(p)).toMatch(/^cxbench-[0-9a-f]{24}$/);
  });
});
