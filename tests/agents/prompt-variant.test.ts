import { describe, expect, it } from 'vitest';
import { bundledDesign, variantDesign, variantHash } from '../../src/agents/prompt-variant.js';
import { BASE_RULES } from '../../src/approaches/prompt.js';
import { PromptVariantEntrySchema } from '../../src/schema/agents.js';
import { contextFor } from './context.js';

const entry = (over: Record<string, unknown> = {}) => PromptVariantEntrySchema.parse({
  kind: 'prompt-variant', name: 'warm', approach: 'empathic-support-agent', model: 'openai:gpt-4o-mini',
  system: 'Be warm with {{persona.firstName}}.\n{{rules}}\nPolicies:\n{{brief.policies}}', ...over,
});
const d = { temperature: 0, maxOutputTokens: 800, maxAgentStepsPerTurn: 4, seed: 7 };

describe('prompt variants', () => {
  const { ctx } = contextFor();
  const r = ctx.resolved;

  it('renders the template with the brief, the persona and the bundled rules; the approach tools by default', () => {
    const design = variantDesign(entry(), ctx.approach, r, d);
    expect(design.system).toContain('Be warm with Alex.');
    expect(design.system).toContain(BASE_RULES);
    expect(design.system).toMatch(/Policies:\n- .*\[tst-returns\]/);
    expect(design.tools.map((t) => t.name)).toEqual(ctx.approach.meta.tools);
    expect(design.settings).toEqual({ temperature: 0, maxOutputTokens: 800, seed: 7 });
  });

  it('{{default}} is the bundled prompt; the tool subset and settings are the variant\'s', () => {
    const design = variantDesign(entry({ system: '{{default}}\nAlso: be brief.', tools: ['escalate_to_human'], temperature: 0.7, maxOutputTokens: 200, maxAgentStepsPerTurn: 2 }), ctx.approach, r, d);
    expect(design.system).toBe(`${bundledDesign(ctx.approach, r, d).system}\nAlso: be brief.`);
    expect(design.tools.map((t) => t.name)).toEqual(['escalate_to_human']);
    expect(design).toMatchObject({ settings: { temperature: 0.7, maxOutputTokens: 200, seed: 7 }, maxAgentStepsPerTurn: 2 });
  });

  it('the prompt hash changes with the prompt, the tools and the settings, not with the name or the model', () => {
    const h = variantHash(entry());
    expect(variantHash(entry({ name: 'other', model: 'anthropic:claude-x' }))).toBe(h);
    expect(variantHash(entry({ system: 'Be cold.' }))).not.toBe(h);
    expect(variantHash(entry({ tools: ['lookup_order'] }))).not.toBe(h);
    expect(variantHash(entry({ temperature: 0.2 }))).not.toBe(h);
  });

  it('a placeholder outside the known roots, or an unknown tool, is refused with the expectation', () => {
    const bad = PromptVariantEntrySchema.safeParse({ ...entry(), system: 'Hi {{customer.firstName}}' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/placeholders that start with one of brief, persona.*\{\{customer\.firstName\}\}/);
    expect(PromptVariantEntrySchema.safeParse({ ...entry(), tools: ['send_email'] }).success).toBe(false);
  });
});

describe('prompt variants in the plan', () => {
  it('a variant meets only its approach, has cells of its own, and its conversations use its design (live and batch alike)', async () => {
    const { loadSuite } = await import('../../src/plan/suite.js');
    const { planCells } = await import('../../src/plan/cells.js');
    const { agentSpecs } = await import('../../src/agents/plan.js');
    const { conversationSetup, agentRequest, startState } = await import('../../src/run/conversation-state.js');
    const { resolveScenario } = await import('../../src/plan/material.js');
    const { applyVariant } = await import('../../src/plan/personas.js');
    const suite = loadSuite('tests/fixtures/suite/config.yaml', { personaVariants: 'none' });
    const variants = agentSpecs(suite.models, [entry()]).slice(suite.models.length);
    const base = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets);
    const cells = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets, variants);
    // The bundled cells keep their keys; the variant adds one cell, on the empathic-support scenario only.
    expect(cells.filter((c) => c.agent.kind !== 'prompt-variant').map((c) => c.cell.key)).toEqual(base.map((c) => c.cell.key));
    const mine = cells.filter((c) => c.agent.kind === 'prompt-variant');
    expect(mine.map((c) => [c.cell.model, c.cell.approach, c.spec?.model])).toEqual([['warm', 'empathic-support-agent', 'gpt-4o-mini']]);
    const pc = mine[0]!;
    const r = resolveScenario(applyVariant(pc.scenario, pc.variant), pc.variant, suite.datasets);
    const setup = conversationSetup(pc, r, { ...d, seed: 1 });
    expect(setup.system).toMatch(/^Be warm with Alex\./);
    const req = agentRequest(setup, startState(setup, 'now'));
    expect(req.system).toBe(setup.system);
    // Editing the prompt gives new cell keys: old conversations are never reused for a new design.
    const edited = agentSpecs(suite.models, [entry({ system: 'Be brisk.' })]).slice(suite.models.length);
    const again = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets, edited).find((c) => c.agent.kind === 'prompt-variant')!;
    expect(again.cell.key).not.toBe(pc.cell.key);
  });
});
