import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { z } from 'zod';
import { CellSchema, CellStatusSchema } from '../core/conversation.js';
import { TurnSchema } from '../core/types.js';
import type { Store } from '../store/db.js';
import { handleTimeKnown, usageKnown } from '../store/known.js';
import { readConversations } from '../store/reader.js';

/** One exported conversation: a line of the JSONL file. Readers can validate lines with this schema. */
export const TranscriptLineSchema = z.object({
  cell: CellSchema,
  runId: z.string(),
  /** The arm as stored: an audit's conversations are `audit` (docs/audit.md), whatever their model label. */
  arm: z.enum(['gai', 'traditional', 'audit']),
  status: CellStatusSchema,
  endReason: z.string(),
  errorMessage: z.string().nullable(),
  turns: z.array(TurnSchema),
  usage: z.object({
    agentCalls: z.number().int(),
    /** Sums over agent calls; null when any call's usage is unknown (an audited transcript without usage), never 0. */
    inputTokens: z.number().nullable(),
    outputTokens: z.number().nullable(),
    /** Sum over agent calls; null when any call had no known price. */
    agentCostUsd: z.number().nullable(),
    /** Null when not measured (audited transcripts), never 0. */
    handleTimeMs: z.number().nullable(),
  }),
  scores: z.array(z.object({
    metric: z.string(),
    value: z.number().nullable(),
    explanation: z.string(),
    evidence: z.unknown(),
    evaluator: z.string(),
  })),
});
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;

const ARMS = TranscriptLineSchema.shape.arm.options;

/** The stored `arm` column, never re-derived from the model name (an audit's label is no model). */
function armOf(stored: string | undefined, key: string): TranscriptLine['arm'] {
  const arm = ARMS.find((a) => a === stored);
  if (!arm) throw new Error(`conversation ${key} has arm ${JSON.stringify(stored)} in the database; the export knows ${ARMS.join(', ')}`);
  return arm;
}

interface ScoreRow { cell_key: string; metric: string; value: number | null; explanation: string; evidence_json: string; evaluator: string }

/**
 * Writes one conversation per line, ordered by cell key, paging through the database so memory stays flat for
 * any number of cells. Tool calls stay inside the agent turn that made them; tool results are turns of their own.
 */
export async function exportJsonl(store: Store, outFile: string, opts: { pageSize?: number } = {}): Promise<{ path: string; lines: number }> {
  mkdirSync(dirname(outFile), { recursive: true });
  const out = createWriteStream(outFile, { encoding: 'utf8' });
  let lines = 0;
  try {
    for await (const page of readConversations(store, { pageSize: opts.pageSize ?? 500 })) {
      const keys = page.map((c) => c.cell.key);
      const scoreRows = keys.length
        ? await store.all<ScoreRow>(`SELECT cell_key, metric, value, explanation, evidence_json, evaluator FROM scores WHERE cell_key IN (${keys.map(() => '?').join(',')}) ORDER BY cell_key, metric, evaluator`, keys)
        : [];
      const arms = new Map(keys.length
        ? (await store.all<{ cell_key: string; arm: string }>(`SELECT cell_key, arm FROM conversations WHERE cell_key IN (${keys.map(() => '?').join(',')})`, keys)).map((a) => [a.cell_key, a.arm])
        : []);
      const scoresBy = new Map<string, TranscriptLine['scores']>();
      for (const s of scoreRows) {
        const list = scoresBy.get(s.cell_key) ?? [];
        list.push({ metric: s.metric, value: s.value, explanation: s.explanation, evidence: JSON.parse(s.evidence_json) as unknown, evaluator: s.evaluator });
        scoresBy.set(s.cell_key, list);
      }
      for (const c of page) {
        const agent = c.calls.filter((x) => x.role === 'agent');
        const tokensKnown = agent.every(usageKnown);
        const line: TranscriptLine = {
          cell: c.cell, runId: c.runId, arm: armOf(arms.get(c.cell.key), c.cell.key), status: c.status, endReason: c.endReason,
          errorMessage: c.errorMessage, turns: c.turns,
          usage: {
            agentCalls: agent.length,
            inputTokens: tokensKnown ? agent.reduce((s, x) => s + x.usage.input, 0) : null,
            outputTokens: tokensKnown ? agent.reduce((s, x) => s + x.usage.output, 0) : null,
            agentCostUsd: agent.reduce<number | null>((s, x) => (s === null || x.costUsd === null ? null : s + x.costUsd), 0),
            handleTimeMs: handleTimeKnown(c) ? c.handleTimeMs : null,
          },
          scores: scoresBy.get(c.cell.key) ?? [],
        };
        if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
        lines++;
      }
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return { path: outFile, lines };
}
