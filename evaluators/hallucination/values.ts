import { findMoney, findPercents } from '../nlp/amounts.js';
import { findDurations } from '../nlp/durations.js';
import { memoByText } from '../nlp/memo.js';
import { NUMBER_WORDS_RE, parseDigits, parseNumberWords } from '../nlp/number-words.js';
import { allHits, EMAIL_RE, normaliseUrl, trimUrl, URL_RE } from '../nlp/patterns.js';
import { findContactPhones } from '../nlp/contact-phones.js';
import { findDates, findTimes } from '../nlp/when.js';

/**
 * The checkable values one piece of material states: amounts, percentages, durations (in days), dates, clock times,
 * every bare number, and contact points. A value keeps the words around it, so a claim can be matched to the value
 * that talks about the same thing ("refund ... 74.00" vs "fee ... 15.00").
 */

export type ValueKind = 'money' | 'percent' | 'days' | 'number' | 'date' | 'time';

export interface Val {
  kind: ValueKind;
  /** Number for money, percent, days (as days), number and time (minutes after midnight); ISO date or year for dates. */
  v: number | string;
  /** Where it came from: `catalog:<sku>`, `policy:<id>`, `tool:<name>@<turn>`, `customer@<turn>`, ... */
  ref: string;
  /** Turn index it became available at (-1 for the brief). */
  turn: number;
  /** The words around the value in its source (or the field name for structured data). */
  context: string;
  /** For a value in free text: the words right after it ("3 checked bags" -> " checked bags"). */
  after?: string;
  /** A clock time written without am/pm on a 12-hour dial. */
  halfDay?: boolean;
}

export interface TextValues {
  money: { value: number; start: number; end: number }[];
  percent: { value: number; start: number; end: number }[];
  days: { value: number; start: number; end: number }[];
  numbers: { value: number; start: number; end: number }[];
  dates: { value: string; start: number; end: number }[];
  times: { value: number; start: number; end: number; halfDay: boolean }[];
  emails: string[];
  urls: string[];
  phones: string[];
}

const MONEY_LABEL = /\b(?:total|price|fee|cost|costs|balance|charge|amount|paid|refund|deposit|bill|premium|excess|deductible)\b\W{0,3}(?:of\s+|is\s+)?$/i;
const NUMBER_RE = /(?<![\w])\d[\d,.]*\d|(?<![\w.,])\d(?![\w])/g;

/** Every value in a free text; `now` dates month-day forms without a year. Memoised: material repeats across cells. */
export const valuesOfText = memoByText((keyed: string): TextValues => {
  const cut = keyed.indexOf('\u0000');
  const now = keyed.slice(0, cut);
  const text = keyed.slice(cut + 1);
  const dates = findDates(text, now);
  const times = findTimes(text);
  const phones = findContactPhones(text);
  // Digits that are part of a date, a clock time or a phone number are not numbers of their own ("January 10").
  const parts = [...dates, ...times, ...phones];
  const numbers = [
    ...allHits(NUMBER_RE, text).map((h) => ({ value: parseDigits(h.raw.replace(/[.,]$/, '')), start: h.start, end: h.end })),
    ...allHits(NUMBER_WORDS_RE, text).map((h) => ({ value: parseNumberWords(h.raw), start: h.start, end: h.end })),
  ].filter((x): x is { value: number; start: number; end: number } => x.value !== undefined && !parts.some((p) => p.start <= x.start && x.end <= p.end && !/^(?:19|20)\d{2}$/.test(p.raw)));
  // A bare decimal with cents ("costs 5.99 per month") is an amount in material even without a currency.
  const cents = allHits(/(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}(?![\d%])/g, text).map((h) => ({ value: Number(h.raw.replace(/,/g, '')), start: h.start, end: h.end }));
  // A number labelled as an amount ("total 54", "fee: 35") is an amount too.
  const labelled = numbers.filter((x) => MONEY_LABEL.test(text.slice(Math.max(0, x.start - 24), x.start)));
  return {
    money: [...findMoney(text).map((h) => ({ value: h.value, start: h.start, end: h.end })), ...cents, ...labelled],
    percent: findPercents(text).map((h) => ({ value: h.value, start: h.start, end: h.end })),
    days: findDurations(text).flatMap((d) => d.days.map((value) => ({ value, start: d.start, end: d.end }))),
    numbers,
    dates: dates.map((h) => ({ value: h.value, start: h.start, end: h.end })),
    times: times.map((h) => ({ value: h.minutes, start: h.start, end: h.end, halfDay: h.halfDay })),
    emails: allHits(EMAIL_RE, text).map((h) => h.raw.toLowerCase()),
    urls: allHits(URL_RE, text).filter((h) => text[h.start - 1] !== '@').map((h) => normaliseUrl(trimUrl(h.raw))),
    phones: phones.map((p) => p.digits),
  };
});

const window = (text: string, start: number, end: number): string => text.slice(Math.max(0, start - 60), Math.min(text.length, end + 40));

/** The values of a text as Val records for one source. */
export function valsOfText(text: string, now: string, ref: string, turn: number): Val[] {
  if (!text) return [];
  const t = valuesOfText(`${now}\u0000${text}`);
  const mk = (kind: ValueKind) => (x: { value: number | string; start: number; end: number }): Val =>
    ({ kind, v: x.value, ref, turn, context: window(text, x.start, x.end), after: text.slice(x.end, x.end + 30) });
  return [
    ...t.money.map(mk('money')), ...t.percent.map(mk('percent')), ...t.days.map(mk('days')), ...t.numbers.map(mk('number')),
    ...t.dates.map(mk('date')), ...t.times.map((x) => ({ ...mk('time')(x), halfDay: x.halfDay })),
  ];
}

/** Field names that say what a structured number is. */
export const MONEY_KEY = /price|amount|total|fee|cost|balance|refund|charge|credit|paid|payment|subtotal|tax|fare|deposit|premium|excess|deductible|limit|value|usd|eur|gbp|salary|spend|bill|compensation|voucher|min|max|threshold|floor|ceiling/i;
export const PCT_KEY = /pct|percent|discount|rate|apr|share/i;
export const TIME_KEY = /day|week|month|year|hour|minute|window|period|trial|warranty|sla|eta|tenure|duration|term/i;

/** Unit of a time-bearing field name ("windowDays" -> days, "trialWeeks" -> weeks). */
export function fieldDays(key: string, v: number): number[] {
  const k = key.toLowerCase();
  if (/minute/.test(k)) return [v / 1440];
  if (/hour/.test(k)) return [v / 24];
  if (/week/.test(k)) return [v * 7];
  if (/month|tenure/.test(k)) return [(v * 365.25) / 12];
  if (/year/.test(k)) return [v * 365.25];
  return [v];
}

/** Vals for a structured number under a field name. */
export function valsOfField(key: string, v: number, ref: string, turn: number): Val[] {
  const context = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  const out: Val[] = [{ kind: 'number', v, ref, turn, context }];
  if (PCT_KEY.test(key)) out.push({ kind: 'percent', v, ref, turn, context });
  if (TIME_KEY.test(key) && !MONEY_KEY.test(key)) for (const d of fieldDays(key, v)) out.push({ kind: 'days', v: d, ref, turn, context });
  if (MONEY_KEY.test(key) && !PCT_KEY.test(key)) out.push({ kind: 'money', v, ref, turn, context });
  return out;
}

