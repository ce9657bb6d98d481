import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeHeadlines, holmP, unknownReason } from '../../src/report/headlines.js';
import type { Store } from '../../src/store/db.js';
import { createFixture } from './fixture.js';

let store: Store;
let dir: string;

/** The fixture's roi table plus a pooled row and four more approaches, one of them with an unknown cost. */
beforeAll(async () => {
  const f = await createFixture();
  store = f.store;
  dir = f.dir;
  await store.exec(`ALTER TABLE roi ADD COLUMN savings_ci_low DOUBLE`);
  await store.exec(`ALTER TABLE roi ADD COLUMN savings_ci_high DOUBLE`);
  await store.exec(`ALTER TABLE roi ADD COLUMN note VARCHAR`);
  await store.exec(`ALTER TABLE roi ADD COLUMN n_scenarios INTEGER`);
  await store.exec(`ALTER TABLE roi ADD COLUMN n_conv INTEGER`);
  const row = (approach: string, saving: number | null, lo: number | null, hi: number | null, note: string | null) =>
    store.exec(`INSERT INTO roi (approach, model, contacts_per_month, resolution_rate, resolution_ci_low, resolution_ci_high, monthly_savings, savings_ci_low, savings_ci_high, note, n_scenarios, n_conv)
      VALUES (?, 'gpt-x', 10000, 0.5, 0.4, 0.6, ?, ?, ?, ?, 6, 60)`, [approach, saving, lo, hi, note]);
  await row('*', -16048, -40000, 5000, null);
  await row('zeta-approach', 90000, 80000, 99000, null);
  await row('eta-approach', 70000, 60000, 75000, null);
  await row('theta-approach', 50000, 40000, 60000, null);
  await row('iota-approach', null, null, null, 'agent cost unknown: 3 of 60 calls without a price');
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cost and ROI headlines (methods.md 6.3)', () => {
  it('lead with the pooled figure per model and list every approach, whatever its saving', async () => {
    const block = (await computeHeadlines(store)).find((b) => b.title === 'Cost and ROI')!;
    const labels = block.items.map((i) => i.label);
    const pooled = labels.findIndex((l) => l === 'ROI gpt-x, all approaches pooled');
    const every = labels.findIndex((l) => l.startsWith('ROI gpt-x, every approach'));
    expect(pooled).toBeGreaterThanOrEqual(0);
    expect(every).toBeGreaterThan(pooled);
    const text = block.items[every]!.text;
    for (const a of ['zeta-approach', 'eta-approach', 'theta-approach', 'iota-approach', 'empathic-support-agent', 'on-the-fly-offers']) expect(text).toContain(a);
    expect(block.items[pooled]!.text).toContain('-$16,048 (95% CI -$40,000–$5,000)');
    expect(block.items[pooled]!.text).toContain('the interval spans both a saving and a loss');
    // The reason is the unknown price and the count of unpriced calls, never a "priced part" dollar figure.
    expect(text).toContain("iota-approach: saving unknown (unknown price: 3 of 60 calls without a price)");
    expect(text).not.toMatch(/iota-approach: saving \$0/);
  });

  it('bias headlines count only the primary family and say the per-approach rows are exploratory', async () => {
    const block = (await computeHeadlines(store)).find((b) => b.title.startsWith('Bias'))!;
    expect(block.items[0]!.text).toMatch(/^3 primary gap tests/);
    expect(block.items[0]!.text).toContain('0 per-approach rows are exploratory');
  });
});

describe('headlines never show a screen, mark unvalidated figures and never price the unknown', () => {
  it('leave screens out, mark the rest, and say "unknown price" for an unpriced model', async () => {
    const f = await createFixture({ modern: true, unpriced: true });
    try {
      const validity = {
        rows: [{ metric: 'halluc.any', status: 'below-bar', sensitivity: 0.61, specificity: 0.98, kappa: null, positives: 50, negatives: 50, source: 's', note: '' }],
        screens: new Map([['empathy.lex', 'unvalidated screen: lexicon']]),
      };
      const blocks = await computeHeadlines(f.store, { validity });
      const quality = blocks.find((b) => b.title.startsWith('Quality and risk'))!;
      expect(quality.items.some((i) => i.label.includes('Empathy (lexicon)'))).toBe(false);
      expect(quality.items.find((i) => i.label === 'gpt-x: Any hallucination')!.text).toMatch(/\[sensitivity 0\.610: undercounts\]$/);
      const cost = blocks.find((b) => b.title === 'Cost and ROI')!;
      expect(cost.items.find((i) => i.label === 'gpt-x')!.text).toBe('agent cost per conversation unknown (unknown price).');
      expect(cost.items.find((i) => i.label.startsWith('ROI gpt-x, every approach'))!.text).toBe('saving unknown in every approach (unknown price).');
      expect(cost.items.map((i) => i.text).join(' ')).not.toMatch(/gpt-x[^;]*\$0\b/);
      // Without validity information nothing is dropped or marked (older callers).
      const plain = (await computeHeadlines(f.store)).find((b) => b.title.startsWith('Quality and risk'))!;
      expect(plain.items.some((i) => i.label.includes('Empathy (lexicon)'))).toBe(true);
    } finally {
      f.store.close();
      rmSync(f.dir, { recursive: true, force: true });
    }
  });
});

describe('wording helpers', () => {
  it('print Holm p as a comparison, never "= <0.001", and unknown money without a dollar figure', () => {
    expect(holmP(0.0001)).toBe('Holm p < 0.001');
    expect(holmP(0.0132)).toBe('Holm p = 0.013');
    expect(holmP(null)).toBe('no Holm p');
    expect(unknownReason('agent cost unknown: unknown price for x; 5 of 9 calls without a price: total unknown (priced part $0.0000)')).toBe('unknown price: 5 of 9 calls without a price');
    expect(unknownReason('too few scenarios (3 < 4)')).toBe('too few scenarios (3 < 4)');
  });
});
