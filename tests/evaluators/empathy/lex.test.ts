import { describe, expect, it } from 'vitest';
import { empathyLexEvaluator } from '../../../evaluators/empathy/lex.js';
import { vaderCompound } from '../../../evaluators/style/vader.js';
import type { Score } from '../../../src/score/types.js';
import { agent, call, conversation, customer, resolved } from '../resolution/fixtures.js';

const CUSTOMER = 'Where is my order A100? It is a week late and I am really frustrated.';
const byId = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.metric, s]));
const run = async (reply: string, ...calls: ReturnType<typeof call>[]) =>
  byId(await empathyLexEvaluator.score(conversation([customer(CUSTOMER), agent(reply, ...calls)]), resolved(), {}));

describe('deterministic empathy evaluator', () => {
  it('scores ER, IP and EX separately, and their composite (sentiment is not empathy)', async () => {
    const reply = "Sorry about the delay. I understand, it's annoying. Let me fix this for you right away.";
    expect(vaderCompound(reply)).toBeLessThan(-0.3);
    const s = await run(reply);
    expect(s['empathy.er']!.value).toBe(0.5); // generic apology: level 1 of 2
    expect(s['empathy.ip']!.value).toBe(0.5); // generic understanding: level 1 of 2
    expect(s['empathy.ex']!.value).toBe(0);
    expect(s['empathy.lex']!.value).toBeCloseTo(2 / 6, 6);
    expect(s['empathy.next_step']!.value).toBe(1);
    expect(s['empathy.dismissive']!.value).toBe(0);
    expect(s['empathy.er']!.evaluator).toBe('fallback:empathy-lex@2');
    expect(s['empathy.ip']!.evidence[0]!.quote).toBe("I understand, it's annoying.");
    expect(s['empathy.ip']!.evidence[0]!.note).toMatch(/IP 1: generic acknowledgement/);
    const strong = await run('A week late when you were counting on it must be really frustrating.');
    expect(strong['empathy.ip']!.value).toBe(1);
  });

  it('an apology tied to what the customer said is ER 2; a tool call is a next step', async () => {
    const s = await run("I'm sorry your order is a week late.", call('lookup_order', { orderId: 'A100' }));
    expect(s['empathy.er']!.value).toBe(1);
    expect(s['empathy.next_step']!.value).toBe(1);
  });

  it('a question for data is not an exploration; a question about the impact is', async () => {
    expect((await run('Could you confirm the order number for me?'))['empathy.ex']!.value).toBe(0);
    expect((await run('Has the delay affected your plans?'))['empathy.ex']!.value).toBe(1);
    expect((await run('What happened when it arrived?'))['empathy.ex']!.value).toBe(0.5);
  });

  it('flags dismissive phrasing and has nothing to align with action when no reply is empathic', async () => {
    const s = await run('Please calm down. As I said, the parcel is on its way.');
    expect(s['empathy.dismissive']!.value).toBe(1);
    expect(s['empathy.dismissive']!.evidence[0]!.quote).toBe('calm down');
    expect(s['empathy.lex']!.value).toBe(0);
    expect(s['empathy.next_step']!.value).toBeNull();
  });

  it('weights turns by intensity and skips calm turns', async () => {
    const sc = resolved({
      customer: {
        reason: 'rsn', goal: 'goal',
        turns: [
          { text: 'Hi, quick question about order A100.', emotion: { label: 'neutral', intensity: 1 } },
          { text: 'It is a week late and I am furious!', emotion: { label: 'furious', intensity: 8 } },
          { text: 'And nobody answers the phone.', emotion: { label: 'angry', intensity: 4 } },
        ],
      },
    });
    const c = conversation([
      customer('Hi, quick question about order A100.'), agent('Sure, what is it?'),
      customer('It is a week late and I am furious!'), agent('I understand.'),
      customer('And nobody answers the phone.'), agent('Noted.'),
    ]);
    const s = byId(await empathyLexEvaluator.score(c, sc, {}));
    // IP 1 (weight 8) and IP 0 (weight 4): (8 * 0.5 + 4 * 0) / 12.
    expect(s['empathy.ip']!.value).toBeCloseTo(4 / 12, 9);
    expect(s['empathy.ip']!.evidence).toHaveLength(2);
    expect(s['empathy.lex']!.value).toBeCloseTo((8 / 6) / 12, 9);
  });

  it('is null without emotional turns and on unfinished transcripts', async () => {
    const calm = resolved({ customer: { reason: 'rsn', goal: 'goal', turns: [{ text: 'What are your hours?', emotion: { label: 'neutral', intensity: 0 } }] } });
    const s = byId(await empathyLexEvaluator.score(conversation([customer('What are your hours?'), agent('9 to 5.')]), calm, {}));
    for (const id of ['empathy.er', 'empathy.ip', 'empathy.ex', 'empathy.lex', 'empathy.next_step']) expect(s[id]!.value).toBeNull();
    expect(s['empathy.dismissive']!.value).toBe(0);
    const err = await empathyLexEvaluator.score(conversation([customer(CUSTOMER)], { status: 'agent-error', endReason: 'agent-error' }), resolved(), {});
    expect(err.every((x) => x.value === null)).toBe(true);
    expect(err.map((x) => x.metric).sort()).toEqual(empathyLexEvaluator.metrics.map((m) => m.id).sort());
  });

  it('marks every metric an unvalidated screen while calibration.json holds no passing human-label record', () => {
    for (const m of empathyLexEvaluator.metrics) expect(m.screen).toMatch(/^unvalidated screen: .*docs\/instruments\/empathy\.md$/);
    expect(empathyLexEvaluator.metrics.find((m) => m.id === 'empathy.er')!.screen).toMatch(/not measured against human labels/);
  });
});
