import { describe, expect, test } from 'vitest';
import { formatCell, formatEstimate, formatP, formatUsd, unitFormat } from '../../src/render/format.js';

describe('formatting', () => {
  test('cells by format; null is a dash, never zero', () => {
    expect(formatCell(0.6234, 'pct')).toBe('62.3%');
    expect(formatCell(12345.6, 'int')).toBe('12,346');
    expect(formatCell(1234, 'ms')).toBe('1,234 ms');
    expect(formatCell(true, 'bool')).toBe('yes');
    expect(formatCell(null, 'usd')).toBe('—');
    expect(formatCell('text', 'pct')).toBe('text');
  });
  test('dollars keep two significant decimals below a dollar', () => {
    expect(formatUsd(0.0004567)).toBe('$0.00046');
    expect(formatUsd(0.0123)).toBe('$0.012');
    expect(formatUsd(3.456)).toBe('$3.46');
    expect(formatUsd(-26641.2)).toBe('-$26,641');
    expect(formatUsd(0)).toBe('$0');
  });
  test('p-values', () => {
    expect(formatP(0.0004)).toBe('<0.001');
    expect(formatP(0.0432)).toBe('0.043');
  });
  test('an estimate always says its interval and n', () => {
    expect(formatEstimate({ value: 0.625, low: 0.5, high: 0.75, format: 'pct', n: '40 conversations, 12 scenarios', intervalLabel: '95% CI (wilson)' }))
      .toBe('62.5% (95% CI (wilson) 50.0%–75.0%; n = 40 conversations, 12 scenarios)');
    expect(formatEstimate({ value: 0.5, low: null, high: null, format: 'pct', n: '1 scenario' })).toBe('50.0% (no interval: too few scenarios; n = 1 scenario)');
  });
  test('metric units map to display formats', () => {
    expect(unitFormat('rate')).toBe('pct');
    expect(unitFormat('usd')).toBe('usd');
    expect(unitFormat('unknown')).toBe('num');
  });
});
