import type { Suite } from '../plan/suite.js';
import { resolveScenario } from '../plan/material.js';
import { applyVariant, BASELINE, type VariantChoice } from '../plan/personas.js';
import type { Store } from '../store/db.js';
import { readConversations } from '../store/reader.js';
import { appendScore } from '../store/writer.js';
import { scoreConversation } from './score-conversation.js';
import type { Evaluator, ScoreContext } from './types.js';

export interface RescoreSummary { scored: number; skipped: { cellKey: string; reason: string }[] }

/**
 * Re-scores stored transcripts with the current evaluators, without generating again. A cell whose scenario is gone
 * or has another version is skipped (its old scores stay) and reported.
 */
export async function rescore(store: Store, suite: Suite, evaluators: Evaluator[], ctx: ScoreContext): Promise<RescoreSummary> {
  const byId = new Map(suite.scenarios.map((s) => [s.id, s]));
  const summary: RescoreSummary = { scored: 0, skipped: [] };
  const ap = await store.conn.createAppender('scores');
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
        scored.push({ key: conv.cell.key, scores: await scoreConversation(conv, r, evaluators, ctx) });
        keys.push(conv.cell.key);
      }
      if (keys.length === 0) continue;
      await store.transaction(async () => {
        await store.exec(`DELETE FROM scores WHERE cell_key IN (${keys.map(() => '?').join(',')})`, keys);
        const at = new Date().toISOString();
        for (const s of scored) for (const sc of s.scores) appendScore(ap, s.key, sc, at);
        ap.flushSync();
      });
      summary.scored += keys.length;
    }
  } finally {
    ap.closeSync();
  }
  return summary;
}

function findVariant(suite: Suite, set: string, id: string): VariantChoice | undefined {
  if (set === BASELINE.set) return BASELINE;
  const ps = suite.datasets.personaSets.get(set);
  const v = ps?.variants.find((x) => x.id === id);
  return ps && v ? { set: ps.id, attribute: ps.attribute, variant: v } : undefined;
}
