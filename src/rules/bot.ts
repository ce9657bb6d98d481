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

export type RulesBotFactory = (r: ResolvedScenario) => Promise<RulesBot>;

/** What the runner hands the rules backend in GenerateRequest.rulesContext. */
export interface RulesContext {
  approach: string;
  resolved: ResolvedScenario;
  /** Stable per cell: bots are built once per cell and reused across its turns. */
  cellKey: string;
}
