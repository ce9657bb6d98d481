import { describe, expect, it } from 'vitest';
import { parseBudget, parsePercent } from '../../../src/rules/text/entities.js';

describe('entity parsers', () => {
  it('parses budget phrases', () => {
    expect(parseBudget('a jacket under $200 please')).toEqual({ max: 200 });
    expect(parseBudget('my budget is 1,500 dollars')).toEqual({ max: 1500 });
    expect(parseBudget('something between 100 and 250')).toEqual({ min: 100, max: 250 });
    expect(parseBudget('at least $50')).toEqual({ min: 50 });
    expect(parseBudget('a blue jacket')).toBeUndefined();
  });

  it('parses a requested percentage', () => {
    expect(parsePercent('can you do 30% off?')).toBe(30);
    expect(parsePercent('twenty percent')).toBeUndefined();
    expect(parsePercent('give me 12.5 percent')).toBe(12.5);
  });
});
