import { describe, expect, it } from 'vitest';
import { feedbackInsightEvaluator } from '../../../evaluators/insight/feedback.js';
import { themeScore } from '../../../evaluators/insight/themes.js';
import type { Score } from '../../../src/score/types.js';
import { agent, call, conversation, customer, resolved } from '../resolution/fixtures.js';
import { FEEDBACK, feedbackView } from './fixtures.js';

const byId = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.metric, s]));
const scenario = resolved({ approach: 'feedback-insight-analysis', judging: { endState: { kind: 'report', tool: 'submit_insights' }, shouldEscalate: false } }, { corpus: feedbackView() });
const run = async (themes: unknown[]) =>
  byId(await feedbackInsightEvaluator.score(conversation([customer('Analyse the feedback.'), agent('Done.', call('submit_insights', { themes }))]), scenario, {}));

describe('theme matching rule', () => {
  it('matches on id/label, keywords or shared label words, and not on unrelated labels', () => {
    const [late, sizing] = FEEDBACK.themes;
    expect(themeScore('late-delivery', late!)).toBe(100);
    expect(themeScore('Shipping delays', late!)).toBe(2);
    expect(themeScore('Sizing inconsistencies', sizing!)).toBe(1); // shares "sizing" with the gold label
    expect(themeScore('Size and fit problems', sizing!)).toBe(2);
    expect(themeScore('Friendly staff', late!)).toBe(0);
  });
});

describe('feedback insight evaluator', () => {
  it('scores precision, recall, sentiment and support on a mixed submission', async () => {
    const s = await run([
      { label: 'Shipping delays', sentiment: 'negative', evidenceIds: ['f1', 'f2'] },
      { label: 'Size and fit', sentiment: 'positive', evidenceIds: ['f4', 'f5'] },
      { label: 'Rude staff', sentiment: 'negative', evidenceIds: ['f3'] },
    ]);
    expect(s['insight.theme_precision']!.value).toBeCloseTo(2 / 3, 10);
    expect(s['insight.theme_recall']!.value).toBe(1);
    // late-delivery majority negative (2:1) -> right; sizing is a 1:1 tie -> positive accepted.
    expect(s['insight.sentiment_accuracy']!.value).toBe(1);
    expect(s['insight.unsupported']!.value).toBeCloseTo(1 / 3, 10);
  });

  it('a theme with bogus evidence ids is unsupported even when its label is right', async () => {
    const s = await run([
      { label: 'Late delivery', sentiment: 'negative', evidenceIds: ['f1', 'x99'] },
      { label: 'Sizing', sentiment: 'negative', evidenceIds: ['f1'] },
    ]);
    expect(s['insight.theme_precision']!.value).toBe(1);
    expect(s['insight.unsupported']!.value).toBe(1);
    const notes = s['insight.unsupported']!.evidence.map((e) => e.note);
    expect(notes[0]).toMatch(/x99/);
    expect(notes[1]).toMatch(/without theme sizing/);
  });

  it('a gold theme outside the items given does not count as found, and wrong sentiment is caught', async () => {
    const s = await run([{ label: 'App crashes', sentiment: 'negative', evidenceIds: ['f6'] }, { label: 'Late delivery', sentiment: 'positive', evidenceIds: ['f1'] }]);
    expect(s['insight.theme_precision']!.value).toBe(0.5);
    expect(s['insight.theme_recall']!.value).toBe(0.5);
    expect(s['insight.sentiment_accuracy']!.value).toBe(0);
  });

  it('no submission: recall 0, precision and support null; non-feedback scenarios are not scored', async () => {
    const c = conversation([customer('Analyse.'), agent('Here is a summary in prose only.')]);
    const s = byId(await feedbackInsightEvaluator.score(c, scenario, {}));
    expect(s['insight.theme_recall']!.value).toBe(0);
    expect(s['insight.theme_precision']!.value).toBeNull();
    expect(s['insight.unsupported']!.value).toBeNull();
    expect(await feedbackInsightEvaluator.score(c, resolved(), {})).toEqual([]);
  });
});
