import type { Conversation } from '../core/conversation.js';
import { ProviderError } from '../core/errors.js';
import { interrupted, LocalError } from '../core/local-error.js';
import type { Role, Turn } from '../core/types.js';
import type { PlannedCell } from '../plan/cells.js';
import type { ResolvedScenario } from '../plan/material.js';
import {
  advance, applyAgentReply, applyCustomerTurn, callRecord, conversationSetup, failConversation, failedCallRecord, recordCall, startState, toConversation,
} from './conversation-state.js';
import type { ModelClient } from './model-client.js';

export interface DriveOptions {
  runId: string;
  temperature: number;
  maxOutputTokens: number;
  maxAgentStepsPerTurn: number;
  seed: number;
  /** Present in simulated-customer mode: produces the next customer turn, or null to stop. */
  customer?: CustomerSimulator;
  /** Aborts calls in flight (the end of an interruption's grace period). */
  signal?: AbortSignal;
  /** No further call is started once this is aborted (the user interrupted the run); calls in flight finish. */
  stop?: AbortSignal;
}

export interface CustomerSimulator {
  maxTurns: number;
  next(r: ResolvedScenario, turns: Turn[], record: (role: Role, out: Awaited<ReturnType<ModelClient['generate']>>, client: ModelClient) => void): Promise<Turn | null>;
}

/**
 * Drives one cell's conversation in its approach's mode: dialogue (customer first), outreach (agent first) or
 * analysis (one request over a corpus). Tool results go back to the agent; a step guard stops tool loops.
 * The stepping rules live in conversation-state.ts, shared with the batch driver.
 */
export async function driveConversation(pc: PlannedCell, r: ResolvedScenario, agent: ModelClient, opts: DriveOptions): Promise<Conversation> {
  const setup = conversationSetup(pc, r, { ...opts, ...(opts.customer ? { simulatedTurns: opts.customer.maxTurns } : {}) });
  const st = startState(setup, new Date().toISOString());
  try {
    for (let need = advance(setup, st); need.kind !== 'finished'; need = advance(setup, st)) {
      if (opts.stop?.aborted) throw interrupted();
      if (need.kind === 'customer') {
        // advance() only asks for a customer turn in simulated mode, where opts.customer is set.
        const next = await opts.customer!.next(r, st.turns, (role, out, client) => recordCall(st, callRecord(role, client, out)));
        applyCustomerTurn(st, next);
        continue;
      }
      let out: Awaited<ReturnType<ModelClient['generate']>>;
      try {
        out = await agent.generate(need.request, opts.signal);
      } catch (e) {
        if (e instanceof ProviderError) recordCall(st, failedCallRecord('agent', agent.id, e));
        // The reply came back but could not be kept (the cache could not be written): the paid call is still recorded.
        else if (e instanceof LocalError && e.outcome) recordCall(st, callRecord('agent', agent, e.outcome));
        throw e;
      }
      recordCall(st, callRecord('agent', agent, out));
      applyAgentReply(setup, st, out.result.turn);
    }
  } catch (e) {
    // A call cut off by the interruption is nobody's failure but ours: the cell runs again on resume.
    failConversation(st, opts.signal?.aborted && !(e instanceof LocalError) ? interrupted() : e);
  }
  return toConversation(pc.cell, opts.runId, st);
}
