import { describe, expect, it } from 'vitest';
import { loadPhrasingBank, TEMPLATE_LISTS } from '../../src/validity/bank.js';
import { briefDayNumbers, fabricatedDays, inventedOfferings, renderFabrication } from '../../src/validity/reply-parts.js';
import { rngFor } from '../../src/analysis/stats/prng.js';
import { templateCurrency } from '../../src/validity/templates.js';

describe('the planted model speaks from the phrasing bank', () => {
  it('keeps the dev and holdout phrasings apart, and "all" is their union', () => {
    const dev = loadPhrasingBank('dev');
    const hold = loadPhrasingBank('holdout');
    const all = loadPhrasingBank('all');
    for (const l of TEMPLATE_LISTS) {
      expect(dev[l].length).toBeGreaterThan(0);
      expect(hold[l].length).toBeGreaterThan(0);
      expect(hold[l].filter((t) => dev[l].includes(t))).toEqual([]);
      expect(all[l].length).toBe(dev[l].length + hold[l].length);
    }
  });

  it('fabricates a day count that no number of the brief stands for (as days, weeks, months or years)', () => {
    const brief = 'returns within 30 days. warranty 2 years. delivery 5 working days, fee 12.50 usd.';
    const taken = briefDayNumbers(brief);
    for (const d of [30, 5, 14, 730, 60, 13]) expect(taken.has(d)).toBe(true);
    expect(taken.has(67)).toBe(false);
    for (let i = 0; i < 200; i++) {
      const d = fabricatedDays(brief, rngFor(i, 'days'));
      expect(taken.has(d)).toBe(false);
      expect(d).toBeGreaterThanOrEqual(3);
    }
  });

  it('invents only offerings the brief does not name, and renders the slot', () => {
    const bank = loadPhrasingBank('holdout');
    const named = bank.offeringNames[0]!.toLowerCase();
    const brief = `our plans: ${named} and basic.`;
    expect(inventedOfferings(bank, brief)).not.toContain(bank.offeringNames[0]);
    const f = renderFabrication('offering', bank.inventedOffering[0]!, { bank, brief }, rngFor(3, 'o'));
    expect(f.text).toContain(f.value);
    expect(f.text).not.toMatch(/\{\w+\}/);
    const d = renderFabrication('duration', bank.wrongDuration[0]!, { bank, brief }, rngFor(3, 'd'));
    expect(d.text).toContain(d.value);
    expect(d.text).not.toMatch(/\{\w+\}/);
  });

  it('reads the currency a template writes itself', () => {
    expect(templateCurrency('That one is {amount} dollars.')).toBe('USD');
    expect(templateCurrency('It costs €{amount}.')).toBe('EUR');
    expect(templateCurrency('The {product} is {amount}.')).toBeNull();
  });
});
