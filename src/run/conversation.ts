import { randomUUID } from 'node:crypto';
import type { Conversation } from '../core/conversation.js';
import { interrupted, LocalError } from '../core/local-error.js';
import type { Role, Turn } from '../core/types.js';
import type { Agent, AgentContext } from '../agents/agent.js';
import type { PlannedCell } from '../plan/cells.js';
import type { ResolvedScenario } from '../plan/material.js';
import {
  advance, applyAgentReply, applyCustomerTurn, applyTakenActions, callRecord, conversationSetup, failConversation, recordCall, startState, toConversation,
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
 * analysis (one request over a corpus), with any kind of agent (src/agents/). Tool calls a model or the rules bot
 * asks for are run against the scenario's material and their results go back to it; actions a user's bot reports it
 * took are kept with their reported results. A step guard stops tool loops. The stepping rules live in
 * conversation-state.ts, shared with the batch driver.
 */
export async function driveConversation(pc: PlannedCell, r: ResolvedScenario, agent: Agent, opts: DriveOptions): Promise<Conversation> {
  const setup = conversationSetup(pc, r, { ...opts, ...(opts.customer ? { simulatedTurns: opts.customer.maxTurns } : {}) });
  const st = startState(setup, new Date().toISOString());
  const ctx: AgentContext = {
    conversationId: `${pc.cell.key.slice(0, 12)}-${randomUUID().slice(0, 8)}`, cellKey: pc.cell.key, approach: pc.approach, resolved: r, design: setup,
    outreach: setup.outreach, record: (call) => recordCall(st, call), ...(opts.signal ? { signal: opts.signal } : {}),
  };
  try {
    for (let need = advance(setup, st); need.kind !== 'finished'; need = advance(setup, st)) {
      if (opts.stop?.aborted) throw interrupted();
      if (need.kind === 'customer') {
        // advance() only asks for a customer turn in simulated mode, where opts.customer is set.
        const next = await opts.customer!.next(r, st.turns, (role, out, client) => recordCall(st, callRecord(role, client, out)));
        applyCustomerTurn(st, next);
        continue;
      }
      // The agent records its own calls (successful or failed) through the context.
      const reply = await agent.respond(need.request.turns, ctx);
      if (reply.toolResults) applyTakenActions(setup, st, reply.turn, reply.toolResults);
      else applyAgentReply(setup, st, reply.turn);
    }
  } catch (e) {
    // A call cut off by the interruption is nobody's failure but ours: the cell runs again on resume.
    failConversation(st, opts.signal?.aborted && !(e instanceof LocalError) ? interrupted() : e);
  }
  return { ...toConversation(pc.cell, opts.runId, st), arm: agent.arm };
}
