import pLimit from 'p-limit';
import { NO_SECRETS, type Redactor } from '../../core/redact.js';
import { ProviderError, type ProviderErrorKind } from '../../core/errors.js';
import type { PlannedCell } from '../../plan/cells.js';
import type { ResolvedScenario } from '../../plan/material.js';
import type { ModelSpec } from '../../schema/model-spec.js';
import type { CustomerSimulator } from '../conversation.js';
import {
  advance, agentRequest, applyAgentReply, applyCustomerTurn, callRecord, failConversation, failedCallRecord, recordCall, type ConversationSetup,
} from '../conversation-state.js';
import { RETRYABLE } from '../retry.js';
import type { BatchCellState } from './state-store.js';
import type { BatchItem, BatchVendor, ItemOutcome } from './contract.js';

/** One unfinished cell of a lane: its plan, its fixed setup and its persisted state. */
export interface LaneCell {
  pc: PlannedCell;
  r: ResolvedScenario;
  setup: ConversationSetup;
  state: BatchCellState;
  /** The batch this cell's next request is in, or null between rounds. */
  batchId: string | null;
  submittedAt: string | null;
}

export interface LaneOptions {
  /** The model key, e.g. `openai:gpt-4o-mini`. */
  provider: string;
  spec: ModelSpec;
  vendor: BatchVendor;
  pollIntervalMs: number;
  /** Further attempts a failed or expired item gets in later rounds before the cell is an infrastructure error. */
  maxItemRetries: number;
  /** Return right after this many submissions, leaving the last batch pending (resumed by the next run). */
  stopAfterSubmit?: number;
  customer?: { simulator: CustomerSimulator; concurrency: number };
  signal?: AbortSignal;
  /** Replaces secrets in replies and item errors before they enter the state (persisted) or the conversation. */
  redactor?: Redactor;
}

export interface LaneHooks {
  /** Persists these cells' states and the batch each is pending in. */
  save(cells: LaneCell[]): Promise<void>;
  /** Stores finished cells and drops their persisted state. */
  finish(cells: LaneCell[]): Promise<void>;
  log(line: string): void;
}

export interface LaneReport {
  /** `paused`: stopped on request or abort with work left; the persisted state resumes it. */
  end: 'finished' | 'paused';
  submitted: number;
  collected: number;
  /** Batches still pending when the lane returned. */
  pending: string[];
}

/** Consecutive failed polls of one batch (network, 5xx) tolerated before the lane gives up and leaves it for the next run. */
const MAX_POLL_ERRORS = 5;

