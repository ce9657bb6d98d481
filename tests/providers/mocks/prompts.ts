import { TOOLS, type ToolName } from '../../../src/approaches/tools.js';
import { planCells } from '../../../src/plan/cells.js';
import { resolveScenario } from '../../../src/plan/material.js';
import { applyVariant } from '../../../src/plan/personas.js';
import { loadSuite } from '../../../src/plan/suite.js';

/** The bundled designs' system prompts for every variant of the fixture scenarios, as the runner builds them. */
export function fixturePrompts(): Array<{ scenario: string; variant: string; system: string; tools: (typeof TOOLS)[keyof typeof TOOLS][] }> {
  const suite = loadSuite('tests/fixtures/suite/config.yaml', { models: ['openai:gpt-4o-mini'] });
  return planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets).map((pc) => {
    const r = resolveScenario(applyVariant(pc.scenario, pc.variant), pc.variant, suite.datasets);
    return { scenario: pc.scenario.id, variant: pc.variant.variant.id, system: pc.approach.systemPrompt(r), tools: pc.approach.meta.tools.map((t: ToolName) => TOOLS[t]) };
  });
}

