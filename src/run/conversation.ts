import type { Conversation, ModelCall } from '../core/conversation.js';
import { ProviderError } from '../core/errors.js';
import type { GenerateRequest, Role, Turn } from '../core/types.js';
import { priceCall } from '../cost/prices.js';
import { executeTool, TERMINAL_TOOLS, TOOLS, type ToolName } from '../approaches/tools.js';
import type { PlannedCell } from '../plan/cells.js';
import type { ResolvedScenario } from '../plan/material.js';
import type { RulesContext } from '../rules/bot.js';
import type { ModelClient } from './model-client.js';

export interface DriveOptions {
  runId: string;
  temperature: number;
  maxOutputTokens: number;
  maxAgentStepsPerTurn: number;
  seed: number;
  /** Present in simulated-customer mode: produces the next customer turn, or null to stop. */
  customer?: CustomerSimulator;
  signal?: AbortSignal;
}

export interface CustomerSimulator {
  maxTurns: number;
  next(r: ResolvedScenario, turns: Turn[], record: (role: Role, out: Awaited<ReturnType<ModelClient['generate']>>, client: ModelClient) => void): Promise<Turn | null>;
}

class Recorder {
  calls: ModelCall[] = [];
  handleTimeMs = 0;
  record(role: Role, out: Awaited<ReturnType<ModelClient['generate']>>, client: ModelClient): void {
    const price = out.cached ? { costUsd: 0, priceSource: 'cache hit: no provider call' } : priceCall(client.spec, out.result.usage);
    this.calls.push({
      idx: this.calls.length, role, model: client.id, usage: out.result.usage, latencyMs: out.result.latencyMs,
      costUsd: price.costUsd, priceSource: price.priceSource, cached: out.cached, isBatch: false, retries: out.retries, error: null,
    });
    if (role === 'agent') this.handleTimeMs += out.result.latencyMs;
  }
  /** A call that finally failed is kept too: infrastructure accounting must reconcile with what the provider saw. */
  recordFailure(role: Role, client: ModelClient, e: ProviderError): void {
    this.calls.push({
      idx: this.calls.length, role, model: client.id, usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, latencyMs: 0,
      costUsd: 0, priceSource: 'failed call: not billed', cached: false, isBatch: false, retries: e.attempts - 1, error: `${e.kind}: ${e.message}`,
    });
  }
}

/**
 * Drives one cell's conversation in its approach's mode: dialogue (customer first), outreach (agent first) or
 * analysis (one request over a corpus). Tool results go back to the agent; a step guard stops tool loops.
 */
export async function driveConversation(pc: PlannedCell, r: ResolvedScenario, agent: ModelClient, opts: DriveOptions): Promise<Conversation> {
  const startedAt = new Date().toISOString();
  const rec = new Recorder();
  const turns: Turn[] = [];
  const tools = pc.approach.meta.tools.map((t: ToolName) => TOOLS[t]);
  const system = pc.approach.systemPrompt(r);
  const rulesContext: RulesContext | undefined = pc.spec.kind === 'rules' ? { approach: pc.approach.meta.id, resolved: r, cellKey: pc.cell.key } : undefined;
  let endReason = 'script-complete';
  let ended = false;

  const agentTurn = async (): Promise<void> => {
    for (let step = 0; step < opts.maxAgentStepsPerTurn; step++) {
      const req: GenerateRequest = {
        role: 'agent', system, turns: [...turns], tools,
        settings: { temperature: opts.temperature, maxOutputTokens: opts.maxOutputTokens, seed: opts.seed },
        ...(rulesContext ? { rulesContext } : {}),
      };
      let out: Awaited<ReturnType<ModelClient['generate']>>;
      try {
        out = await agent.generate(req, opts.signal);
      } catch (e) {
        if (e instanceof ProviderError) rec.recordFailure('agent', agent, e);
        throw e;
      }
      rec.record('agent', out, agent);
      const t = out.result.turn;
      turns.push({ speaker: 'agent', text: t.text, ...(t.toolCalls?.length ? { toolCalls: t.toolCalls } : {}) });
      if (!t.toolCalls?.length) return;
      for (const call of t.toolCalls) {
        turns.push({ speaker: 'tool', text: executeTool(call, r), toolCallId: call.id, toolName: call.name });
        if (TERMINAL_TOOLS.has(call.name)) { ended = true; endReason = call.name === 'escalate_to_human' ? 'escalated' : 'report-submitted'; }
      }
      if (ended) return;
    }
    endReason = 'max-agent-steps';
  };

  let status: Conversation['status'] = 'done';
  let errorMessage: string | null = null;
  try {
    const scripted = r.scenario.customer.turns;
    if (pc.approach.meta.mode === 'outreach') await agentTurn();
    if (opts.customer) {
      for (let i = 0; i < opts.customer.maxTurns && !ended; i++) {
        const next = await opts.customer.next(r, turns, (role, out, client) => rec.record(role, out, client));
        if (!next) { endReason = 'customer-stopped'; break; }
        turns.push(next);
        await agentTurn();
      }
    } else {
      for (const ct of scripted) {
        if (ended) break;
        turns.push({ speaker: 'customer', text: ct.text });
        await agentTurn();
      }
    }
  } catch (e) {
    if (e instanceof ProviderError) { status = 'infra-error'; endReason = `infra:${e.kind}`; }
    else { status = 'agent-error'; endReason = 'agent-error'; }
    errorMessage = e instanceof Error ? e.message : String(e);
  }
  return {
    cell: pc.cell, runId: opts.runId, status, errorMessage, turns, calls: rec.calls, startedAt,
    finishedAt: new Date().toISOString(), handleTimeMs: rec.handleTimeMs, endReason,
  };
}
