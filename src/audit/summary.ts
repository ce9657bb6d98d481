import type { Score } from '../score/types.js';
import type { AuditRecord } from './record.js';
import { hasEmotionAnnotation } from './unknowns.js';

/** What the summary needs of one audited conversation (kept small: a file may hold many conversations). */
export interface AuditFacts {
  outcome: string | null;
  /** resolution.resolved: 1, 0, or null when not scorable. */
  resolved: number | null;
  dateKnown: boolean;
  costKnown: boolean;
  usageKnown: boolean;
  emotionKnown: boolean;
}

export function auditFacts(rec: AuditRecord, scores: Score[]): AuditFacts {
  return {
    outcome: rec.truth?.outcome ?? null,
    resolved: scores.find((s) => s.metric === 'resolution.resolved')?.value ?? null,
    dateKnown: rec.date.date !== null,
    costKnown: rec.costUsd !== null,
    usageKnown: rec.usage !== null,
    emotionKnown: hasEmotionAnnotation(rec),
  };
}

export interface OutcomeRow {
  /** The team's own label; '(none)' for conversations without one. */
  outcome: string;
  conversations: number;
  /** Conversations whose resolution could be scored (expected writes and should_escalate given). */
  scored: number;
  resolved: number;
}

export interface AuditSummary {
  runId: string;
  conversations: number;
  /** Conversations stored before under the same label and approach, now replaced. */
  replaced: number;
  resolutionScored: number;
  resolved: number;
  withoutDate: number;
  withoutCost: number;
  withoutUsage: number;
  withoutEmotion: number;
  /** The team's outcome labels beside cxbench's resolution verdict, for comparison. */
  outcomes: OutcomeRow[];
}

export function summariseAudit(runId: string, facts: AuditFacts[], replaced: number): AuditSummary {
  const byOutcome = new Map<string, OutcomeRow>();
  for (const f of facts) {
    const key = f.outcome ?? '(none)';
    const row = byOutcome.get(key) ?? { outcome: key, conversations: 0, scored: 0, resolved: 0 };
    row.conversations++;
    if (f.resolved !== null) { row.scored++; if (f.resolved === 1) row.resolved++; }
    byOutcome.set(key, row);
  }
  return {
    runId,
    conversations: facts.length,
    replaced,
    resolutionScored: facts.filter((f) => f.resolved !== null).length,
    resolved: facts.filter((f) => f.resolved === 1).length,
    withoutDate: facts.filter((f) => !f.dateKnown).length,
    withoutCost: facts.filter((f) => !f.costKnown).length,
    withoutUsage: facts.filter((f) => !f.usageKnown).length,
    withoutEmotion: facts.filter((f) => !f.emotionKnown).length,
    outcomes: [...byOutcome.values()].sort((a, b) => a.outcome.localeCompare(b.outcome)),
  };
}

/** The summary as lines for the terminal, each unknown said as such. */
export function summaryLines(s: AuditSummary, label: string): string[] {
  const lines = [
    `audit ${s.runId}: ${s.conversations} conversation(s) stored as arm 'audit', model '${label}'${s.replaced ? ` (${s.replaced} audited before under this label: replaced)` : ''}`,
    s.resolutionScored
      ? `resolution: ${s.resolved} of ${s.resolutionScored} resolved where ground truth is given; ${s.conversations - s.resolutionScored} not scorable (no expected_writes / should_escalate)`
      : 'resolution: not scorable for any conversation (no ground truth: give expected_writes and should_escalate in the metadata or --truth)',
  ];
  if (s.outcomes.some((o) => o.outcome !== '(none)')) {
    lines.push('outcome labels vs resolution:');
    for (const o of s.outcomes) lines.push(`  ${o.outcome}: ${o.conversations} conversation(s), ${o.scored ? `${o.resolved} of ${o.scored} resolved` : 'resolution not scorable'}`);
  }
  if (s.withoutDate) lines.push(`date: unknown for ${s.withoutDate} conversation(s); dates and durations only "now" could decide are not checkable for them (neither supported nor hallucinations)`);
  if (s.withoutCost) lines.push(`cost: unknown for ${s.withoutCost} conversation(s) (no metadata.cost_usd); shown as unknown, never $0`);
  if (s.withoutUsage) lines.push(`tokens: unknown for ${s.withoutUsage} conversation(s) (no metadata.usage)`);
  if (s.withoutEmotion) lines.push(`emotion: no annotation for ${s.withoutEmotion} conversation(s); the empathy metrics of emotional turns are not scorable for them (null)`);
  return lines;
}
