import { describe, expect, it } from 'vitest';
import { conversationDate, dateOf } from '../../src/audit/conversation-date.js';

describe('conversation date', () => {
  it('keeps the calendar date an ISO string is written in, whatever its offset', () => {
    expect(dateOf('2026-03-04')).toBe('2026-03-04');
    expect(dateOf('2026-03-04T23:30:00-05:00')).toBe('2026-03-04');
    expect(dateOf('2026-03-04 08:00:00')).toBe('2026-03-04');
  });

  it('reads numbers as seconds, or milliseconds above 10^11, since 1970 (UTC)', () => {
    expect(dateOf(1772668800)).toBe('2026-03-05');
    expect(dateOf(1772668800_000)).toBe('2026-03-05');
  });

  it('refuses what is not a date, including impossible calendar days', () => {
    expect(dateOf('last tuesday')).toBeNull();
    expect(dateOf('2026-02-30')).toBeNull();
  });

  it('takes the first present candidate; none present is unknown, never today', () => {
    expect(conversationDate([{ path: 'metadata.date', value: undefined }, { path: 'messages.0.timestamp', value: '2026-01-02T10:00:00Z' }]))
      .toEqual({ date: '2026-01-02', source: 'messages.0.timestamp' });
    expect(conversationDate([{ path: 'metadata.date', value: undefined }])).toMatchObject({ date: null });
    expect(conversationDate([{ path: 'metadata.date', value: 'soon' }, { path: 'x', value: '2026-01-02' }])).toEqual({ problem: { path: 'metadata.date', found: '"soon"' } });
  });
});
