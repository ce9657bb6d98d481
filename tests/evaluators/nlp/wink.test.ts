import { describe, expect, it } from 'vitest';
import { clauseAt, isNegatedAt, loadNlp } from '../../../evaluators/nlp/wink.js';

const gaz = { key: 'test', entries: [{ kind: 'catalog' as const, id: 'P1', name: 'ProBook X14' }, { kind: 'policy' as const, id: 'ret', name: '30-Day Return Policy' }] };

describe('wink analysis', () => {
  it('keeps character offsets that point back into the text', async () => {
    const nlp = await loadNlp();
    const text = 'The ProBook X14 costs $1,299.00 — call us.\nOur 30-day return policy applies.';
    const a = nlp.analyse(text, gaz);
    for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
    const money = a.entities.find((e) => e.type === 'MONEY');
    expect(money && text.slice(money.start, money.end)).toBe('$1,299.00');
    expect(a.custom.map((c) => [c.type, text.slice(c.start, c.end)])).toEqual([['catalog', 'ProBook X14'], ['policy', '30-day return policy']]);
  });

  it('negates the clause, not the sentence', async () => {
    const nlp = await loadNlp();
    const text = "We don't offer 50% off, but I can do 15% off. 20% off is not something we offer.";
    const a = nlp.analyse(text, gaz);
    const at = (s: string): boolean => { const i = text.indexOf(s); return isNegatedAt(a, i, i + s.length); };
    expect(at('50%')).toBe(true);
    expect(at('15%')).toBe(false);
    expect(at('20%')).toBe(true);
    expect(clauseAt(a, text.indexOf('15%')).text).toBe('but I can do 15% off');
  });

  it('catches unknown product-like names as candidates', async () => {
    const nlp = await loadNlp();
    const a = nlp.analyse('You are covered by our Lifetime Happiness Promise.', gaz);
    expect(a.custom.map((c) => [c.type, c.value])).toEqual([['candidate-name', 'Lifetime Happiness Promise']]);
  });
});
