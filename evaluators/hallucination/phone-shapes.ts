import type { Hit } from '../nlp/patterns.js';
import { samePhone } from '../nlp/phones.js';

/**
 * Phone numbers the shared finder (nlp/contact-phones.ts) leaves out, read only where a word says a number follows
 * ("call", "ring", "text", "WhatsApp", "phone", "line", "tel"): national shapes such as "(02) 9876 5432",
 * "1800 123 456", "07700 900123", digits written unspaced ("08001234567"), and letter numbers ("1-800-555-FLYR").
 * A phone is in the material when its digits are, however the material spaces them.
 */

const CUE = /\b(?:call|ring|phone|text|sms|whatsapp|dial|tel|telephone|line|hotline|helpline|number|contact)\b[^.!?\n\d]{0,16}$/i;
const SHAPE = /(?<![\w+])(1[- ]?8\d\d[- ]?\d{3}[- ]?[A-Z]{4}|\+?\(?\d[\d ().-]{6,18}\d)(?![\w])/g;
/** Dates and times are read elsewhere ("2026-03-14", "14.03.2026"). */
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;
const digitsOf = (raw: string): string => raw.replace(/\D/g, '');

export type PhoneHit = Hit & { digits: string };

export function extraPhones(text: string): PhoneHit[] {
  const out: PhoneHit[] = [];
  for (const m of text.matchAll(SHAPE)) {
    const raw = m[1]!;
    const digits = /[A-Z]{4}$/.test(raw) ? raw : digitsOf(raw);
    const n = digitsOf(raw).length;
    if (!/[A-Z]/.test(digits) && (n < 8 || n > 15 || DATE_LIKE.test(raw.trim()))) continue;
    // A date, an amount or a plain figure is no phone: a cue word must come first.
    if (!CUE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    out.push({ start: m.index, end: m.index + raw.length, raw, digits });
  }
  return out;
}

/** Whether a text holds this phone number (its digits, in any spacing; a letter number as written). */
export function phoneInText(digits: string, text: string): boolean {
  if (/[A-Z]/.test(digits)) return text.toUpperCase().replace(/[\s-]/g, '').includes(digits.toUpperCase().replace(/[\s-]/g, ''));
  for (const m of text.matchAll(/\+?\(?\d[\d ().-]{5,20}\d/g)) if (samePhone(digitsOf(m[0]), digits) || digitsOf(m[0]) === digits) return true;
  return false;
}
