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
