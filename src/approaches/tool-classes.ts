import { z } from 'zod';
import type { ResolvedScenario } from '../plan/material.js';
import type { ToolName } from './tools.js';

/**
 * What a tool does, independent of what it is called. Scorers read classes, never tool names, so a transcript from
 * another system (its own `transfer_to_human_agents`, `get_order_details`, `issue_refund`) is scored the same way:
 *
 * * `read`     an environment lookup; its result is grounding material for the agent's claims;
 * * `write`    changes state for the customer: offers, bookings, cancellations, refunds, certificates;
 * * `escalate` hands the conversation over to a human;
 * * `record`   files a plan, a recommendation or a report (no state change the customer relies on).
 */
export const ToolClassSchema = z.enum(['read', 'write', 'escalate', 'record']);
export type ToolClass = z.infer<typeof ToolClassSchema>;

/** The bundled tools' classes. */
export const BUNDLED_TOOL_CLASSES = {
  lookup_order: 'read',
  make_offer: 'write',
  escalate_to_human: 'escalate',
  recommend_products: 'record',
  create_loyalty_plan: 'record',
  submit_insights: 'record',
  submit_synthesis: 'record',
} as const satisfies Record<ToolName, ToolClass>;

/** A tool-class map as given by a user for imported transcripts: tool name → class. */
export const ToolClassMapSchema = z.record(z.string().min(1), ToolClassSchema);
export type ToolClassMap = z.infer<typeof ToolClassMapSchema>;

/**
 * The class of a tool in this scenario: the scenario's own map (imported transcripts) first, then the bundled tools.
 * Undefined for a tool nobody declared: scorers treat it as unknown, never as a particular class.
 */
export function toolClassOf(name: string, r: Pick<ResolvedScenario, 'toolClasses'>): ToolClass | undefined {
  const own = r.toolClasses?.[name];
  if (own) return own;
  return (BUNDLED_TOOL_CLASSES as Record<string, ToolClass>)[name];
}
