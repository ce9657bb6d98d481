import type { Suite } from '../plan/suite.js';
import { resolveScenario } from '../plan/material.js';
import { applyVariant, BASELINE, type VariantChoice } from '../plan/personas.js';
import type { Store } from '../store/db.js';
import { readConversations } from '../store/reader.js';
import { appendModelCall, appendScore } from '../store/writer.js';
import type { ModelSpec } from '../schema/model-spec.js';
import { judgeCallsFromScores } from './judge-cost.js';
import { scoreConversation } from './score-conversation.js';
import type { Evaluator, ScoreContext } from './types.js';

export interface RescoreSummary { scored: number; skipped: { cellKey: string; reason: string }[] }

/**
 * Re-scores stored transcripts with the current evaluators, without generating again. A cell whose scenario is gone
 * or has another version is skipped (its old scores stay) and reported.
 */
export async function rescore(store: Store, suite: Suite, evaluators: Evaluator[], ctx: ScoreContext, judgeSpec?: ModelSpec): Promise<RescoreSummary> {
  const byId = new Map(suite.scenarios.map((s) => [s.id, s]));
  // A user agent's action names are classed by its entry (as during the run), so its transcripts score the same again.
  const classesOf = new Map(suite.agents.flatMap((a) => ('entry' in a && 'toolClasses' in a.entry && Object.keys(a.entry.toolClasses).length ? [[a.label, a.entry.toolClasses] as const] : [])));
  const summary: RescoreSummary = { scored: 0, skipped: [] };
  const ap = await store.conn.createAppender('scores');
  const calls = judgeSpec ? await store.conn.createAppender('model_calls') : undefined;
  try {
    for await (const page of readConversations(store, { where: `status = 'done'` })) {
      const keys: string[] = [];
      const scored: { key: string; scores: Awaited<ReturnType<typeof scoreConversation>> }[] = [];
      for (const conv of page) {
        const s = byId.get(conv.cell.scenarioId);
        if (!s || s.version !== conv.cell.scenarioVersion) {
          summary.skipped.push({ cellKey: conv.cell.key, reason: s ? `scenario ${s.id} is now version ${s.version}, transcript has ${conv.cell.scenarioVersion}` : `scenario ${conv.cell.scenarioId} not found` });
          continue;
        }
        const variant = findVariant(suite, conv.cell.variantSet, conv.cell.variantId);
        if (!variant) { summary.skipped.push({ cellKey: conv.cell.key, reason: `persona variant ${conv.cell.variantSet}/${conv.cell.variantId} not found` }); continue; }
        const r = resolveScenario(applyVariant(s, variant), variant, suite.datasets);
        const classes = classesOf.get(conv.cell.model);
        if (classes) r.toolClasses = classes;
        scored.push({ key: conv.cell.key, scores: await scoreConversation(conv, r, evaluators, ctx) });
        keys.push(conv.cell.key);
      }
      if (keys.length === 0) continue;
      await store.transaction(async () => {
        const list = keys.map(() => '?').join(',');
        await store.exec(`DELETE FROM scores WHERE cell_key IN (${list})`, keys);
        const at = new Date().toISOString();
        for (const s of scored) for (const sc of s.scores) appendScore(ap, s.key, sc, at);
        ap.flushSync();
        if (calls && judgeSpec) {
          // Judge calls of a re-score replace the previous judge calls of that cell (agent and customer calls stay).
          await store.exec(`DELETE FROM model_calls WHERE role = 'judge' AND cell_key IN (${list})`, keys);
          for (const s of scored) {
            const [{ n } = { n: 0 }] = await store.all<{ n: number }>(`SELECT coalesce(max(idx) + 1, 0)::INTEGER AS n FROM model_calls WHERE cell_key = ?`, [s.key]);
            for (const c of judgeCallsFromScores(s.scores, judgeSpec, n)) appendModelCall(calls, s.key, c);
          }
          calls.flushSync();
        }
      });
      summary.scored += keys.length;
    }
  } finally {
    ap.closeSync();
    calls?.closeSync();
  }
  return summary;
}

function findVariant(suite: Suite, set: string, id: string): VariantChoice | undefined {
  if (set === BASELINE.set) return BASELINE;
  const ps = suite.datasets.personaSets.get(set);
  const v = ps?.variants.find((x) => x.id === id);
  return ps && v ? { set: ps.id, attribute: ps.attribute, variant: v } : undefined;
}
