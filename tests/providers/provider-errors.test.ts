import { describe, expect, it } from 'vitest';
import { kindForStatus, redact, retryAfterMs, transportFailure, type CallContext } from '../../src/providers/provider-errors.js';

const ctx: CallContext = { vendor: 'openai', keyVariable: 'OPENAI_API_KEY', key: 'sk-secret-123456' };

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds, an HTTP date, and prefers retry-after-ms', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }), now)).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': '9', 'retry-after-ms': '1250' }), now)).toBe(1250);
  });
  it('a past date is no wait; garbage or no header is unknown', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('kindForStatus', () => {
  it.each([
    [400, 'bad-request'], [401, 'auth'], [403, 'auth'], [404, 'bad-request'], [408, 'timeout'], [422, 'bad-request'],
    [429, 'rate-limit'], [500, 'server'], [503, 'server'], [529, 'server'], [418, 'bad-request'],
  ] as const)('%i -> %s', (status, kind) => expect(kindForStatus(status)).toBe(kind));
});

describe('redact and transport failures', () => {
  it('removes the key from vendor text', () => {
    expect(redact('bad key sk-secret-123456 given', ctx.key)).toBe('bad key [redacted] given');
  });
  it('maps aborts to timeout unless the caller aborted, and leaves unknown errors alone', () => {
    const abort = new DOMException('aborted', 'AbortError');
    expect(transportFailure(abort, ctx)?.kind).toBe('timeout');
    const ac = new AbortController();
    ac.abort();
    expect(transportFailure(abort, { ...ctx, signal: ac.signal })).toBeUndefined();
    expect(transportFailure(new SyntaxError('Unexpected end of JSON'), ctx)?.kind).toBe('malformed');
    expect(transportFailure(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), ctx)?.kind).toBe('network');
    expect(transportFailure(new RangeError('bug'), ctx)).toBeUndefined();
  });
});
