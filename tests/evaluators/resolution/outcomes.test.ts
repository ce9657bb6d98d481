import { describe, expect, it } from 'vitest';
import { outcomeEvaluators } from '../../../evaluators/outcomes.js';
import { MetricInfoSchema, ScoreSchema } from '../../../src/score/types.js';
import { agent, call, conversation, customer, modelCall, resolved } from './fixtures.js';

describe('outcome evaluator registry', () => {
  it('declares every metric once, with valid metadata', () => {
    const ids = outcomeEvaluators.flatMap((e) => e.metrics.map((m) => MetricInfoSchema.parse(m).id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['resolution.resolved', 'empathy.lex', 'empathy.epitome', 'cost.agent_usd', 'style.warmth', 'insight.theme_recall', 'synthesis.idea_coverage', 'halluc.judge_precision']) {
      expect(ids).toContain(id);
    }
  });

  it('every score is valid, declared by its evaluator, and carries an explanation', async () => {
    const c = conversation([customer('Where is my order A100? It is a week late and I am really frustrated.'), agent("I'm sorry, let me check.", call('lookup_order', { orderId: 'A100' }))], { calls: [modelCall('agent', 0.001)] });
    for (const e of outcomeEvaluators) {
      const declared = new Set(e.metrics.map((m) => m.id));
      for (const s of await e.score(c, resolved(), {})) {
        ScoreSchema.parse(s);
        expect(declared.has(s.metric)).toBe(true);
        expect(s.explanation.length).toBeGreaterThan(0);
      }
    }
  });
});
