import { describe, expect, it } from 'vitest';
import { costEvaluator } from '../../../evaluators/cost/cost.js';
import type { Score } from '../../../src/score/types.js';
import { conversation, modelCall, resolved } from '../resolution/fixtures.js';

const byId = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.metric, s]));

describe('cost evaluator', () => {
  it('keeps agent cost apart from judge and customer-simulator cost', async () => {
    const c = conversation([], { calls: [modelCall('agent', 0.002), modelCall('agent', 0.003, { input: 50, output: 10 }), modelCall('customer', 0.01), modelCall('judge', 0.02)] });
    const s = byId(await costEvaluator.score(c, resolved(), {}));
    expect(s['cost.agent_usd']!.value).toBeCloseTo(0.005, 12);
    expect(s['cost.eval_usd']!.value).toBeCloseTo(0.03, 12);
    expect(s['cost.agent_tokens']!.value).toBe(180);
  });

  it('an unknown price makes the total unknown, not smaller', async () => {
    const c = conversation([], { calls: [modelCall('agent', 0.002), modelCall('agent', null)] });
    const s = byId(await costEvaluator.score(c, resolved(), {}));
    expect(s['cost.agent_usd']!.value).toBeNull();
    expect(s['cost.agent_usd']!.explanation).toMatch(/1 of 2/);
    expect(s['cost.eval_usd']!.value).toBe(0);
  });

  it('still counts the cost of a conversation that failed', async () => {
    const c = conversation([], { status: 'infra-error', calls: [modelCall('agent', 0.004)] });
    const s = byId(await costEvaluator.score(c, resolved(), {}));
    expect(s['cost.agent_usd']!.value).toBeCloseTo(0.004, 12);
  });
});
