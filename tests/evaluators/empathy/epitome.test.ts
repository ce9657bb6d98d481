import { describe, expect, it } from 'vitest';
import { EPITOME_SYSTEM, epitomeJudgeEvaluator } from '../../../evaluators/empathy/epitome.js';
import { judgeLabel } from '../../../evaluators/judge/ask.js';
import type { Score } from '../../../src/score/types.js';
import { FakeJudge } from '../judge/fake-backend.js';
import { agent, call, conversation, customer, resolved } from '../resolution/fixtures.js';

const byId = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.metric, s]));
const verdict = (er: number, ip: number, ex: number, app: number, act: number) =>
  JSON.stringify({ er: { level: er, rationale: 'r' }, ip: { level: ip, rationale: 'r' }, ex: { level: ex, rationale: 'r' }, appropriateness: { level: app, rationale: 'r' }, actionAlignment: { value: act, rationale: 'r' } });

const scenario = resolved({
  customer: {
    reason: 'late coat', goal: 'get the coat',
    turns: [
      { text: 'Maria Lopez here. My coat A100 is late and I am frustrated.', emotion: { label: 'annoyed', intensity: 4 } },
      { text: 'This is the third time I ask, I am furious!', emotion: { label: 'furious', intensity: 8 } },
      { text: 'Ok, thanks.', emotion: { label: 'content', intensity: 2 } },
    ],
  },
});
const transcript = conversation([
  customer('Maria Lopez here. My coat A100 is late and I am frustrated.'), agent('Sorry Maria, let me check.', call('lookup_order', { orderId: 'A100' })),
  customer('This is the third time I ask, I am furious!'), agent('I completely understand, Ms Lopez. I have expedited it.'),
  customer('Ok, thanks.'), agent('You are welcome, Maria.'),
]);

describe('EPITOME judge evaluator', () => {
  it('weights per-turn (ER+IP+EX)/6 by intensity and reports judge tokens', async () => {
    const j = new FakeJudge([verdict(2, 1, 0, 2, 1), verdict(1, 1, 1, 1, 0)]);
    const s = byId(await epitomeJudgeEvaluator.score(transcript, scenario, { judge: j }));
    // (4 * 3/6 + 8 * 3/6) / 12 = 0.5 ; appropriateness (4*1 + 8*0.5)/12 ; alignment (4*1 + 8*0)/12
    expect(s['empathy.epitome']!.value).toBeCloseTo(0.5, 10);
    expect(s['empathy.appropriateness']!.value).toBeCloseTo(8 / 12, 10);
    expect(s['empathy.action_alignment']!.value).toBeCloseTo(4 / 12, 10);
    // Per mechanism, on the deterministic screen's scale: ER (4*2/2 + 8*1/2)/12, IP (4*1/2 + 8*1/2)/12, EX (0 + 8*1/2)/12.
    expect(s['empathy.judge_er']!.value).toBeCloseTo(8 / 12, 10);
    expect(s['empathy.judge_ip']!.value).toBeCloseTo(6 / 12, 10);
    expect(s['empathy.judge_ex']!.value).toBeCloseTo(4 / 12, 10);
    expect(j.requests).toHaveLength(2); // the calm third turn is not judged
    expect(s['judge.tokens']!.value).toBe(2 * 115);
    expect(JSON.parse(s['judge.tokens']!.evidence[0]!.note!)).toMatchObject({ role: 'judge', model: 'judge-1-snapshot', calls: 2 });
    expect(s['empathy.epitome']!.evaluator).toBe(judgeLabel(j, EPITOME_SYSTEM));
  });

  it('never shows the judge the persona names, but does show the actions', async () => {
    const j = new FakeJudge([verdict(1, 1, 0, 1, 1), verdict(1, 1, 0, 1, 1)]);
    await epitomeJudgeEvaluator.score(transcript, scenario, { judge: j });
    const seen = j.seen();
    expect(seen).not.toMatch(/maria|lopez/i);
    expect(seen).toMatch(/the customer here/);
    expect(seen).toMatch(/lookup_order\(\{"orderId":"A100"\}\)/);
  });

  it('a turn the judge cannot rate is left out and said; all failing gives null', async () => {
    const partly = new FakeJudge(['nope', 'still nope', verdict(2, 2, 2, 2, 1)]);
    const s = byId(await epitomeJudgeEvaluator.score(transcript, scenario, { judge: partly }));
    expect(s['empathy.epitome']!.value).toBe(1);
    expect(s['empathy.epitome']!.explanation).toMatch(/1 turn\(s\) without a valid verdict/);
    const broken = new FakeJudge(() => 'no json here');
    const b = byId(await epitomeJudgeEvaluator.score(transcript, scenario, { judge: broken }));
    expect(b['empathy.epitome']!.value).toBeNull();
    expect(b['judge.tokens']!.value).toBe(4 * 115);
  });

  it('returns nothing without a judge', async () => {
    expect(await epitomeJudgeEvaluator.score(transcript, scenario, {})).toEqual([]);
  });
});
