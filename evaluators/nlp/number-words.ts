/**
 * Numbers written as words ("eighty-nine", "two hundred and fifty", "a dozen"), for claims such as "eighty-nine
 * dollars" or "two weeks". Only cardinals; ordinals ("second") and fractions ("half") are not values a claim states.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const WORD = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), 'dozen'].join('|');

/** A run of number words ("twenty five", "one hundred and twenty-nine", "a hundred", "a dozen"). */
export const NUMBER_WORDS_SOURCE = `(?:\\ba\\s+(?=(?:hundred|thousand|dozen)\\b))?\\b(?:${WORD})(?:(?:\\s+and\\s+|[\\s-]+)(?:${WORD}))*\\b`;
export const NUMBER_WORDS_RE = new RegExp(NUMBER_WORDS_SOURCE, 'gi');

/** The value of a run of number words, or undefined when the words do not form a number. */
export function parseNumberWords(raw: string): number | undefined {
  const words = raw.toLowerCase().replace(/\band\b/g, ' ').split(/[\s-]+/).filter(Boolean);
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, w] of words.entries()) {
    if (w === 'a' && i === 0) { current = 1; continue; }
    if (w in UNITS) { current += UNITS[w]!; seen = true; continue; }
    if (w in TENS) { current += TENS[w]!; seen = true; continue; }
    if (w === 'dozen') { current = (current || 1) * 12; seen = true; continue; }
    const scale = SCALES[w];
    if (scale === undefined) return undefined;
    seen = true;
    if (scale === 100) current = (current || 1) * 100;
    else { total += (current || 1) * scale; current = 0; }
  }
  return seen ? total + current : undefined;
}

/** A number written in digits ("1,299.99", "1.299,99", "89,00") or words; undefined otherwise. */
export function parseNumberish(raw: string): number | undefined {
  const t = raw.trim();
  if (/\d/.test(t)) return parseDigits(t);
  return parseNumberWords(t);
}

/**
 * Digits with thousands separators and a decimal mark in either convention: the last separator followed by one or
 * two digits is the decimal mark; a separator followed by three digits is a thousands separator ("1.299 €" = 1299).
 */
export function parseDigits(raw: string): number | undefined {
  const m = /\d[\d.,\s]*\d|\d/.exec(raw.replace(/\u00a0/g, ' '));
  if (!m) return undefined;
  let s = m[0].replace(/\s(?=\d{3}\b)/g, '').replace(/\s.*$/, '');
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (lastSep >= 0) {
    const tail = s.slice(lastSep + 1);
    const mark = s[lastSep];
    const other = mark === '.' ? ',' : '.';
    const decimal = s.includes(other) || tail.length !== 3;
    if (decimal) s = `${s.slice(0, lastSep).replace(/[.,]/g, '')}.${tail}`;
    else s = s.replace(/[.,]/g, '');
  }
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}
