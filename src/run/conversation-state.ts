import { z } from 'zod';
import { CellStatusSchema, ModelCallSchema, type Cell, type Conversation, type ModelCall } from '../core/conversation.js';
import { ProviderError } from '../core/errors.js';
import { LocalError } from '../core/local-error.js';
import { TurnSchema, type GenerateRequest, type GenerationSettings, type Role, type ToolDefinition, type Turn } from '../core/types.js';
import { priceCall } from '../cost/prices.js';
import { callTiming } from '../providers/streaming.js';
import { executeTool, TERMINAL_TOOLS } from '../approaches/tools.js';
import { toolClassOf } from '../approaches/tool-classes.js';
import type { PlannedCell } from '../plan/cells.js';
import type { ResolvedScenario } from '../plan/material.js';
import { bundledDesign, variantDesign } from '../agents/prompt-variant.js';
import { modelRequest } from '../agents/model-agent.js';
import type { CallOutcome, ModelClient } from './model-client.js';

/**
 * How a conversation advances, with no I/O: what the next request is and how a reply changes the conversation.
 * The live driver (conversation.ts) and the batch driver (batch/) both step through it, so a batched conversation
 * has exactly the structure a live one would have. The state is plain JSON so a batch run can persist it.
 */

/** Everything fixed for a cell's conversation; rebuilt from the plan, never persisted. */
export interface ConversationSetup {
  /** The agent's design: the approach's bundled prompt, tools and settings, or a prompt variant's. */
  system: string;
  tools: ToolDefinition[];
  settings: GenerationSettings;
  maxAgentStepsPerTurn: number;
  /** The agent speaks first. */
  outreach: boolean;
  /** Scripted customer turns, or null when a simulator plays the customer. */
  script: string[] | null;
  /** Simulated mode: the most customer turns the simulator may write. */
  maxCustomerTurns: number;
  resolved: ResolvedScenario;
}

export interface SetupOptions {
  temperature: number;
  maxOutputTokens: number;
  maxAgentStepsPerTurn: number;
  seed: number;
  /** Present in simulated-customer mode. */
  simulatedTurns?: number;
}

export function conversationSetup(pc: PlannedCell, r: ResolvedScenario, o: SetupOptions): ConversationSetup {
  // Each epoch is its own sample: its own seed, so its requests (and cache entries) differ from the other epochs'.
  const defaults = { temperature: o.temperature, maxOutputTokens: o.maxOutputTokens, maxAgentStepsPerTurn: o.maxAgentStepsPerTurn, seed: o.seed + pc.cell.epoch };
  const design = pc.agent.kind === 'prompt-variant' ? variantDesign(pc.agent.entry, pc.approach, r, defaults) : bundledDesign(pc.approach, r, defaults);
  return {
    ...design,
    outreach: pc.approach.meta.mode === 'outreach',
    script: o.simulatedTurns === undefined ? r.scenario.customer.turns.map((t) => t.text) : null,
    maxCustomerTurns: o.simulatedTurns ?? 0,
    resolved: r,
  };
}

/** Whose move it is: the agent's, the customer's, or nobody's (the conversation is over). */
export const PhaseSchema = z.enum(['agent', 'customer', 'finished']);

