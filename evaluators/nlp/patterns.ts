/**
 * Regular expressions and parsers that supplement wink's entities where it is weak: currency symbols it splits
 * off ("€15.50"), ranges ("3-5 business days" comes out as DURATION "days"), bare domains, order-id shapes.
 */

export interface Hit {
  start: number;
  end: number;
  raw: string;
}

export function allHits(re: RegExp, text: string): Hit[] {
  const out: Hit[] = [];
  // Global regexes are reused with lastIndex reset (scoring is synchronous, so no interleaving); others are copied.
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
    if (m[0].length === 0) g.lastIndex += 1;
  }
  return out;
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** "1,299.00" -> 1299, "15,50" -> 15.5 (decimal comma), "$ 49" -> 49. */
export function parseAmount(raw: string): number | undefined {
  const m = /\d[\d,.]*/.exec(raw);
  if (!m) return undefined;
  let s = m[0].replace(/[.,]$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  else s = s.replace(/,/g, '');
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

export const MONEY_RE = /(?:[$€£]\s?|\b(?:USD|EUR|GBP)\s?)\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:dollars?|euros?|pounds?|USD|EUR|GBP)\b/gi;
export const PERCENT_RE = /\b\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)/gi;
export const DURATION_RE = /\b(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?[\s-]*(?:business |working |calendar )?(hours?|days?|weeks?|months?|years?)\b/gi;
export const NUMBER_RE = /\d[\d,]*(?:\.\d+)?/g;
export const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
export const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>()"'`]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|co|test|example|app|dev|shop|store|info|biz|eu|uk|de|us|help|support)\b(?:\/[^\s<>()"'`]*)?/gi;

const UNIT_DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

export interface DurationValue {
  /** Numbers as written, e.g. [3, 5] for "3-5 business days". */
  numbers: number[];
  /** The same in days. */
  days: number[];
  unit: string;
}

const DURATION_ONE = new RegExp(DURATION_RE.source, 'i');

export function parseDuration(raw: string): DurationValue | undefined {
  const m = DURATION_ONE.exec(raw);
  if (!m) return undefined;
  const numbers = [Number(m[1]), ...(m[2] ? [Number(m[2])] : [])];
  const unit = (m[3] ?? 'day').toLowerCase().replace(/s$/, '');
  const f = UNIT_DAYS[unit] ?? 1;
  return { numbers, days: numbers.map((n) => Math.round(n * f * 1000) / 1000), unit };
}

/** Every number in a text, commas removed; the grounding pool of free text. */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const v = parseAmount(m[0]);
    if (v !== undefined) out.push(v);
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE_PATTERNS: { re: RegExp; ymd: (m: RegExpExecArray, year: number) => [number, number, number] }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, ymd: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/, ymd: (m) => [Number(m[3]), Number(m[1]), Number(m[2])] },
  { re: new RegExp(`\\b${MONTH}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'i'), ymd: (m, y) => [m[3] ? Number(m[3]) : y, monthNo(m[1]), Number(m[2])] },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}\\.?(?:,? (\\d{4}))?\\b`, 'i'), ymd: (m, y) => [m[3] ? Number(m[3]) : y, monthNo(m[2]), Number(m[1])] },
];
function monthNo(s: string | undefined): number {
  return MONTHS.indexOf((s ?? '').slice(0, 3).toLowerCase()) + 1;
}

/** An absolute calendar date as ISO text, or undefined for relative ones ("tomorrow", "next week"). */
export function parseDate(raw: string, now: string): string | undefined {
  const year = Number(now.slice(0, 4));
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(raw);
    if (!m) continue;
    const [y, mo, d] = p.ymd(m, year);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return undefined;
}

export const DATE_RE = new RegExp(DATE_PATTERNS.map((p) => p.re.source).join('|'), 'gi');

/** Dates found anywhere in a grounding text. */
export function datesIn(text: string, now: string): string[] {
  return allHits(DATE_RE, text).map((h) => parseDate(h.raw, now)).filter((d): d is string => d !== undefined);
}

/** Durations (in days and as written) found anywhere in a grounding text. */
export function durationsIn(text: string): DurationValue[] {
  return allHits(DURATION_RE, text).map((h) => parseDuration(h.raw)).filter((d): d is DurationValue => d !== undefined);
}

/** Lower-case host + path without scheme, "www." or trailing slash: the comparable form of a URL. */
export function normaliseUrl(raw: string): string {
  return raw.toLowerCase().replace(/[.,;:!?)\]]+$/, '').replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
}
export const hostOf = (url: string): string => normaliseUrl(url).split('/')[0] ?? '';

export const trimUrl = (raw: string): string => raw.replace(/[.,;:!?)\]'"]+$/, '');

export const digitsOf = (s: string): string => s.replace(/\D/g, '');
/** Lower-case letters and digits only: how ids, IBANs and card numbers are compared. */
export const compact = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
export const squash = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
