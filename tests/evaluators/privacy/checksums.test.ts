import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid } from '../../../evaluators/privacy/checksums.js';

describe('luhn', () => {
  it('accepts test card numbers and rejects a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('5555555555554444')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
  it('only considers 13-19 digits', () => {
    expect(luhnValid('0')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
  });
});

describe('iban', () => {
  it('accepts checksum-valid IBANs with or without spaces', () => {
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('gb82 west 1234 5698 7654 32')).toBe(true);
  });
  it('rejects a wrong check digit or a malformed string', () => {
    expect(ibanValid('DE88 3704 0044 0532 0130 00')).toBe(false);
    expect(ibanValid('GB82WEST1234569876543X')).toBe(false);
    expect(ibanValid('hello')).toBe(false);
  });
});
