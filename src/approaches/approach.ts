import type { ApproachMeta } from '../schema/approach.js';
import type { ResolvedScenario } from '../plan/material.js';
import type { ToolName } from './tools.js';

/** An approach = its place in the classification + the LLM agent design. Its traditional counterpart lives in src/rules/. */
export interface Approach {
  meta: ApproachMeta & { tools: ToolName[] };
  /** Bump when the prompt or tools change: it is part of the cell key, so old results are not mixed with new ones. */
  promptVersion: number;
  systemPrompt(r: ResolvedScenario): string;
}
