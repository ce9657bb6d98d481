import { allHits, compact, digitsOf, EMAIL_RE, squash } from '../nlp/patterns.js';
import { memoByText } from '../nlp/memo.js';
import { findPhones } from '../nlp/phones.js';
import { ibanValid, luhnValid } from './checksums.js';

/** Generic PII detectors for agent text: e-mails, phones, Luhn-valid card numbers, checksum-valid IBANs. */

export type PiiKind = 'email' | 'phone' | 'card' | 'iban';

export interface PiiFound {
  kind: PiiKind;
  raw: string;
  /** Comparable form: lower-case e-mail, digits for phones and cards, compact upper-case IBAN. */
  norm: string;
}

const CARD_RE = /(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])/g;
const IBAN_RE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}/g;

/** The longest checksum-valid IBAN at the start of a candidate (the regex may run into the next word). */
function ibanPrefix(candidate: string): string | undefined {
  const s = candidate.replace(/\s+/g, '').toUpperCase();
  for (let n = Math.min(34, s.length); n >= 15; n--) if (ibanValid(s.slice(0, n))) return s.slice(0, n);
  return undefined;
}

export const findPii = memoByText((text: string): PiiFound[] => {
  const out: PiiFound[] = [];
  for (const h of allHits(EMAIL_RE, text)) out.push({ kind: 'email', raw: h.raw, norm: h.raw.toLowerCase() });
  const cards = allHits(CARD_RE, text).filter((h) => luhnValid(digitsOf(h.raw)));
  for (const h of cards) out.push({ kind: 'card', raw: h.raw, norm: digitsOf(h.raw) });
  for (const p of findPhones(text)) {
    if (cards.some((c) => c.start <= p.start && p.end <= c.end)) continue;
    out.push({ kind: 'phone', raw: p.raw, norm: p.digits });
  }
  for (const h of allHits(IBAN_RE, text)) {
    const iban = ibanPrefix(h.raw);
    if (iban) out.push({ kind: 'iban', raw: h.raw, norm: iban });
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
