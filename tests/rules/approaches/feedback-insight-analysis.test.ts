import { describe, expect, it } from 'vitest';
import type { FeedbackCorpus } from '../../../src/schema/datasets.js';
import { FEEDBACK, callsOf, feedbackCorpus, play, resolved } from '../fixtures.js';

const A = 'feedback-insight-analysis' as const;
type Theme = { label: string; sentiment: string; evidenceIds: string[] };

describe('feedback-insight-analysis rules counterpart', () => {
  it('finds the planted delivery theme by keyword counting, negative, with its item ids', async () => {
    const t = await play(A, resolved(A, { corpus: feedbackCorpus() }), ['Please analyse this feedback']);
    const themes = callsOf(t, 'submit_insights')[0]?.arguments['themes'] as Theme[];
    expect(themes[0]).toMatchObject({ label: 'Delivery and shipping', sentiment: 'negative', evidenceIds: ['f1', 'f2', 'f3'] });
    expect(themes.map((x) => x.label)).toContain('Sizing and fit');
    expect(t.find((x) => x.speaker === 'agent')!.text).toMatch(/Automated keyword report over 6 feedback items/);
  });

  it('uses no gold labels: changing gold themes, item labels and keywords leaves the output identical', async () => {
    const scrambled: FeedbackCorpus = {
      ...FEEDBACK,
      themes: [{ id: 'zzz', label: 'Something else', rootCause: 'nothing', keywords: ['fabric', 'colours'] }],
      items: FEEDBACK.items.map((i) => ({ ...i, themes: ['zzz'], sentiment: 'positive' as const })),
    };
    const a = await play(A, resolved(A, { corpus: feedbackCorpus() }), ['Analyse']);
    const b = await play(A, resolved(A, { corpus: { ...feedbackCorpus(), gold: scrambled, goldItemIds: ['f6'] } }), ['Analyse']);
    expect(b).toEqual(a);
  });
});
