import type { AgentCall, AgentContext } from '../../src/agents/agent.js';
import { bundledDesign } from '../../src/agents/prompt-variant.js';
import { planCells } from '../../src/plan/cells.js';
import { resolveScenario } from '../../src/plan/material.js';
import { applyVariant } from '../../src/plan/personas.js';
import { loadSuite } from '../../src/plan/suite.js';

/** An agent context over a fixture scenario, recording calls into `calls` (test helper). */
export function contextFor(scenarioId = 'tst-return', conversationId = 'conv-1'): { ctx: AgentContext; calls: AgentCall[] } {
  const suite = loadSuite('tests/fixtures/suite/config.yaml', { personaVariants: 'none' });
  const pc = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets).find((c) => c.cell.scenarioId === scenarioId)!;
  const r = resolveScenario(applyVariant(pc.scenario, pc.variant), pc.variant, suite.datasets);
  const calls: AgentCall[] = [];
  const ctx: AgentContext = {
    conversationId, cellKey: pc.cell.key, approach: pc.approach, resolved: r, outreach: false,
    design: bundledDesign(pc.approach, r, { temperature: 0, maxOutputTokens: 100, maxAgentStepsPerTurn: 2, seed: 1 }),
    record: (c) => calls.push(c),
  };
  return { ctx, calls };
}
