import { InputError } from '../core/errors.js';
import type { Turn } from '../core/types.js';
import type { ResolvedScenario } from '../plan/material.js';
import type { Suite } from '../plan/suite.js';
import { createBackend } from '../providers/index.js';
import { modelSpecFromEntry } from '../schema/model-spec.js';
import type { CustomerSimulator } from './conversation.js';
import { directClient, type ModelClient } from './model-client.js';
import { withRedaction } from './redacting-client.js';
import { NO_SECRETS, type Redactor } from '../core/redact.js';

/** The simulator ends the conversation by writing this token (τ-bench style stop signal). */
export const STOP_SIGNAL = '###STOP###';

/** The customer's brief: who they are, what they want, what they know and may reveal. The agent's material is not in it. */
export function customerBrief(r: ResolvedScenario): string {
  const s = r.scenario;
  const first = s.customer.turns[0];
  return [
    `You are role-playing a customer named ${s.persona.firstName} ${s.persona.lastName} talking to a company's assistant.`,
    `Why you are contacting them: ${s.customer.reason}`,
    `Your goal: ${s.customer.goal}`,
    s.customer.knows.length ? `What you know: ${s.customer.knows.join('; ')}` : '',
    s.customer.mayReveal.length ? `You may reveal only if asked: ${s.customer.mayReveal.join('; ')}` : '',
    first ? `Your mood at the start: ${first.emotion.label} (intensity ${first.emotion.intensity}/10). Your opening message, to use as written: "${first.text}"` : '',
    'Write only your next message as the customer, in plain text, in the same style. Do not invent facts beyond the above.',
    `When your goal is met, or the assistant hands you to a human, or you would give up, reply with exactly ${STOP_SIGNAL}.`,
  ].filter(Boolean).join('\n');
}

/** From the customer's side the roles swap: the agent's messages are what the customer reads. */
function swapRoles(turns: Turn[]): Turn[] {
  return turns.filter((t) => t.speaker !== 'tool').map((t) => ({ speaker: t.speaker === 'agent' ? 'customer' : 'agent', text: t.text }));
}

export function simulatedCustomer(client: ModelClient, opts: { maxTurns: number; temperature: number; maxOutputTokens: number }): CustomerSimulator {
  return {
    maxTurns: opts.maxTurns,
    async next(r, turns, record) {
      // The first customer turn is the scripted opening, so every model meets the same first words.
      const opening = r.scenario.customer.turns[0];
      if (opening && turns.length === 0) return { speaker: 'customer', text: opening.text };
      const out = await client.generate({
        role: 'customer', system: customerBrief(r), turns: swapRoles(turns), tools: [],
        settings: { temperature: opts.temperature, maxOutputTokens: opts.maxOutputTokens },
      });
      record('customer', out, client);
      const text = out.result.turn.text.trim();
      if (!text || text.includes(STOP_SIGNAL)) return null;
      return { speaker: 'customer', text };
    },
  };
}

/** The suite's simulated customer (`customer.mode: simulated`), its client wrapped like the agents'; none when scripted. */
export async function simulatedCustomerFor(suite: Suite, wrapClient?: (client: ModelClient) => ModelClient, redactor: Redactor = NO_SECRETS): Promise<CustomerSimulator | undefined> {
  const cfg = suite.config;
  if (cfg.customer.mode !== 'simulated') return undefined;
  if (!cfg.customer.model) throw new InputError('customer.mode is simulated but customer.model is not set', [{ file: suite.configFile ?? 'config', path: 'customer.model', expected: 'a model id such as openai:gpt-4o-mini', found: 'nothing' }]);
  const spec = modelSpecFromEntry(cfg.customer.model);
  const client = withRedaction(directClient(await createBackend(spec), spec), redactor);
  return simulatedCustomer(wrapClient ? wrapClient(client) : client, { maxTurns: cfg.customer.maxTurns, temperature: cfg.temperature, maxOutputTokens: 300 });
}
