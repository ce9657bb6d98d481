import { describe, expect, it } from 'vitest';
import { synthesisEvaluator } from '../../../evaluators/insight/synthesis.js';
import { agent, call, conversation, customer, resolved } from '../resolution/fixtures.js';
import { ideasView } from './fixtures.js';

const scenario = resolved({ approach: 'co-creation-facilitation' }, { corpus: ideasView() });

describe('synthesis evaluator', () => {
  it('recovers a cluster only when it is the plurality cluster of a proposal', async () => {
    const proposals = [
      { title: 'Dark mode', ideaIds: ['i1', 'i2'] },
      // export 1 vs sso 1 is a tie: both count as recovered.
      { title: 'Enterprise pack', ideaIds: ['i3', 'i5', 'bogus'] },
    ];
    const c = conversation([customer('Synthesise.'), agent('', call('submit_synthesis', { proposals }))]);
    const [recall, coverage] = await synthesisEvaluator.score(c, scenario, {});
    expect(recall!.value).toBe(1);
    expect(coverage!.value).toBeCloseTo(4 / 5, 10);
    expect(recall!.evidence[1]!.note).toMatch(/bogus/);
  });

  it('a proposal that lumps a minority idea in does not recover its cluster', async () => {
    const c = conversation([customer('Synthesise.'), agent('', call('submit_synthesis', { proposals: [{ title: 'Look', ideaIds: ['i1', 'i2', 'i3'] }] }))]);
    const [recall, coverage] = await synthesisEvaluator.score(c, scenario, {});
    expect(recall!.value).toBeCloseTo(1 / 3, 10);
    expect(coverage!.value).toBeCloseTo(3 / 5, 10);
  });
});
