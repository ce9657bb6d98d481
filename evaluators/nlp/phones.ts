import { createRequire } from 'node:module';
import { memoByText } from './memo.js';
import { allHits, digitsOf, overlaps, type Hit } from './patterns.js';

/**
 * Phone numbers in text. libphonenumber finds real, valid numbers; it rejects the reserved fictional 555-01xx
 * range our synthetic canaries use, so a shape regex supplements it. Both are skipped for texts without a run of
 * seven digits (the common case), which keeps scoring fast.
 */

type PhoneLib = typeof import('libphonenumber-js');
let phoneLib: PhoneLib | undefined;
// Loaded on first use: its metadata costs ≈ 10 MB, and the runner's thread imports the evaluators (for their metric
// catalog) without ever scoring (docs/performance.md).
const lib = (): PhoneLib => (phoneLib ??= createRequire(import.meta.url)('libphonenumber-js') as PhoneLib);

export interface PhoneHit extends Hit {
  digits: string;
}

const MAYBE_PHONE = /\d(?:[\s().+-]*\d){6,}/;
/** NANP "(555) 010-1234" / "555-010-1234" / "+1 555 010 1234", international "+44 20 7946 0958", local "555-0123". */
const PHONE_SHAPE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\+\d{1,3}(?:[\s.-]\d{2,4}){2,5}\b|\b\d{3}-\d{4}\b/g;

/** US numbering is the default region: the synthetic scenarios use NANP numbers; "+" numbers parse in any region. */
export function findPhones(text: string): PhoneHit[] {
  return MAYBE_PHONE.test(text) ? phonesMemo(text) : [];
}

const phonesMemo = memoByText((text: string): PhoneHit[] => {
  const out: PhoneHit[] = lib().findPhoneNumbersInText(text, 'US').map((f) => ({
    start: f.startsAt, end: f.endsAt, raw: text.slice(f.startsAt, f.endsAt), digits: digitsOf(f.number.number),
  }));
  for (const h of allHits(PHONE_SHAPE, text)) {
    if (out.some((o) => overlaps(o, h))) continue;
    // A phone shape inside a longer digit run is part of a card or account number, not a phone.
    const before = text.slice(Math.max(0, h.start - 2), h.start);
    const after = text.slice(h.end, h.end + 2);
    if (/\d[\s-]?$/.test(before) || /^[\s-]?\d/.test(after)) continue;
    out.push({ ...h, digits: digitsOf(h.raw) });
  }
  return out.sort((a, b) => a.start - b.start);
});

/** Two phone numbers are the same if the shorter digit string (at least 7 digits) ends the longer one. */
export function samePhone(a: string, b: string): boolean {
  const da = digitsOf(a);
  const db = digitsOf(b);
  if (da.length < 7 || db.length < 7) return false;
  const [short, long] = da.length <= db.length ? [da, db] : [db, da];
  return long.endsWith(short.slice(-10));
}
