import type { Evaluator, Score } from '../score/types.js';
import { EMOTION_GATED_METRICS } from './emotion.js';
import type { AuditRecord } from './record.js';

/**
 * What an audit cannot know, made explicit in the scores. The evaluators are written for conversations cxbench held
 * itself, where every token, latency and expectation is recorded; an audited file may lack them, and a lacking
 * figure must read as unknown (null, with the reason), never as a measured 0 or a default. Applied after scoring:
 *
 * * token counts when the file gives no usage;
 * * handle time: the file has no agent backend latency;
 * * escalation correctness when no ground truth says whether a hand-over was due;
 * * the metrics gated on emotional customer turns when the file annotates no emotion (null either way, but the
 *   reason is the missing annotation, not a calm customer);
 * * every metric an evaluator returned nothing for (a judge evaluator without a judge, an analysis-mode scorer on a
 *   dialogue) gets a null row, so the audit lists what was not scored and why.
 */
type Override = (rec: AuditRecord) => string | null;

export const AUDIT_UNKNOWNS: Record<string, Override> = {
  'cost.agent_tokens': (rec) => (rec.usage ? null : 'not scorable: the file gives no token usage for this conversation (metadata.usage)'),
  'resolution.handle_time_ms': () => 'not scorable: an audited transcript records no agent backend latency',
  'resolution.escalation_correct': (rec) => (rec.truth?.actions ? null : 'not scorable: no ground truth says whether a hand-over was due (should_escalate)'),
};

export const hasEmotionAnnotation = (rec: AuditRecord): boolean => (rec.emotions?.size ?? 0) > 0;

const NO_EMOTION_WHY = 'not scorable: the transcript annotates no customer emotion (metadata.emotion), so no customer turn is known to be emotional';

/** Why an evaluator returned no score for an audited conversation. */
function notAppliedReason(ev: Evaluator, hasJudge: boolean): string {
  if (/insight|synthesis/.test(ev.id)) return `${ev.id} scores analysis-mode approaches (a corpus in, a report out); an audited transcript is a dialogue`;
  if (!hasJudge && /judge|epitome/.test(`${ev.id} ${ev.description}`.toLowerCase())) return `${ev.id} needs a judge model: set judge: in the --config file`;
  return `${ev.id} returned no score for this conversation`;
}

export function completeAuditScores(scores: Score[], rec: AuditRecord, evaluators: Evaluator[], hasJudge: boolean): Score[] {
  const out = scores.map((s) => {
    if (EMOTION_GATED_METRICS.has(s.metric) && !hasEmotionAnnotation(rec)) return { ...s, value: null, explanation: NO_EMOTION_WHY, evidence: [] };
    const why = AUDIT_UNKNOWNS[s.metric]?.(rec) ?? null;
    return why === null || s.value === null ? s : { ...s, value: null, explanation: why, evidence: [] };
  });
  const have = new Set(out.map((s) => s.metric));
  for (const ev of evaluators) {
    const missing = ev.metrics.filter((m) => !have.has(m.id));
    if (!missing.length) continue;
    const why = notAppliedReason(ev, hasJudge);
    for (const m of missing) out.push({ metric: m.id, value: null, explanation: `not scored: ${why}`, evidence: [], evaluator: `not-applied:${ev.id}@${ev.version}` });
  }
  return out;
}