export const ConversationStateSchema = z.object({
  turns: z.array(TurnSchema),
  calls: z.array(ModelCallSchema),
  handleTimeMs: z.number().nonnegative(),
  phase: PhaseSchema,
  /** Customer turns taken so far (the index of the next scripted turn). */
  customerTurns: z.number().int().nonnegative(),
  /** Agent generations within the current agent turn (the step guard counts these). */
  step: z.number().int().nonnegative(),
  /** A terminal tool ended the conversation. */
  ended: z.boolean(),
  endReason: z.string(),
  status: CellStatusSchema,
  errorMessage: z.string().nullable(),
  startedAt: z.string(),
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;

export function startState(setup: ConversationSetup, startedAt: string): ConversationState {
  return {
    turns: [], calls: [], handleTimeMs: 0, phase: setup.outreach ? 'agent' : 'customer', customerTurns: 0, step: 0,
    ended: false, endReason: 'script-complete', status: 'done', errorMessage: null, startedAt,
  };
}

export type Need = { kind: 'agent'; request: GenerateRequest } | { kind: 'customer' } | { kind: 'finished' };

/** The request a model-backed agent sends for its next step (src/agents/model-agent.ts builds the same one). */
export function agentRequest(setup: ConversationSetup, st: ConversationState): GenerateRequest {
  return modelRequest(st.turns, { design: setup });
}

/**
 * What the conversation needs next. Scripted customer turns need no model, so they are appended here; only the
 * agent's generation and a simulated customer's turn are left to the caller.
 */
export function advance(setup: ConversationSetup, st: ConversationState): Need {
  if (st.phase === 'customer') {
    if (st.ended) st.phase = 'finished';
    else if (setup.script) {
      const text = setup.script[st.customerTurns];
      if (text === undefined) st.phase = 'finished';
      else applyCustomerTurn(st, { speaker: 'customer', text });
    } else if (st.customerTurns >= setup.maxCustomerTurns) st.phase = 'finished';
    else return { kind: 'customer' };
  }
  return st.phase === 'agent' ? { kind: 'agent', request: agentRequest(setup, st) } : { kind: 'finished' };
}

/** A customer turn, or null when the simulated customer stopped. */
export function applyCustomerTurn(st: ConversationState, turn: Turn | null): void {
  if (!turn) {
    st.endReason = 'customer-stopped';
    st.phase = 'finished';
    return;
  }
  st.turns.push(turn);
  st.customerTurns++;
  st.step = 0;
  st.phase = 'agent';
}

/**
 * The agent's reply: tool calls run against the scenario's material and their results go back to the agent, a
 * terminal tool ends the conversation, and the step guard hands the turn back to the customer after too many steps.
 */
export function applyAgentReply(setup: ConversationSetup, st: ConversationState, t: Turn): void {
  st.turns.push({ speaker: 'agent', text: t.text, ...(t.toolCalls?.length ? { toolCalls: t.toolCalls } : {}) });
  if (!t.toolCalls?.length) { st.phase = 'customer'; return; }
  for (const call of t.toolCalls) {
    st.turns.push({ speaker: 'tool', text: executeTool(call, setup.resolved), toolCallId: call.id, toolName: call.name });
    if (TERMINAL_TOOLS.has(call.name)) { st.ended = true; st.endReason = call.name === 'escalate_to_human' ? 'escalated' : 'report-submitted'; }
  }
  if (st.ended) { st.phase = 'customer'; return; }
  st.step++;
  if (st.step >= setup.maxAgentStepsPerTurn) { st.endReason = 'max-agent-steps'; st.phase = 'customer'; }
}

/**
 * A reply from an agent that took its actions itself (a deployed bot reporting what it did): its tool calls are kept
 * with the results it reported, nothing is executed, and the turn goes back to the customer. An action of class
 * `escalate` (or a bundled terminal tool) ends the conversation as the bundled tools do.
 */
export function applyTakenActions(setup: ConversationSetup, st: ConversationState, t: Turn, results: string[]): void {
  st.turns.push({ speaker: 'agent', text: t.text, ...(t.toolCalls?.length ? { toolCalls: t.toolCalls } : {}) });
  (t.toolCalls ?? []).forEach((call, i) => {
    st.turns.push({ speaker: 'tool', text: results[i] ?? '', toolCallId: call.id, toolName: call.name });
    const cls = toolClassOf(call.name, setup.resolved);
    if (cls === 'escalate' || TERMINAL_TOOLS.has(call.name)) { st.ended = true; st.endReason = cls === 'escalate' ? 'escalated' : 'report-submitted'; }
  });
  st.phase = 'customer';
}

/**
 * Whose failure it is: a provider failure is infrastructure, a local one (disk, cache, database, an interruption) is
 * ours, and anything else (a tool or conversion bug) is the agent's.
 */
export function failConversation(st: ConversationState, e: unknown): void {
  if (e instanceof ProviderError) { st.status = 'infra-error'; st.endReason = `infra:${e.kind}`; }
  else if (e instanceof LocalError) { st.status = 'local-error'; st.endReason = e.place === 'interrupted' ? 'interrupted' : `local:${e.place}`; }
  else { st.status = 'agent-error'; st.endReason = 'agent-error'; }
  st.errorMessage = e instanceof Error ? e.message : String(e);
  st.phase = 'finished';
}

export function recordCall(st: ConversationState, call: Omit<ModelCall, 'idx'>): void {
  st.calls.push({ idx: st.calls.length, ...call });
  if (call.role === 'agent' && call.error === null) st.handleTimeMs += call.latencyMs;
}

/**
 * A call that returned, priced at the batch rate when it went through a batch API. Cost is a property of the call,
 * not of how it was fetched: a reply replayed from the cache keeps its usage and its price, and is marked `cached`,
 * so a study costs the same however often it is rebuilt; what was paid now is the sum over calls not replayed.
 */
export function callRecord(role: Role, client: Pick<ModelClient, 'id' | 'spec'>, out: CallOutcome, isBatch = false): Omit<ModelCall, 'idx'> {
  const priced = priceCall(client.spec, out.result.usage, isBatch);
  const price = out.cached ? { ...priced, priceSource: `${priced.priceSource} (replayed from the cache: not paid again)` } : priced;
  return {
    role, model: client.id, usage: out.result.usage, latencyMs: out.result.latencyMs, costUsd: price.costUsd, priceSource: price.priceSource,
    cached: out.cached, isBatch, retries: out.retries, error: null,
    // Streamed calls only: time to first token and output speed; absent (stored NULL) when not measured.
    ...callTiming(out.result),
  };
}

/** A call that finally failed is kept too: infrastructure accounting must reconcile with what the provider saw. */
export function failedCallRecord(role: Role, modelId: string, e: ProviderError, isBatch = false): Omit<ModelCall, 'idx'> {
  return {
    role, model: modelId, usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, latencyMs: 0,
    costUsd: 0, priceSource: 'failed call: not billed', cached: false, isBatch, retries: e.attempts - 1, error: `${e.kind}: ${e.message}`,
  };
}

export function toConversation(cell: Cell, runId: string, st: ConversationState, finishedAt = new Date().toISOString()): Conversation {
  return {
    cell, runId, status: st.status, errorMessage: st.errorMessage, turns: st.turns, calls: st.calls, startedAt: st.startedAt,
    finishedAt, handleTimeMs: st.handleTimeMs, endReason: st.endReason,
  };
}
