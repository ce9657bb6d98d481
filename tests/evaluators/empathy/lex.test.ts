import { describe, expect, it } from 'vitest';
import { empathyLexEvaluator, lexLevels, specificsFor } from '../../../evaluators/empathy/lex.js';
import { vaderCompound } from '../../../evaluators/style/vader.js';
import type { Score } from '../../../src/score/types.js';
import { agent, call, conversation, customer, resolved } from '../resolution/fixtures.js';

const CUSTOMER = 'Where is my order A100? It is a week late and I am really frustrated.';
const byId = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.metric, s]));
const run = async (reply: string, ...calls: ReturnType<typeof call>[]) =>
  byId(await empathyLexEvaluator.score(conversation([customer(CUSTOMER), agent(reply, ...calls)]), resolved(), {}));

describe('empathy lexicon fallback', () => {
  it('credits an empathic apology that VADER scores negative (sentiment is not empathy)', async () => {
    const reply = "I'm so sorry about the delay - that sounds really frustrating. I completely understand, let me fix this for you right away.";
    expect(vaderCompound(reply)).toBeLessThan(-0.5);
    const s = await run(reply);
    // ER 2 (apology mirrors "frustrated"), IP 2 ("sounds really frustrating" mirrors), EX 0.
    expect(s['empathy.lex']!.value).toBeCloseTo(4 / 6, 6);
    expect(s['empathy.next_step']!.value).toBe(1);
    expect(s['empathy.dismissive']!.value).toBe(0);
    expect(s['empathy.lex']!.evaluator).toBe('fallback:empathy-lex@1');
  });

  it('"I understand" alone is generic (level 1) and has no next step', async () => {
    const s = await run('I understand. Deliveries sometimes take longer than planned.');
    expect(s['empathy.lex']!.value).toBeCloseTo(1 / 6, 6);
    expect(s['empathy.next_step']!.value).toBe(0);
    expect(s['empathy.next_step']!.evidence[0]!.note).toMatch(/without a next step/);
  });

  it('naming the issue entity lifts a marker to level 2; a tool call is a next step', async () => {
    const s = await run("I'm sorry your order A100 is late.", call('lookup_order', { orderId: 'A100' }));
    expect(s['empathy.lex']!.value).toBeCloseTo(2 / 6, 6);
    expect(s['empathy.next_step']!.value).toBe(1);
  });

  it('a specific exploration question counts as EX', () => {
    const levels = lexLevels('Has the delay affected your plans for the order?', specificsFor({ customerText: CUSTOMER, emotion: { label: 'annoyed', intensity: 6 } }, resolved()));
    expect(levels.ex.level).toBe(2);
    expect(levels.er.level).toBe(0);
  });

  it('flags dismissive phrasing', async () => {
    const s = await run('Please calm down. As I said, the parcel is on its way.');
    expect(s['empathy.dismissive']!.value).toBe(1);
    expect(s['empathy.dismissive']!.evidence[0]!.quote).toBe('calm down');
    expect(s['empathy.lex']!.value).toBe(0);
    // No empathic reply: nothing to align with action.
    expect(s['empathy.next_step']!.value).toBeNull();
  });

  it('weights turns by intensity and skips calm turns', async () => {
    const sc = resolved({
      customer: {
        reason: 'rsn', goal: 'goal',
        turns: [
          { text: 'Hi, quick question about order A100.', emotion: { label: 'neutral', intensity: 1 } },
          { text: 'It is a week late and I am furious!', emotion: { label: 'furious', intensity: 8 } },
        ],
      },
    });
    const c = conversation([
      customer('Hi, quick question about order A100.'), agent('Sure, what is it?'),
      customer('It is a week late and I am furious!'), agent('I understand.'),
    ]);
    const s = byId(await empathyLexEvaluator.score(c, sc, {}));
    expect(s['empathy.lex']!.value).toBeCloseTo(1 / 6, 6);
    expect(s['empathy.lex']!.evidence).toHaveLength(1);
  });

  it('is null without emotional turns and on unfinished transcripts', async () => {
    const calm = resolved({ customer: { reason: 'rsn', goal: 'goal', turns: [{ text: 'What are your hours?', emotion: { label: 'neutral', intensity: 0 } }] } });
    const s = byId(await empathyLexEvaluator.score(conversation([customer('What are your hours?'), agent('9 to 5.')]), calm, {}));
    expect(s['empathy.lex']!.value).toBeNull();
    expect(s['empathy.next_step']!.value).toBeNull();
    expect(s['empathy.dismissive']!.value).toBe(0);
    const err = await empathyLexEvaluator.score(conversation([customer(CUSTOMER)], { status: 'agent-error', endReason: 'agent-error' }), resolved(), {});
    expect(err.every((x) => x.value === null)).toBe(true);
  });
});
