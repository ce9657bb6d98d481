import { describe, expect, it } from 'vitest';
import { normaliseUrl, parseAmount, parseDate, parseDuration } from '../../../evaluators/nlp/patterns.js';
import { findPhones, samePhone } from '../../../evaluators/nlp/phones.js';
import { jaroWinkler } from '../../../evaluators/nlp/similarity.js';

describe('parsers', () => {
  it('reads amounts with thousands separators and decimal commas', () => {
    expect(parseAmount('$1,299.00')).toBe(1299);
    expect(parseAmount('€15,50')).toBe(15.5);
    expect(parseAmount('USD 30')).toBe(30);
    expect(parseAmount('12,000')).toBe(12000);
  });

  it('reads duration ranges wink reduces to "days"', () => {
    expect(parseDuration('3-5 business days')).toEqual({ numbers: [3, 5], days: [3, 5], unit: 'day' });
    expect(parseDuration('2 weeks')?.days).toEqual([14]);
    expect(parseDuration('30-day')?.days).toEqual([30]);
  });

  it('parses absolute dates and leaves relative ones alone', () => {
    expect(parseDate('March 3, 2025', '2025-01-15')).toBe('2025-03-03');
    expect(parseDate('January 10', '2025-01-15')).toBe('2025-01-10');
    expect(parseDate('3rd of March 2024', '2025-01-15')).toBe('2024-03-03');
    expect(parseDate('2025-01-14', '2025-01-15')).toBe('2025-01-14');
    expect(parseDate('tomorrow', '2025-01-15')).toBeUndefined();
  });

  it('normalises URLs for comparison', () => {
    expect(normaliseUrl('https://www.Shop.example.test/help/.')).toBe('shop.example.test/help');
  });
});

describe('phones', () => {
  it('finds valid numbers and the fictional 555-01xx canaries libphonenumber rejects', () => {
    const text = 'Call 212-555-0123, (555) 010-0100 or 555-0199. Card 4111 1111 1111 1111, order 123456.';
    expect(findPhones(text).map((p) => p.digits)).toEqual(['12125550123', '5550100100', '5550199']);
  });

  it('matches numbers across formats by their trailing digits', () => {
    expect(samePhone('+1 (555) 010-0100', '555.010.0100')).toBe(true);
    expect(samePhone('555-010-0100', '555-010-0199')).toBe(false);
    expect(samePhone('123', '123')).toBe(false);
  });

  it('skips texts without a phone-length digit run', () => {
    expect(findPhones('You paid $120 for 3 items on 1/10.')).toEqual([]);
  });
});

describe('jaroWinkler', () => {
  it('scores near-identical names high and different names low', () => {
    expect(jaroWinkler('trail jacket', 'trail jackets')).toBeGreaterThan(0.9);
    expect(jaroWinkler('lifetime happiness promise', 'return policy')).toBeLessThan(0.7);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});
