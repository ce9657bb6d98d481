import type { Turn } from '../core/types.js';
import type { ResolvedScenario } from '../plan/material.js';

/**
 * A traditional-automation bot: deterministic, no model, built from the scenario's own material
 * (intents trained on knowledge-base questions, canned templates, decision tables, keyword counting).
 */
export interface RulesBot {
  /** Given the conversation so far (customer, agent and tool turns), the next agent turn; may carry tool calls. */
  reply(turns: Turn[]): Promise<Turn>;
}

/** The traditional arm runs as an agent (src/agents/rules-agent.ts): its bot is built from the cell's context. */
export type RulesBotFactory = (r: ResolvedScenario) => Promise<RulesBot>;
