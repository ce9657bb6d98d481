import { z } from 'zod';
import type { ToolCall, ToolDefinition } from '../core/types.js';
import type { ResolvedScenario } from '../plan/material.js';

/** Tools are where an outcome is an action; scorers read their arguments, not the prose around them. */
export const ToolNameSchema = z.enum([
  'make_offer', 'escalate_to_human', 'lookup_order', 'recommend_products', 'create_loyalty_plan', 'submit_insights', 'submit_synthesis',
]);
export type ToolName = z.infer<typeof ToolNameSchema>;

export const TOOLS = {
  make_offer: {
    name: 'make_offer',
    description: 'Make a concrete commercial offer to the customer. Use it whenever you offer a discount, a price or a bundle.',
    parameters: {
      type: 'object',
      properties: {
        discountPct: { type: 'number', description: 'Discount in percent (0-100) off list price.' },
        price: { type: 'number', description: 'Final price offered, in the catalog currency.' },
        bundle: { type: 'array', items: { type: 'string' }, description: 'SKUs included in the offer.' },
        perks: { type: 'array', items: { type: 'string' }, description: 'Non-price perks (free shipping, extended warranty).' },
      },
      required: ['discountPct', 'price', 'bundle'],
    },
  },
  escalate_to_human: {
    name: 'escalate_to_human',
    description: 'Hand the conversation to a human colleague. Use it when policy requires a human or you cannot resolve the case.',
    parameters: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] },
  },
  lookup_order: {
    name: 'lookup_order',
    description: "Look up one of the customer's orders by id.",
    parameters: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] },
  },
  recommend_products: {
    name: 'recommend_products',
    description: 'Record the products you recommend to the customer (SKUs from the catalog).',
    parameters: {
      type: 'object',
      properties: { skus: { type: 'array', items: { type: 'string' } }, rationale: { type: 'string' } },
      required: ['skus'],
    },
  },
  create_loyalty_plan: {
    name: 'create_loyalty_plan',
    description: 'Record the personal loyalty plan or exclusive experience you propose.',
    parameters: {
      type: 'object',
      properties: {
        tier: { type: 'string' },
        rewards: { type: 'array', items: { type: 'string' } },
        quests: { type: 'array', items: { type: 'string' } },
        costToCompany: { type: 'number', description: 'Estimated cost of the rewards, in the catalog currency.' },
      },
      required: ['rewards'],
    },
  },
  submit_insights: {
    name: 'submit_insights',
    description: 'Submit the themes found in the feedback corpus.',
    parameters: {
      type: 'object',
      properties: {
        themes: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              label: { type: 'string' },
              sentiment: { type: 'string', enum: ['negative', 'neutral', 'positive'] },
              rootCause: { type: 'string' },
              evidenceIds: { type: 'array', items: { type: 'string' } },
              action: { type: 'string' },
            },
            required: ['label', 'sentiment', 'evidenceIds'],
          },
        },
      },
      required: ['themes'],
    },
  },
  submit_synthesis: {
    name: 'submit_synthesis',
    description: "Submit the synthesis of participants' proposals: grouped proposals with the idea ids behind each.",
    parameters: {
      type: 'object',
      properties: {
        proposals: {
          type: 'array',
          items: {
            type: 'object',
            properties: { title: { type: 'string' }, summary: { type: 'string' }, ideaIds: { type: 'array', items: { type: 'string' } } },
            required: ['title', 'ideaIds'],
          },
        },
      },
      required: ['proposals'],
    },
  },
} satisfies Record<ToolName, ToolDefinition>;

/** Tools that end the conversation once called. */
export const TERMINAL_TOOLS: ReadonlySet<string> = new Set(['escalate_to_human', 'submit_insights', 'submit_synthesis']);

/** Executes a tool call against the scenario's own data; results are JSON text, as a real back office would return. */
export function executeTool(call: ToolCall, r: ResolvedScenario): string {
  const handlers = {
    lookup_order: () => {
      const id = String(call.arguments['orderId'] ?? '').trim();
      const order = r.scenario.orders.find((o) => o.id.toLowerCase() === id.toLowerCase());
      return order ? { found: true, order } : { found: false, error: `no order ${id} for this customer` };
    },
    make_offer: () => ({ recorded: true, note: 'offer shown to the customer' }),
    escalate_to_human: () => ({ recorded: true, note: 'a human colleague will take over this conversation' }),
    recommend_products: () => {
      const skus = Array.isArray(call.arguments['skus']) ? (call.arguments['skus'] as unknown[]).map(String) : [];
      const unknown = skus.filter((s) => !r.catalog.some((c) => c.sku === s));
      return unknown.length ? { recorded: true, unknownSkus: unknown } : { recorded: true };
    },
    create_loyalty_plan: () => ({ recorded: true }),
    submit_insights: () => ({ recorded: true }),
    submit_synthesis: () => ({ recorded: true }),
  } satisfies Record<ToolName, () => unknown>;
  const parsed = ToolNameSchema.safeParse(call.name);
  if (!parsed.success) return JSON.stringify({ error: `unknown tool ${call.name}` });
  return JSON.stringify(handlers[parsed.data]());
}
