import type { ToolCall, Turn } from '../../../src/core/types.js';
import type { ResolvedScenario } from '../../../src/plan/material.js';
import type { ToolClassMap } from '../../../src/approaches/tool-classes.js';
import type { ScenarioInput } from '../../../src/schema/scenario.js';
import { resolved } from './fixtures.js';

/**
 * A retail transcript with its own tool names (none of cxbench's), as an imported conversation would have them,
 * and the class map a user would give for it.
 */
export const RETAIL_CLASSES: ToolClassMap = {
  find_user_id_by_email: 'read',
  get_order_details: 'read',
  get_product_details: 'read',
  cancel_pending_order: 'write',
  exchange_delivered_order_items: 'write',
  return_delivered_order_items: 'write',
  modify_pending_order_address: 'write',
  transfer_to_human_agents: 'escalate',
};

export function retail(judging: Partial<ScenarioInput['judging']>, classes: ToolClassMap = RETAIL_CLASSES): ResolvedScenario {
  const base = resolved({ judging: { shouldEscalate: false, ...judging } });
  return { ...base, toolClasses: classes };
}

/** A tool result turn answering a call. */
export const result = (c: ToolCall, text: string): Turn => ({ speaker: 'tool', text, toolCallId: c.id, toolName: c.name });

export const CANCEL = { order_id: '#W2378156', reason: 'no longer needed' };
export const EXCHANGE = { order_id: '#W4817420', item_ids: ['6777246137', '4947717507'], new_item_ids: ['1151293680', '9580569596'], payment_method_id: 'credit_card_4190576' };