const sleep = (ms: number, signal?: AbortSignal): Promise<boolean> =>
  new Promise((resolve) => {
    if (signal?.aborted) { resolve(false); return; }
    const onAbort = (): void => { clearTimeout(t); resolve(false); };
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(true); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Successful agent calls so far: the step the next request is for. */
export const agentStep = (c: LaneCell): number => c.state.conversation.calls.filter((x) => x.role === 'agent' && x.error === null).length;

/** Anthropic allows [a-zA-Z0-9_-]{1,64}; a cell key is 24 hex digits. */
const customIdOf = (c: LaneCell): string => `${c.pc.cell.key}-${agentStep(c)}`;

const itemOf = (c: LaneCell): BatchItem => ({ customId: customIdOf(c), request: agentRequest(c.setup, c.state.conversation), signatures: c.state.signatures });

/**
 * Advances one provider model's cells one agent step per batch round: collect any pending batch (first of all one a
 * previous process left), apply each result exactly as the live driver would, let customers answer, finish cells
 * that are over, submit the next requests of the rest as one batch, and repeat until no cell is left.
 */
export async function runLane(cells: LaneCell[], o: LaneOptions, hooks: LaneHooks): Promise<LaneReport> {
  const client = { id: o.provider, spec: o.spec };
  let active = cells;
  let submitted = 0;
  let collected = 0;
  const paused = (): LaneReport => ({ end: 'paused', submitted, collected, pending: [...new Set(active.flatMap((c) => (c.batchId ? [c.batchId] : [])))] });

  const failAttempt = (c: LaneCell, kind: ProviderErrorKind, message: string): void => {
    c.state.failures++;
    if (RETRYABLE[kind] && c.state.failures <= o.maxItemRetries) return;
    const n = c.state.failures;
    const e = new ProviderError(kind, `${o.provider} batch item failed: ${message}${n > 1 ? ` (after ${n} attempts)` : ''}`);
    e.attempts = n;
    recordCall(c.state.conversation, failedCallRecord('agent', o.provider, e, true));
    failConversation(c.state.conversation, e);
  };

  const apply = (c: LaneCell, out: ItemOutcome | undefined, latencyMs: number): void => {
    const redactor = o.redactor ?? NO_SECRETS;
    const result = out ?? { ok: false, kind: 'malformed', message: 'the batch returned no result for this request' };
    if (!result.ok) { failAttempt(c, result.kind, redactor.text(result.message)); return; }
    result.reply.turn = redactor.deep(result.reply.turn);
    const st = c.state.conversation;
    recordCall(st, callRecord('agent', client, { result: { ...result.reply, latencyMs }, cached: false, retries: c.state.failures }, true));
    c.state.failures = 0;
    Object.assign(c.state.signatures, result.signatures ?? {});
    try {
      applyAgentReply(c.setup, st, result.reply.turn);
    } catch (e) {
      failConversation(st, e);
    }
  };

  /** Polls until the batch has ended; false when aborted. */
  const waitFor = async (batchId: string): Promise<boolean> => {
    for (let errors = 0; ;) {
      if (o.signal?.aborted) return false;
      try {
        const p = await o.vendor.poll(batchId, o.signal);
        errors = 0;
        if (p.done) return true;
      } catch (e) {
        if (o.signal?.aborted) return false;
        if (!(e instanceof ProviderError) || !RETRYABLE[e.kind] || ++errors > MAX_POLL_ERRORS) throw e;
      }
      if (!(await sleep(o.pollIntervalMs, o.signal))) return false;
    }
  };

  /** Customer turns (scripted ones at once, simulated ones through their model) until each cell needs the agent or is over. */
  const settle = async (list: LaneCell[]): Promise<void> => {
    const limit = pLimit(o.customer?.concurrency ?? 1);
    await Promise.all(list.map((c) => limit(async () => {
      const st = c.state.conversation;
      try {
        while (advance(c.setup, st).kind === 'customer') {
          // advance() only asks for a customer turn in simulated mode, where a simulator is given.
          const sim = o.customer!.simulator;
          applyCustomerTurn(st, await sim.next(c.r, st.turns, (role, out, cl) => recordCall(st, callRecord(role, cl, out))));
        }
      } catch (e) {
        failConversation(st, e);
      }
    })));
  };

  for (;;) {
    for (const batchId of new Set(active.flatMap((c) => (c.batchId ? [c.batchId] : [])))) {
      if (!(await waitFor(batchId))) return paused();
      const members = active.filter((c) => c.batchId === batchId);
      const items = members.map(itemOf);
      let outcomes: Map<string, ItemOutcome>;
      try {
        outcomes = await o.vendor.collect(batchId, items, o.signal);
      } catch (e) {
        if (o.signal?.aborted) return paused();
        throw e;
      }
      // Vendors report no per-request latency: the turnaround of the batch is what a request waited.
      const since = Date.parse(members[0]?.submittedAt ?? '');
      const latencyMs = Number.isFinite(since) ? Math.max(0, Date.now() - since) : 0;
      members.forEach((c, i) => { apply(c, outcomes.get(items[i]!.customId), latencyMs); c.batchId = null; c.submittedAt = null; });
      await hooks.save(members);
      collected++;
      hooks.log(`${o.provider}: collected batch ${batchId} (${members.length} requests)`);
    }

    await settle(active);
    const over = active.filter((c) => c.state.conversation.phase === 'finished');
    active = active.filter((c) => c.state.conversation.phase !== 'finished');
    await hooks.finish(over);
    if (active.length === 0) return { end: 'finished', submitted, collected, pending: [] };
    if (o.signal?.aborted) { await hooks.save(active); return paused(); }

    let batchId: string;
    try {
      batchId = await o.vendor.submit(active.map(itemOf), o.signal);
    } catch (e) {
      if (o.signal?.aborted) { await hooks.save(active); return paused(); }
      if (!(e instanceof ProviderError)) throw e;
      // A refused submission is a failed attempt for every request in it; the next round tries again.
      for (const c of active) failAttempt(c, e.kind, `submitting the batch failed: ${e.message}`);
      await hooks.save(active);
      hooks.log(`${o.provider}: submitting a batch failed (${e.kind}); retrying next round`);
      if (!(await sleep(o.pollIntervalMs, o.signal))) return paused();
      continue;
    }
    const at = new Date().toISOString();
    for (const c of active) { c.batchId = batchId; c.submittedAt = at; }
    await hooks.save(active);
    submitted++;
    hooks.log(`${o.provider}: submitted batch ${batchId} (${active.length} requests)`);
    if (o.stopAfterSubmit !== undefined && submitted >= o.stopAfterSubmit) return paused();
  }
}
