import { describe, expect, it } from 'vitest';
import { completeAuditScores } from '../../src/audit/unknowns.js';
import type { AuditRecord } from '../../src/audit/record.js';
import type { Evaluator, Score } from '../../src/score/types.js';

const rec = (o: Partial<AuditRecord> = {}): AuditRecord => ({
  id: 'x', file: 'f', line: 1, brief: [], turns: [], date: { date: null, source: 'none' }, usage: null, costUsd: null, truth: null, ...o,
});
const score = (metric: string, value: number | null): Score => ({ metric, value, explanation: 'computed', evidence: [], evaluator: 'deterministic:t@1' });
const ev = (id: string, metrics: string[], description = ''): Evaluator => ({
  id, version: 1, description, score: async () => [],
  metrics: metrics.map((m) => ({ id: m, family: 'f', title: m, unit: 'count', direction: 'neutral', description: '' })),
});

describe('what an audit cannot know', () => {
  it('token counts without usage, handle time, and escalation correctness without truth become null with the reason', () => {
    const out = completeAuditScores([score('cost.agent_tokens', 0), score('resolution.handle_time_ms', 0), score('resolution.escalation_correct', 1), score('style.words', 12)], rec(), [], false);
    expect(out.map((s) => [s.metric, s.value])).toEqual([['cost.agent_tokens', null], ['resolution.handle_time_ms', null], ['resolution.escalation_correct', null], ['style.words', 12]]);
    expect(out[0]!.explanation).toContain('no token usage');
  });

  it('keeps measured figures when the file gives them', () => {
    const r = rec({ usage: { input: 5, output: 1, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, truth: { actions: { writes: [], shouldEscalate: true } } });
    const out = completeAuditScores([score('cost.agent_tokens', 6), score('resolution.escalation_correct', 1)], r, [], false);
    expect(out.map((s) => s.value)).toEqual([6, 1]);
  });

  it('a metric an evaluator returned nothing for gets a null row saying why', () => {
    const out = completeAuditScores([score('a.one', 1)], rec(), [ev('a', ['a.one']), ev('empathy-epitome', ['empathy.epitome'], 'LLM judge'), ev('insight-feedback', ['insight.recall'])], false);
    expect(out.find((s) => s.metric === 'empathy.epitome')).toMatchObject({ value: null, explanation: expect.stringContaining('needs a judge model') });
    expect(out.find((s) => s.metric === 'insight.recall')).toMatchObject({ value: null, explanation: expect.stringContaining('analysis-mode') });
    expect(out).toHaveLength(3);
  });
});
