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

describe('budget parser ignores counts and durations', () => {
  it('does not read minutes, people or users as money', () => {
    expect(parseBudget('I bike about 25 min each way')).toBeUndefined();
    expect(parseBudget('we might be around 300 people next year')).toBeUndefined();
    expect(parseBudget('up to 10 users can join')).toBeUndefined();
    expect(parseBudget('Budget is about 250 all in')).toEqual({ max: 250 });
    expect(parseBudget('around $250')).toEqual({ min: 200, max: 300 });
  });
});
