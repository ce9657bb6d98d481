/**
 * One conversation in full: its cell, turns (with tool calls), scores with their evidence (each item's `turn` is an
 * index into the turns), and every model call with tokens, latency and cost (a null cost is an unknown price).
 */
import { z } from 'zod';
import { EvidenceSchema, type Evidence } from '../../score/types.js';
import { BadRequest } from '../bad-request.js';
import type { ViewerFiles } from '../files.js';
import { DbShape } from '../sql.js';

export const TranscriptQuery = z.strictObject({ ...DbShape, cell: z.string().min(1).max(200) });

export interface TranscriptScore {
  metric: string; title: string | null; unit: string | null; direction: string | null; value: number | null;
  explanation: string; evaluator: string; evidence: Evidence[];
  /** Set when evidence_json could not be read as evidence items: the raw text is shown instead. */
  evidenceRaw?: string;
}

export interface Transcript {
  conversation: Record<string, unknown>;
  run: Record<string, unknown> | null;
  turns: { idx: number; speaker: string; text: string; tool_call_id: string | null; tool_name: string | null; tool_calls: { call_id: string; name: string; args_json: string }[] }[];
  scores: TranscriptScore[];
  calls: Record<string, unknown>[];
  /** The same scenario, persona variant and epoch with other models (the arms to compare side by side). */
  siblings: { cell_key: string; model: string; arm: string; status: string; run_id: string }[];
}

const EvidenceList = z.array(EvidenceSchema);

export async function transcript(files: ViewerFiles, db: number, cell: string): Promise<Transcript> {
  const a = `d${db}`;
  const [conversation] = await files.all([db], `SELECT * FROM ${a}.conversations WHERE cell_key = ?`, [cell]);
  if (!conversation) throw new BadRequest(`no conversation ${cell} in ${files.file(db).label}`, 404);
  const hasCatalogue = (await files.all([db], `SELECT 1 FROM information_schema.tables WHERE table_catalog = '${a}' AND table_name = 'metrics'`)).length > 0;
  const [run, msgs, tools, scores, calls, siblings] = await Promise.all([
    files.all([db], `SELECT run_id, suite_name, status, started_at, finished_at, code_version FROM ${a}.runs WHERE run_id = ?`, [String(conversation['run_id'])]),
    files.all<Omit<Transcript['turns'][number], 'tool_calls'>>([db], `SELECT idx, speaker, text, tool_call_id, tool_name FROM ${a}.messages WHERE cell_key = ? ORDER BY idx`, [cell]),
    files.all<{ msg_idx: number; call_id: string; name: string; args_json: string }>([db], `SELECT msg_idx, call_id, name, args_json FROM ${a}.tool_calls WHERE cell_key = ? ORDER BY msg_idx`, [cell]),
    files.all<Omit<TranscriptScore, 'evidence'> & { evidence_json: string }>([db], hasCatalogue
      ? `SELECT s.metric, m.title, m.unit, m.direction, s.value, s.explanation, s.evaluator, s.evidence_json FROM ${a}.scores s LEFT JOIN ${a}.metrics m USING (metric) WHERE s.cell_key = ? ORDER BY s.metric`
      : `SELECT metric, NULL AS title, NULL AS unit, NULL AS direction, value, explanation, evaluator, evidence_json FROM ${a}.scores WHERE cell_key = ? ORDER BY metric`, [cell]),
    files.all([db], `SELECT idx, role, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, latency_ms,
        cost_usd, price_source, cached, is_batch, retries, error FROM ${a}.model_calls WHERE cell_key = ? ORDER BY idx`, [cell]),
    files.all<Transcript['siblings'][number]>([db], `SELECT cell_key, model, arm, status, run_id FROM ${a}.conversations
      WHERE approach = ? AND scenario_id = ? AND variant_set = ? AND variant_id = ? AND epoch = ? AND cell_key <> ? ORDER BY model, finished_at DESC`,
      [String(conversation['approach']), String(conversation['scenario_id']), String(conversation['variant_set']), String(conversation['variant_id']), Number(conversation['epoch']), cell]),
  ]);
  const turns = msgs.map((m) => ({ ...m, tool_calls: tools.filter((t) => t.msg_idx === m.idx).map(({ call_id, name, args_json }) => ({ call_id, name, args_json })) }));
  return {
    conversation,
    run: run[0] ?? null,
    turns,
    scores: scores.map(({ evidence_json, ...s }) => {
      let parsed: unknown;
      try { parsed = JSON.parse(evidence_json); } catch { parsed = undefined; }
      const ev = EvidenceList.safeParse(parsed);
      return ev.success ? { ...s, evidence: ev.data } : { ...s, evidence: [], evidenceRaw: evidence_json };
    }),
    calls,
    siblings,
  };
}
