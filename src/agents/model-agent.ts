import { ProviderError } from '../core/errors.js';
import { LocalError } from '../core/local-error.js';
import type { GenerateRequest, Turn } from '../core/types.js';
import { callRecord, failedCallRecord } from '../run/conversation-state.js';
import type { ModelClient } from '../run/model-client.js';
import type { Agent, AgentContext, AgentFactory, AgentReply } from './agent.js';

/**
 * An approach design on a model: the bundled design (kind `model`) or a prompt variant (kind `prompt-variant`; its
 * design arrives in the context, src/agents/prompt-variant.ts). The model client below it owns cache, retries, rate
 * limits, budget and redaction; tool calls come back as requests that cxbench runs against the scenario's material.
 */
export function modelRequest(turns: Turn[], ctx: Pick<AgentContext, 'design'>): GenerateRequest {
  const d = ctx.design;
  return { role: 'agent', system: d.system, turns: [...turns], tools: d.tools, settings: d.settings };
}

export function modelAgent(label: string, kind: 'model' | 'prompt-variant', client: ModelClient): Agent {
  return {
    label, kind, arm: 'gai',
    async respond(turns: Turn[], ctx: AgentContext): Promise<AgentReply> {
      let out: Awaited<ReturnType<ModelClient['generate']>>;
      try {
        out = await client.generate(modelRequest(turns, ctx), ctx.signal);
      } catch (e) {
        if (e instanceof ProviderError) ctx.record(failedCallRecord('agent', client.id, e));
        // The reply came back but could not be kept (the cache could not be written): the paid call is still recorded.
        else if (e instanceof LocalError && e.outcome) ctx.record(callRecord('agent', client, e.outcome));
        throw e;
      }
      ctx.record(callRecord('agent', client, out));
      return { turn: out.result.turn };
    },
  };
}

const needClient = (label: string, deps: { client?: ModelClient }): ModelClient => {
  if (!deps.client) throw new Error(`agent ${label} is model-backed but was given no model client`);
  return deps.client;
};

export const createModelAgent: AgentFactory<'model'> = async (spec, deps) => modelAgent(spec.label, 'model', needClient(spec.label, deps));
export const createPromptVariantAgent: AgentFactory<'prompt-variant'> = async (spec, deps) => modelAgent(spec.label, 'prompt-variant', needClient(spec.label, deps));
