import { NUMBER_WORDS_SOURCE, parseDigits, parseNumberWords } from './number-words.js';

/**
 * Money amounts and percentages in any common written form: "$89", "89.00 USD", "USD 89", "89 dollars", "89,00 €",
 * "£1,299.99", "1.299,99 €", "eighty-nine dollars", "15%", "15 percent", "fifteen per cent". Used by the grounding
 * instrument on both the agent's text and its material, so both sides read a number the same way.
 */

export interface ValueHit {
  start: number;
  end: number;
  raw: string;
  value: number;
  /** ISO code when the text names one ("$" reads as USD, "€" as EUR, "£" as GBP). */
  currency?: string;
}

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const CODES = 'USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|INR|SEK|NOK|DKK|PLN|MXN|BRL|ZAR|SGD|HKD';
const WORDS: Record<string, string> = { dollar: 'USD', buck: 'USD', euro: 'EUR', pound: 'GBP', quid: 'GBP', rupee: 'INR', franc: 'CHF' };
const WORD_UNIT = '(?:dollars?|bucks|euros?|pounds?|quid|rupees?|francs?)';
/** "89 US dollars", "89 U.S. dollars", "89 American dollars": the qualifier names the dollar, it is not a count. */
const QUALIFIED_UNIT = `(?:(?:US|U\\.S\\.|American)\\s+)?${WORD_UNIT}`;

const NUM = '\\d{1,3}(?:[,.\\u00a0\\u202f]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';
/** Symbol or code before the number, or symbol, code or currency word after it; cents ("50 cents") too. */
const MONEY_SOURCE = [
  `[$€£¥₹]\\s?(?:${NUM})(?:\\s?(?:${CODES})\\b)?`,
  `\\b(?:${CODES})\\s?(?:${NUM})`,
  `(?<![\\w.,])(?:${NUM})\\s?(?:[€£$]|(?:${CODES})\\b|${QUALIFIED_UNIT}\\b)`,
  `${NUMBER_WORDS_SOURCE}\\s+${QUALIFIED_UNIT}(?:\\s+(?!a\\b)${NUMBER_WORDS_SOURCE}(?!\\s+(?:${WORD_UNIT}|cents?|pence|p)\\b))?\\b`,
  `(?<![\\w.,])\\d{1,2}\\s?cents?\\b`,
  `\\b(?:a|one)\\s+(?:tenner|fiver)\\b`,
];
export const MONEY_ANY_RE = new RegExp(MONEY_SOURCE.map((s) => `(?:${s})`).join('|'), 'gi');

function currencyOf(raw: string): string | undefined {
  const sym = /[$€£¥₹]/.exec(raw)?.[0];
  if (sym) return SYMBOLS[sym];
  const code = new RegExp(`\\b(${CODES})\\b`, 'i').exec(raw)?.[1];
  if (code) return code.toUpperCase();
  if (/tenner|fiver/i.test(raw)) return 'GBP';
  const word = /\b(dollar|buck|euro|pound|quid|rupee|franc)/i.exec(raw)?.[1];
  return word ? WORDS[word.toLowerCase()] : undefined;
}

function amountOf(raw: string): number | undefined {
  if (/tenner|fiver/i.test(raw)) return /tenner/i.test(raw) ? 10 : 5;
  if (/\bcents?\b/i.test(raw)) { const c = parseDigits(raw); return c === undefined ? undefined : c / 100; }
  if (/\d/.test(raw)) return parseDigits(raw.replace(/[$€£¥₹]/g, ' ').replace(new RegExp(`\\b(?:${CODES})\\b`, 'gi'), ' ').trim());
  // "six pounds fifty": the words after the unit are pence or cents.
  const [whole = '', part] = raw.split(new RegExp(`\\s+${QUALIFIED_UNIT}\\b`, 'i'));
  const w = parseNumberWords(whole);
  const c = part?.trim() ? parseNumberWords(part) : 0;
  return w === undefined || c === undefined ? undefined : w + c / 100;
}

export function findMoney(text: string): ValueHit[] {
  const out: ValueHit[] = [];
  MONEY_ANY_RE.lastIndex = 0;
  for (let m = MONEY_ANY_RE.exec(text); m; m = MONEY_ANY_RE.exec(text)) {
    const raw = m[0].replace(/\s+$/, '');
    const value = amountOf(raw);
    if (value === undefined) continue;
    const currency = currencyOf(raw);
    out.push({ start: m.index, end: m.index + raw.length, raw, value, ...(currency ? { currency } : {}) });
  }
  return out;
}

export const PERCENT_ANY_RE = new RegExp(`(?:\\b\\d+(?:[.,]\\d+)?|${NUMBER_WORDS_SOURCE})\\s?(?:%|percent\\b|per\\s?cent\\b|pct\\b)`, 'gi');

export function findPercents(text: string): ValueHit[] {
  const out: ValueHit[] = [];
  PERCENT_ANY_RE.lastIndex = 0;
  for (let m = PERCENT_ANY_RE.exec(text); m; m = PERCENT_ANY_RE.exec(text)) {
    const num = m[0].replace(/\s?(?:%|percent|per\s?cent|pct)$/i, '');
    const value = /\d/.test(num) ? parseDigits(num) : parseNumberWords(num);
    if (value === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], value });
  }
  return out;
}
