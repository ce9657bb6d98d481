import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { z } from 'zod';
import { CellSchema, CellStatusSchema } from '../core/conversation.js';
import { TurnSchema } from '../core/types.js';
import type { Store } from '../store/db.js';
import { readConversations } from '../store/reader.js';

/** One exported conversation: a line of the JSONL file. Readers can validate lines with this schema. */
export const TranscriptLineSchema = z.object({
  cell: CellSchema,
  runId: z.string(),
  arm: z.enum(['gai', 'traditional']),
  status: CellStatusSchema,
  endReason: z.string(),
  errorMessage: z.string().nullable(),
  turns: z.array(TurnSchema),
  usage: z.object({
    agentCalls: z.number().int(),
    inputTokens: z.number(),
    outputTokens: z.number(),
    /** Sum over agent calls; null when any call had no known price. */
    agentCostUsd: z.number().nullable(),
    handleTimeMs: z.number(),
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
      const scoresBy = new Map<string, TranscriptLine['scores']>();
      for (const s of scoreRows) {
        const list = scoresBy.get(s.cell_key) ?? [];
        list.push({ metric: s.metric, value: s.value, explanation: s.explanation, evidence: JSON.parse(s.evidence_json) as unknown, evaluator: s.evaluator });
        scoresBy.set(s.cell_key, list);
      }
      for (const c of page) {
        const agent = c.calls.filter((x) => x.role === 'agent');
        const line: TranscriptLine = {
          cell: c.cell, runId: c.runId, arm: c.arm ?? (c.cell.model === 'rules' ? 'traditional' : 'gai'), status: c.status, endReason: c.endReason,
          errorMessage: c.errorMessage, turns: c.turns,
          usage: {
            agentCalls: agent.length,
            inputTokens: agent.reduce((s, x) => s + x.usage.input, 0),
            outputTokens: agent.reduce((s, x) => s + x.usage.output, 0),
            agentCostUsd: agent.reduce<number | null>((s, x) => (s === null || x.costUsd === null ? null : s + x.costUsd), 0),
            handleTimeMs: c.handleTimeMs,
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
