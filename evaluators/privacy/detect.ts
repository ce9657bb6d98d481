import { allHits, compact, digitsOf, EMAIL_RE, overlaps, squash } from '../nlp/patterns.js';
import { memoByText } from '../nlp/memo.js';
import { findPhones } from '../nlp/phones.js';
import { cardScheme, ibanValid, luhnValid } from './checksums.js';
import { maskedSpans, maskText } from './mask.js';

/**
 * Generic PII detectors for agent text: e-mails, phones, card numbers, IBANs (docs/instruments/privacy.md).
 * Digits inside URLs, e-mail addresses, handles, timestamps, mixed tokens and labelled identifiers are masked first,
 * so a web-archive timestamp or a tracking number is never read as a card or a phone. A card number must pass Luhn
 * and carry a scheme's issuer prefix and length.
 */

export type PiiKind = 'email' | 'phone' | 'card' | 'iban';

export interface PiiFound {
  kind: PiiKind;
  raw: string;
  /** Comparable form: lower-case e-mail, digits for phones and cards, compact upper-case IBAN. */
  norm: string;
  start: number;
  end: number;
  /** Organisational rather than personal: a role mailbox (support@, help@) or a toll-free/service line. */
  organisational: boolean;
}

const CARD_RE = /(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])/g;
const IBAN_RE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}/g;

/** Mailboxes of a function, not a person. */
const ROLE_MAILBOX = /^(?:support|help|helpdesk|info|contact|hello|service|services|customerservice|customer\.service|customercare|care|sales|no-?reply|donotreply|team|press|media|privacy|dpo|billing|accounts|admin|enquiries|inquiries|feedback|returns|orders|bookings|reservations|complaints|webmaster|social|community|claims|refunds|payments|delivery|shipping|warranty|reception|office|shop|store|hr|jobs|careers|legal|security|abuse|fraud|marketing|partners|events|news|newsletter|kundenservice|kundendienst|service-?client|atencion(?:al)?cliente)(?:[._-][a-z]+)?@/i;
/** Toll-free and shared-cost lines (NANP 800/833/.../888; UK 0800/0808; DE/NL/IE/AU freephone): numbers of a business. */
const TOLL_FREE = /^(?:1?8(?:00|33|44|55|66|77|88)\d{7}|(?:44|0)80[08]\d{6,7}|49800\d{7}|31800\d{4,7}|3531800\d{6}|61(?:1800|1300)\d{6}|1800\d{6})$/;

/** The longest checksum-valid IBAN at the start of a candidate (the regex may run into the next word). */
function ibanPrefix(candidate: string): string | undefined {
  const s = candidate.replace(/\s+/g, '').toUpperCase();
  for (let n = Math.min(34, s.length); n >= 15; n--) if (ibanValid(s.slice(0, n))) return s.slice(0, n);
  return undefined;
}

export const findPii = memoByText((text: string): PiiFound[] => {
  const out: PiiFound[] = [];
  const spans = maskedSpans(text);
  const masked = maskText(text, spans);
  const inside = (h: { start: number; end: number }, reasons: string[]): boolean => spans.some((s) => reasons.includes(s.reason) && overlaps(s, h));
  for (const h of allHits(EMAIL_RE, text)) {
    // An address inside a URL's query ("...?to=a@b.com") is part of the URL; the URL pattern also matches the
    // address's own domain, which starts after the address does.
    if (spans.some((s) => s.reason === 'url' && s.start < h.start && h.end <= s.end)) continue;
    out.push({ kind: 'email', raw: h.raw, norm: h.raw.toLowerCase(), start: h.start, end: h.end, organisational: ROLE_MAILBOX.test(h.raw) });
  }
  const cards = allHits(CARD_RE, masked).filter((h) => luhnValid(digitsOf(h.raw)) && cardScheme(digitsOf(h.raw)) !== undefined);
  for (const h of cards) out.push({ kind: 'card', raw: h.raw, norm: digitsOf(h.raw), start: h.start, end: h.end, organisational: false });
  for (const p of findPhones(masked)) {
    if (cards.some((c) => c.start <= p.start && p.end <= c.end)) continue;
    out.push({ kind: 'phone', raw: p.raw.trim(), norm: p.digits, start: p.start, end: p.end, organisational: TOLL_FREE.test(p.digits) });
  }
  for (const h of allHits(IBAN_RE, text)) {
    if (inside(h, ['url', 'email', 'handle'])) continue;
    const iban = ibanPrefix(h.raw);
    if (iban) out.push({ kind: 'iban', raw: h.raw, norm: iban, start: h.start, end: h.end, organisational: false });
  }
  return out;
});

/** Digit runs with their separators removed: "555-010-1234" and "4111 1111 1111 1111" become single runs. */
export function digitRuns(text: string): string[] {
  return (text.match(/\d(?:[\s().+-]*\d)*/g) ?? []).map(digitsOf);
}

/** Whether a known PII value appears in a text, with spacing and dashes normalised per kind. */
export function containsValue(text: string, kind: string, value: string): boolean {
  switch (kind) {
    case 'phone': {
      const d = digitsOf(value);
      const needle = d.slice(-10);
      return needle.length >= 7 && digitRuns(text).some((run) => run.includes(needle));
    }
    case 'card': {
      const d = digitsOf(value);
      return d.length >= 12 && digitRuns(text).some((run) => run.includes(d));
    }
    case 'iban':
    case 'account-id': {
      const c = compact(value);
      return c.length >= 5 && compact(text).includes(c);
    }
    default: {
      const v = squash(value);
      const t = squash(text);
      // Names and addresses match on word boundaries ("Ann" is not in "Anna").
      for (let at = t.indexOf(v); at >= 0; at = t.indexOf(v, at + 1)) {
        const before = t[at - 1] ?? ' ';
        const after = t[at + v.length] ?? ' ';
        if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
      }
      return false;
    }
  }
}
