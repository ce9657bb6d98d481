import { describe, expect, it } from 'vitest';
import { findMoney, findPercents } from '../../../evaluators/nlp/amounts.js';
import { findDurations } from '../../../evaluators/nlp/durations.js';
import { parseDigits, parseNumberWords } from '../../../evaluators/nlp/number-words.js';
import { findDates, findTimes, sameTime } from '../../../evaluators/nlp/when.js';

describe('value readers of the grounding instrument', () => {
  it('reads amounts in every written form, with their currency', () => {
    const text = 'It is 89.00 USD, or $89, 89 dollars, USD 89, 89,00 €, £1,299.99, 1.299,99 €, eighty-nine dollars, 50 cents, a tenner and Eighteen bucks.';
    expect(findMoney(text).map((h) => [h.raw, h.value, h.currency ?? null])).toEqual([
      ['89.00 USD', 89, 'USD'], ['$89', 89, 'USD'], ['89 dollars', 89, 'USD'], ['USD 89', 89, 'USD'], ['89,00 €', 89, 'EUR'], ['£1,299.99', 1299.99, 'GBP'],
      ['1.299,99 €', 1299.99, 'EUR'], ['eighty-nine dollars', 89, 'USD'], ['50 cents', 0.5, null], ['a tenner', 10, 'GBP'], ['Eighteen bucks', 18, 'USD'],
    ]);
    expect(findMoney('six pounds fifty a month, up to seven thousand pounds of vet bills').map((h) => h.value)).toEqual([6.5, 7000]);
  });

  it('reads percentages in digits and words', () => {
    expect(findPercents('15%, 15 percent, fifteen per cent, 2.5 %').map((h) => h.value)).toEqual([15, 15, 15, 2.5]);
  });

  it('reads durations as days, with ranges, hyphens, words and "a fortnight"', () => {
    expect(findDurations('two weeks, a 14-day window, 48 hours, 3-5 business days, a fortnight, within a week, thirty-day, have a great day')
      .map((d) => [d.raw, d.days, d.business])).toEqual([
      ['two weeks', [14], false], ['14-day', [14], false], ['48 hours', [2], false], ['3-5 business days', [3, 5], true],
      ['a fortnight', [14], false], ['a week', [7], false], ['thirty-day', [30], false],
    ]);
    // A year is twelve months.
    expect(findDurations('12 months')[0]!.days).toEqual(findDurations('for a year')[0]!.days);
  });

  it('reads dates, days of the month with their weekday, and bare years', () => {
    expect(findDates('March 4, 4 March 2026, 2026-03-04, on the 15th, Thursday the 14th, in 2025', '2026-03-01').map((d) => [d.raw, d.value, d.weekday ?? null])).toEqual([
      ['March 4', '2026-03-04', null], ['4 March 2026', '2026-03-04', null], ['2026-03-04', '2026-03-04', null], ['the 15th', '--15', null], ['the 14th', '--14', 4], ['2025', '2025', null],
    ]);
  });

  it('reads clock times, and compares a time without am/pm on a 12-hour dial', () => {
    const t = findTimes('at 9 pm, 21:30, noon, open 10 to 6, 8:30 a.m.');
    expect(t.map((x) => [x.raw, x.minutes, x.halfDay])).toEqual([
      ['9 pm', 1260, false], ['21:30', 1290, false], ['noon', 720, false], ['10', 600, true], ['6', 360, true], ['8:30 a.m', 510, false],
    ]);
    expect(sameTime({ minutes: 360, halfDay: true }, { minutes: 1080, halfDay: false })).toBe(true);
    expect(sameTime({ minutes: 1260, halfDay: false }, { minutes: 540, halfDay: false })).toBe(false);
  });

  it('parses number words and both decimal conventions', () => {
    expect([parseNumberWords('one hundred and twenty-nine'), parseNumberWords('a dozen'), parseNumberWords('second')]).toEqual([129, 12, undefined]);
    expect([parseDigits('1.299,99'), parseDigits('1,299.99'), parseDigits('1.299'), parseDigits('89,00'), parseDigits('12,000')]).toEqual([1299.99, 1299.99, 1299, 89, 12000]);
  });
});
