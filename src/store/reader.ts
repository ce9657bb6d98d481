import type { Conversation, ModelCall } from '../core/conversation.js';
import type { ToolCall, Turn } from '../core/types.js';
import type { Store } from './db.js';

interface ConvRow {
  cell_key: string; run_id: string; approach: string; stage: string; mode: string; scenario_id: string; scenario_version: number; domain: string;
  variant_set: string; variant_id: string; attribute: string; persona_group: string; is_reference: boolean; model: string; arm: string; epoch: number;
  status: Conversation['status']; error_message: string | null; end_reason: string; handle_time_ms: number | null; started_at: string; finished_at: string;
}

/** Reads stored conversations back into the canonical shape, a page at a time (memory stays flat). */
export async function* readConversations(store: Store, opts: { where?: string; pageSize?: number } = {}): AsyncGenerator<Conversation[]> {
  const pageSize = opts.pageSize ?? 500;
  const where = opts.where ? `WHERE ${opts.where}` : '';
  for (let offset = 0; ; offset += pageSize) {
    const rows = await store.all<ConvRow>(`SELECT * FROM conversations ${where} ORDER BY cell_key LIMIT ${pageSize} OFFSET ${offset}`);
    if (rows.length === 0) return;
    const keys = rows.map((r) => r.cell_key);
    const inList = keys.map(() => '?').join(',');
    const msgs = await store.all<{ cell_key: string; idx: number; speaker: Turn['speaker']; text: string; tool_call_id: string | null; tool_name: string | null }>(
      `SELECT cell_key, idx, speaker, text, tool_call_id, tool_name FROM messages WHERE cell_key IN (${inList}) ORDER BY cell_key, idx`, keys);
    const tcs = await store.all<{ cell_key: string; msg_idx: number; call_id: string; name: string; args_json: string }>(
      `SELECT cell_key, msg_idx, call_id, name, args_json FROM tool_calls WHERE cell_key IN (${inList})`, keys);
    const calls = await store.all<{ cell_key: string; idx: number; role: ModelCall['role']; model: string; input_tokens: bigint | null; output_tokens: bigint | null; cache_read_tokens: bigint | null; cache_write_tokens: bigint | null; reasoning_tokens: bigint | null; latency_ms: number | null; cost_usd: number | null; price_source: string; cached: boolean; is_batch: boolean; retries: number; error: string | null; ttft_ms?: number | null; output_tokens_per_s?: number | null }>(
      `SELECT * FROM model_calls WHERE cell_key IN (${inList}) ORDER BY cell_key, idx`, keys);
    const toolsBy = new Map<string, ToolCall[]>();
    for (const t of tcs) {
      const k = `${t.cell_key}#${t.msg_idx}`;
      toolsBy.set(k, [...(toolsBy.get(k) ?? []), { id: t.call_id, name: t.name, arguments: JSON.parse(t.args_json) as Record<string, unknown> }]);
    }
    const turnsBy = new Map<string, Turn[]>();
    for (const m of msgs) {
      const tc = toolsBy.get(`${m.cell_key}#${m.idx}`);
      const turn: Turn = { speaker: m.speaker, text: m.text, ...(tc ? { toolCalls: tc } : {}), ...(m.tool_call_id ? { toolCallId: m.tool_call_id } : {}), ...(m.tool_name ? { toolName: m.tool_name } : {}) };
      turnsBy.set(m.cell_key, [...(turnsBy.get(m.cell_key) ?? []), turn]);
    }
    const callsBy = new Map<string, ModelCall[]>();
    for (const c of calls) {
      callsBy.set(c.cell_key, [...(callsBy.get(c.cell_key) ?? []), {
        idx: c.idx, role: c.role, model: c.model,
        usage: { input: Number(c.input_tokens ?? 0), output: Number(c.output_tokens ?? 0), cacheRead: Number(c.cache_read_tokens ?? 0), cacheWrite: Number(c.cache_write_tokens ?? 0), reasoning: Number(c.reasoning_tokens ?? 0) },
        latencyMs: c.latency_ms ?? 0, costUsd: c.cost_usd, priceSource: c.price_source, cached: c.cached, isBatch: c.is_batch, retries: c.retries, error: c.error,
        // NULL is unknown: the zeros above stand for it only together with these flags (src/store/known.ts).
        ...(c.input_tokens === null ? { usageKnown: false } : {}),
        ...(c.latency_ms === null ? { latencyKnown: false } : {}),
        // Streamed calls only; NULL (or a file opened read-only from before schema 3, without the columns) is absent.
        ...(c.ttft_ms != null ? { ttftMs: c.ttft_ms } : {}),
        ...(c.output_tokens_per_s != null ? { outputTokensPerS: c.output_tokens_per_s } : {}),
      }]);
    }
    yield rows.map((r) => ({
      cell: {
        key: r.cell_key, approach: r.approach, stage: r.stage, mode: r.mode, domain: r.domain, scenarioId: r.scenario_id, scenarioVersion: r.scenario_version,
        variantSet: r.variant_set, variantId: r.variant_id, attribute: r.attribute, group: r.persona_group, isReference: r.is_reference, model: r.model, epoch: r.epoch,
      },
      runId: r.run_id, status: r.status, errorMessage: r.error_message, turns: turnsBy.get(r.cell_key) ?? [], calls: callsBy.get(r.cell_key) ?? [],
      // A NULL handle time comes with agent calls of unknown latency: handleTimeKnown (src/store/known.ts) says so.
      startedAt: r.started_at, finishedAt: r.finished_at, handleTimeMs: r.handle_time_ms ?? 0, endReason: r.end_reason,
      // The agent's arm as stored (a user agent declares its own); other arms ('audit') are not an agent's.
      ...(r.arm === 'gai' || r.arm === 'traditional' ? { arm: r.arm } : {}),
    }));
    if (rows.length < pageSize) return;
  }
}
