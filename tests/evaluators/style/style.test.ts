import { describe, expect, it } from 'vitest';
import { styleEvaluator } from '../../../evaluators/style/style.js';
import { vaderCompound } from '../../../evaluators/style/vader.js';
import { agent, call, conversation, customer, resolved } from '../resolution/fixtures.js';

describe('style evaluator', () => {
  it('averages VADER compound over agent turns with text and counts characters', async () => {
    const a = 'Great news, your refund is approved!';
    const b = 'The parcel is late.';
    const c = conversation([customer('hi'), agent(a), agent('', call('lookup_order', { orderId: 'A1' })), customer('ok'), agent(b)]);
    const [warmth, chars] = await styleEvaluator.score(c, resolved(), {});
    expect(warmth!.value).toBeCloseTo((vaderCompound(a) + vaderCompound(b)) / 2, 10);
    expect(vaderCompound(a)).toBeGreaterThan(0.5);
    expect(warmth!.evidence).toHaveLength(2);
    expect(chars!.value).toBe(a.length + b.length);
  });

  it('is null when the agent wrote nothing', async () => {
    const scores = await styleEvaluator.score(conversation([customer('hi'), agent('', call('escalate_to_human', { reason: 'x' }))]), resolved(), {});
    expect(scores.map((s) => s.value)).toEqual([null, null]);
  });
});
