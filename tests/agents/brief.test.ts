import { describe, expect, it } from 'vitest';
import { BRIEF_SECTIONS, briefSections } from '../../src/agents/brief.js';
import { renderMaterial } from '../../src/approaches/prompt.js';
import { resolveScenario } from '../../src/plan/material.js';
import { BASELINE } from '../../src/plan/personas.js';
import { loadSuite } from '../../src/plan/suite.js';

describe('brief sections for templates', () => {
  const suite = loadSuite(undefined, { personaVariants: 'none' });
  const resolved = suite.scenarios.map((s) => resolveScenario(s, BASELINE, suite.datasets));

  it('every section the bundled brief renders is either a named section or one of the scenario\'s own context blocks', () => {
    for (const r of resolved) {
      const titles = [...renderMaterial(r).matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
      const context = new Set(r.scenario.context.map((c) => c.label));
      for (const t of titles) expect(t in BRIEF_SECTIONS || context.has(t), `${r.scenario.id}: section "${t}"`).toBe(true);
    }
  });

  it('the sections hold what the bundled brief holds, nothing lost', () => {
    for (const r of resolved) {
      const b = briefSections(r);
      const all = renderMaterial(r);
      expect(b.all).toBe(all);
      for (const [title, name] of Object.entries(BRIEF_SECTIONS)) {
        const has = all.includes(`## ${title}\n`);
        expect(b[name] !== '', `${r.scenario.id}: ${name}`).toBe(has);
        if (has) expect(all).toContain(b[name]);
      }
      for (const c of r.scenario.context) expect(b.context).toContain(c.text);
    }
  });
});
