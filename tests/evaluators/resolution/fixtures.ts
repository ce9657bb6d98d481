import type { Conversation, ModelCall } from '../../../src/core/conversation.js';
import type { ToolCall, Turn } from '../../../src/core/types.js';
import { BASELINE, type VariantChoice } from '../../../src/plan/personas.js';
import type { CorpusView, ResolvedScenario } from '../../../src/plan/material.js';
import { ScenarioSchema, type ScenarioInput } from '../../../src/schema/scenario.js';

/** Small hand-built transcripts and scenarios shared by the outcome-evaluator tests. */

export const customer = (text: string): Turn => ({ speaker: 'customer', text });
export const agent = (text: string, ...toolCalls: ToolCall[]): Turn => ({ speaker: 'agent', text, ...(toolCalls.length ? { toolCalls } : {}) });
let nextId = 0;
export const call = (name: string, args: Record<string, unknown> = {}): ToolCall => ({ id: `call-${++nextId}`, name, arguments: args });

export function conversation(turns: Turn[], over: Partial<Conversation> = {}): Conversation {
  return {
    cell: {
      key: 'k', approach: 'empathic-support-agent', stage: 'service-support', mode: 'dialogue', domain: 'fashion-ecommerce',
      scenarioId: 's', scenarioVersion: 1, variantSet: 'base', variantId: 'base', attribute: 'none', group: 'base', isReference: true, model: 'fake:m', epoch: 0,
    },
    runId: 'r', status: 'done', errorMessage: null, turns, calls: [], startedAt: '2025-01-01T00:00:00Z', finishedAt: '2025-01-01T00:00:01Z',
    handleTimeMs: 1234, endReason: 'script-complete', ...over,
  };
}

export function modelCall(role: ModelCall['role'], costUsd: number | null, tokens = { input: 100, output: 20 }): ModelCall {
  return {
    idx: 0, role, model: `fake:${role}`, usage: { input: tokens.input, output: tokens.output, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
    latencyMs: 10, costUsd, priceSource: 'test', cached: false, isBatch: false, retries: 0, error: null,
  };
}

const BASE: ScenarioInput = {
  id: 'late-parcel', version: 1, synthetic: true, title: 'Late parcel', approach: 'empathic-support-agent', domain: 'fashion-ecommerce',
  difficulty: 'simple', now: '2025-03-01',
  persona: { firstName: 'Maria', lastName: 'Lopez' },
  customer: {
    reason: 'parcel is late', goal: 'get the parcel or a refund',
    turns: [{ text: 'Where is my order A100? It is a week late and I am really frustrated.', emotion: { label: 'annoyed', intensity: 6 } }],
  },
  orders: [{ id: 'A100', status: 'delayed', items: ['wool coat'] }],
  facts: [{ id: 'eta', text: 'Order A100 now arrives on 2025-03-04.', kind: 'date', value: '2025-03-04' }],
  judging: { endState: { kind: 'answer' }, shouldEscalate: false },
};

export function resolved(over: Partial<ScenarioInput> = {}, extra: { variant?: VariantChoice; corpus?: CorpusView } = {}): ResolvedScenario {
  const scenario = ScenarioSchema.parse({ ...BASE, ...over });
  return { scenario, variant: extra.variant ?? BASELINE, catalog: [], policies: [], kb: [], crm: undefined, signals: [], corpus: extra.corpus, contacts: [] };
}
