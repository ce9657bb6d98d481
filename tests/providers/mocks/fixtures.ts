import { expect } from 'vitest';
import { ProviderError, type ProviderErrorKind } from '../../../src/core/errors.js';
import type { GenerateRequest, ToolDefinition, Turn } from '../../../src/core/types.js';
import { ModelSpecSchema, type ModelSpec } from '../../../src/schema/model-spec.js';

/** Put into every request as a stray field (the rules arm's context once rode here); no mock may ever receive it. */
export const RULES_MARKER = 'rules-context-must-never-reach-a-vendor';

export const LOOKUP_ORDER: ToolDefinition = {
  name: 'lookup_order',
  description: "Look up one of the customer's orders by id.",
  parameters: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] },
};

export function request(turns: Turn[], tools: ToolDefinition[] = []): GenerateRequest {
  return {
    role: 'agent',
    system: 'You are a support agent.',
    turns,
    tools,
    settings: { temperature: 0.3, maxOutputTokens: 256, seed: 7 },
    ...({ rulesContext: { marker: RULES_MARKER } } as object),
  };
}

export function spec(fields: Partial<ModelSpec> & Pick<ModelSpec, 'kind' | 'model'>): ModelSpec {
  return ModelSpecSchema.parse(fields);
}

/** A customer asks, the agent calls lookup_order twice in parallel, both results come back. */
export const TOOL_ROUND_TRIP: Turn[] = [
  { speaker: 'customer', text: 'Where are my orders A1 and B2?' },
  {
    speaker: 'agent',
    text: 'Let me check.',
    toolCalls: [
      { id: 'call_1', name: 'lookup_order', arguments: { orderId: 'A1' } },
      { id: 'call_2', name: 'lookup_order', arguments: { orderId: 'B2' } },
    ],
  },
  { speaker: 'tool', text: '{"status":"shipped"}', toolCallId: 'call_1', toolName: 'lookup_order' },
  { speaker: 'tool', text: '{"status":"packing"}', toolCallId: 'call_2', toolName: 'lookup_order' },
];

export async function expectProviderError(p: Promise<unknown>, kind: ProviderErrorKind): Promise<ProviderError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProviderError);
  const pe = e as ProviderError;
  expect(pe.kind, pe.message).toBe(kind);
  return pe;
}
