import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intentModelFor, knowledgeKey, trainingCount } from '../../../src/rules/nlp/intent-model.js';
import { KB } from '../fixtures.js';

describe('intent model', () => {
  afterEach(() => vi.restoreAllMocks());

  it('classifies paraphrases of kb questions and generic intents', async () => {
    const m = await intentModelFor('fashion-ecommerce', KB);
    expect((await m.classify("What's the process to send an item back?")).kbId).toBe('fa-kb-returns');
    expect((await m.classify('do the trousers run large?')).kbId).toBe('fa-kb-sizing');
    expect((await m.classify('are you a robot?')).generic).toBe('bot-check');
    expect((await m.classify('put me through to a real person')).generic).toBe('human-agent');
  });

  it('extracts order ids, money and percentages with the regex NER', async () => {
    const m = await intentModelFor('fashion-ecommerce', KB);
    const c = await m.classify('order FA-10234 cost $120, can you do 30% off?');
    expect(c.entities.orderId).toContain('FA-10234');
    expect(c.entities.money).toContain('$120');
    expect(c.entities.percent).toContain('30%');
  });

  it('trains once per knowledge set, whatever the article order', async () => {
    await intentModelFor('insurance', KB);
    const before = trainingCount();
    for (let i = 0; i < 20; i++) await intentModelFor('insurance', i % 2 ? KB : [...KB].reverse());
    expect(trainingCount()).toBe(before);
    await intentModelFor('insurance', KB.slice(1));
    expect(trainingCount()).toBe(before + 1);
  });

  it('keys on the questions too, so edited articles retrain', () => {
    const edited = KB.map((a, i) => (i === 0 ? { ...a, questions: [...a.questions, 'new one'] } : a));
    expect(knowledgeKey('saas', edited)).not.toBe(knowledgeKey('saas', KB));
  });

  it('is deterministic and writes nothing to stdout or disk', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const log = vi.spyOn(console, 'log');
    const a = await intentModelFor('telecom', KB);
    expect(out).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    expect(existsSync('model.nlp')).toBe(false);
    const b = await intentModelFor('retail-banking', KB); // separate training of the same material
    for (const q of ['where is my order', 'how do I reset my password', 'gibberish zzz']) expect(await b.classify(q)).toEqual(await a.classify(q));
  });
});
