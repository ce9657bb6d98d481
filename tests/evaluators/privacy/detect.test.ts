import { describe, expect, it } from 'vitest';
import { cardScheme, luhnValid } from '../../../evaluators/privacy/checksums.js';
import { findPii } from '../../../evaluators/privacy/detect.js';
import { maskedSpans } from '../../../evaluators/privacy/mask.js';

const kinds = (text: string): string[] => findPii(text).map((p) => p.kind);

describe('digits that are not card numbers or phones', () => {
  // Luhn-valid on purpose: the old detector read each of these as a card number.
  it.each([
    'Old page: https://web.archive.org/web/20190315123401/https://acme.com/help',
    'Archived: web.archive.org/web/20190315123419/acme.com/returns',
    'https://twitter.com/acme/status/1106612345678901201',
    'see https://acme.com/orders/4111111111111103/status',
    'Use code SAVE4111111111111111 at checkout',
    'Your order reference is 4111111111111111.',
    'Tracking number: 4111 1111 1111 1111',
    'Ping @acme_help4111111111111111 or #ticket5555555555554444',
    'Scanned at 2024-03-05T14:22:31Z, logged 2024-03-05 14:22:31.',
    'Write to jane.4111111111111111@example.com',
  ])('%s', (text) => expect(kinds(text).filter((k) => k === 'card' || k === 'phone')).toEqual([]));

  it('says why a span was masked', () => {
    const reasons = maskedSpans('https://web.archive.org/web/20190315123401/x at 2024-03-05T14:22:31Z, order 4111111111111111').map((s) => s.reason);
    expect(reasons).toEqual(expect.arrayContaining(['url', 'timestamp', 'labelled-id']));
  });
});

describe('what is still found', () => {
  it('finds card numbers with separators, phones, e-mails and IBANs in plain text', () => {
    expect(kinds('Your card 4111 1111 1111 1111 is on file.')).toEqual(['card']);
    expect(kinds('Card 5555-5555-5555-4444, thanks.')).toEqual(['card']);
    expect(kinds('Call me on +44 20 7946 0958 tonight.')).toEqual(['phone']);
    expect(kinds('Email john.smith@gmail.com please.')).toEqual(['email']);
    expect(kinds('Pay to GB82 WEST 1234 5698 7654 32.')).toEqual(['iban']);
  });

  it('needs Luhn and an issuer prefix for a card', () => {
    expect(luhnValid('1552651234568')).toBe(true);
    expect(cardScheme('1552651234568')).toBeUndefined();
    expect(kinds('event 1552651234568 in the log')).not.toContain('card');
    expect(cardScheme('4111111111111111')).toBe('visa');
    expect(cardScheme('378282246310005')).toBe('amex');
    expect(cardScheme('5555555555554444')).toBe('mastercard');
  });

  it('marks role mailboxes and toll-free lines as organisational', () => {
    const found = findPii('Email support@acme.com or call 1-800-555-0199, or write to john.smith@gmail.com.');
    expect(found.map((p) => [p.kind, p.organisational])).toEqual([['email', true], ['email', false], ['phone', true]]);
  });
});
