import { createHash } from 'node:crypto';
import type { Approach } from '../approaches/approach.js';
import { TOOLS, type ToolName } from '../approaches/tools.js';
import type { ResolvedScenario } from '../plan/material.js';
import type { PromptVariantEntry } from '../schema/agents.js';
import type { AgentDesign } from './agent.js';
import { BASE_RULES, briefSections, personaOf, scenarioFacts } from './brief.js';
import { renderText } from './template.js';

/**
 * A prompt variant: one approach, the user's own system prompt, tool subset and generation settings, on a model. The
 * prompt is a template over the brief's sections ({{brief.catalog}}, {{brief.policies}}, ...), the persona, the CRM
 * record and the scenario facts, so a user's prompt still receives the scenario's material; {{default}} is the bundled
 * prompt whole and {{rules}} its rules. Several variants of one approach run side by side as labels of their own.
 */
export interface DesignDefaults {
  temperature: number;
  maxOutputTokens: number;
  maxAgentStepsPerTurn: number;
  seed: number;
}

/** The bundled design of an approach: its prompt, its tools, the suite's settings. */
export function bundledDesign(approach: Approach, r: ResolvedScenario, d: DesignDefaults): AgentDesign {
  return {
    system: approach.systemPrompt(r),
    tools: approach.meta.tools.map((t: ToolName) => TOOLS[t]),
    settings: { temperature: d.temperature, maxOutputTokens: d.maxOutputTokens, seed: d.seed },
    maxAgentStepsPerTurn: d.maxAgentStepsPerTurn,
  };
}

export function variantDesign(entry: PromptVariantEntry, approach: Approach, r: ResolvedScenario, d: DesignDefaults): AgentDesign {
  const vars = { brief: briefSections(r), persona: personaOf(r), crm: r.crm ?? null, scenario: scenarioFacts(r), default: approach.systemPrompt(r), rules: BASE_RULES };
  return {
    system: renderText(entry.system, vars),
    tools: (entry.tools ?? approach.meta.tools).map((t: ToolName) => TOOLS[t]),
    settings: { temperature: entry.temperature ?? d.temperature, maxOutputTokens: entry.maxOutputTokens ?? d.maxOutputTokens, seed: d.seed },
    maxAgentStepsPerTurn: entry.maxAgentStepsPerTurn ?? d.maxAgentStepsPerTurn,
  };
}

/**
 * The variant's prompt hash: its template, tools and settings (not the model, which has its own column). Recorded
 * in the run manifest and part of its cells' keys, so an edited prompt never reuses the old prompt's conversations.
 */
export function variantHash(entry: PromptVariantEntry): string {
  const design = { approach: entry.approach, system: entry.system, tools: entry.tools ?? null, temperature: entry.temperature ?? null, maxOutputTokens: entry.maxOutputTokens ?? null, steps: entry.maxAgentStepsPerTurn ?? null };
  return createHash('sha256').update(JSON.stringify(design)).digest('hex').slice(0, 16);
}
