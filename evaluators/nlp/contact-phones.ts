import { findPhones, type PhoneHit } from './phones.js';
import { digitsOf, overlaps } from './patterns.js';

/**
 * Phone numbers for the grounding instrument: the shared finder (libphonenumber and North American shapes) plus
 * national numbers written with a trunk 0 that a US-default parser misses ("0330 088 4400", "030 5550 1212").
 */

const NATIONAL = /(?<![\d+.,])0\d{2,4}(?:[ -]\d{2,4}){1,3}(?!\d|[.,]\d)/g;

export function findContactPhones(text: string): PhoneHit[] {
  const out = findPhones(text);
  for (const m of text.matchAll(NATIONAL)) {
    const digits = digitsOf(m[0]);
    const h = { start: m.index, end: m.index + m[0].length, raw: m[0], digits };
    if (digits.length < 9 || digits.length > 12 || out.some((o) => overlaps(o, h))) continue;
    out.push(h);
  }
  return out.sort((a, b) => a.start - b.start);
}
