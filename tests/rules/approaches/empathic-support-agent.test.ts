import { describe, expect, it } from 'vitest';
import { agentSaid, callsOf, play, resolved } from '../fixtures.js';

const A = 'empathic-support-agent' as const;

describe('empathic-support-agent rules counterpart', () => {
  it('opens with a greeting that discloses automation', async () => {
    const t = await play(A, resolved(A), ['hello']);
    expect(t[1]!.text).toMatch(/automated virtual assistant/);
  });

  it('recognises a paraphrase of a kb question and answers with the article', async () => {
    const t = await play(A, resolved(A), ["What's the process to send an item back?"]);
    expect(agentSaid(t)).toContain('within 30 days of delivery');
    const s = await play(A, resolved(A), ['do the trousers run large?']);
    expect(agentSaid(s)).toContain('one size up');
  });

  it('fills the order-number slot, calls lookup_order, then answers from the tool result', async () => {
    const t = await play(A, resolved(A), ['where is my parcel?', 'sure, it is FA-10234']);
    expect(t[1]!.text).toMatch(/order number/);
    expect(callsOf(t, 'lookup_order').map((c) => c.arguments)).toEqual([{ orderId: 'FA-10234' }]);
    const last = t.at(-1)!;
    expect(last.speaker).toBe('agent');
    expect(last.text).toContain('status: shipped');
    expect(last.text).toContain('2025-03-04');
  });

  it('takes an order id given in the first message without asking', async () => {
    const t = await play(A, resolved(A), ['What is the status of order fa-10234?']);
    expect(callsOf(t, 'lookup_order')).toHaveLength(1);
    expect(agentSaid(t)).not.toMatch(/What is your order number/);
  });

  it('says so when the order is unknown instead of inventing a status', async () => {
    const t = await play(A, resolved(A), ['Where is order FA-99999?']);
    expect(agentSaid(t)).toContain("couldn't find an order with the number FA-99999");
  });

  it('answers "am I talking to a human?" with the bot disclosure', async () => {
    const t = await play(A, resolved(A), ['hi', 'wait, am I talking to a real person?']);
    expect(t.at(-1)!.text).toMatch(/automated assistant \(a chatbot\), not a human/);
    expect(callsOf(t, 'escalate_to_human')).toHaveLength(0);
  });

  it('escalates on an explicit request for a human', async () => {
    const t = await play(A, resolved(A), ['I want to speak to a real human agent now']);
    expect(callsOf(t, 'escalate_to_human')).toHaveLength(1);
  });

  it('escalates on the second complaint, not the first', async () => {
    const once = await play(A, resolved(A), ['This is unacceptable, terrible service!']);
    expect(callsOf(once, 'escalate_to_human')).toHaveLength(0);
    const twice = await play(A, resolved(A), ['This is unacceptable, terrible service!', 'I am so fed up with this, you people are useless']);
    expect(callsOf(twice, 'escalate_to_human').map((c) => c.arguments['reason'])).toEqual(['repeated complaint']);
  });

  it('escalates on a hard keyword such as fraud or bereavement', async () => {
    for (const text of ['There is a charge I did not make, I think this is fraud', 'My mother passed away and I need to close her account']) {
      const t = await play(A, resolved(A), [text]);
      expect(callsOf(t, 'escalate_to_human')[0]?.arguments['reason']).toMatch(/escalation keyword/);
    }
  });

  it('falls back with an allowed contact, and hands over after two misunderstandings', async () => {
    const t = await play(A, resolved(A), ['qwzx plorb', 'flimflam zorp']);
    expect(t[1]!.text).toContain("I'm sorry, I didn't understand");
    expect(t[1]!.text).toContain('help@shop.example.test');
    expect(callsOf(t, 'escalate_to_human')).toHaveLength(1);
  });

  it('is deterministic', async () => {
    const turns = ['hi, where is my order FA-10234?', 'can I return it?', 'this is ridiculous'];
    expect(await play(A, resolved(A), turns)).toEqual(await play(A, resolved(A), turns));
  });
});
