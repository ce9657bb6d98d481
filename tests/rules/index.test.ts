import { describe, expect, it } from 'vitest';
import { APPROACHES } from '../../src/approaches/index.js';
import { ApproachIdSchema } from '../../src/schema/approach.js';
import { RULE_BOTS } from '../../src/rules/index.js';
import { feedbackCorpus, play, resolved } from './fixtures.js';

describe('rule bot registry', () => {
  it('has a counterpart for every approach', () => {
    expect(Object.keys(RULE_BOTS).sort()).toEqual([...ApproachIdSchema.options].sort());
  });

  it('every bot only calls tools its approach declares, and is deterministic', async () => {
    for (const id of ApproachIdSchema.options) {
      const meta = APPROACHES[id].meta;
      const r = resolved(id, { corpus: feedbackCorpus() });
      const script = ['hi, are you a bot?', 'can I get 50% off the trail rain jacket?', 'where is my order FA-10234?', 'I want a human'];
      const a = await play(id, r, script, { outreach: meta.mode === 'outreach' });
      const b = await play(id, r, script, { outreach: meta.mode === 'outreach' });
      expect(b).toEqual(a);
      for (const t of a) for (const c of t.toolCalls ?? []) expect(meta.tools).toContain(c.name);
      for (const t of a) for (const c of t.toolCalls ?? []) if (c.name === 'make_offer') expect(c.arguments['discountPct']).toBeLessThanOrEqual(15);
    }
  });
});
