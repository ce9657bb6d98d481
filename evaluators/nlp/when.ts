import { allHits, DATE_RE, parseDate } from './patterns.js';

/**
 * Calendar dates, bare years and clock times in text, as comparable values: ISO dates ("2025-03-04"), years
 * ("2025") and minutes after midnight (9:30 pm = 1290). Relative words ("tomorrow", "next week") carry no value.
 */

export interface WhenHit {
  start: number;
  end: number;
  raw: string;
  /** ISO date, a four-digit year for a bare year, or `--DD` for a day of the month ("on the 5th"). */
  value: string;
  /** A weekday written with the date ("Thursday the 14th"): 0 = Sunday. */
  weekday?: number;
}

export interface TimeHit {
  start: number;
  end: number;
  raw: string;
  /** Minutes after midnight. */
  minutes: number;
  /** Written without am/pm on a 12-hour dial ("open 10 to 6", "at 8:30"): 8:30 and 20:30 are the same claim. */
  halfDay: boolean;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_BEFORE = /\b(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?\.?,?\s+(?:the\s+)?$/i;
const ORDINAL_DAY = /\b(?:on |by |until |before |after |from )?the (\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/gi;

const YEAR_RE = /(?<![\w$€£.,/-])(?:19|20)\d{2}(?![\w%.,/-]|\s?(?:[$€£]|dollars?|euros?|USD|EUR|GBP))/g;

export function findDates(text: string, now: string): WhenHit[] {
  const out: WhenHit[] = [];
  for (const h of allHits(DATE_RE, text)) {
    const iso = parseDate(h.raw, now);
    if (iso) out.push({ ...h, value: iso });
  }
  for (const m of text.matchAll(ORDINAL_DAY)) {
    const d = Number(m[1]);
    const start = m.index + m[0].toLowerCase().indexOf('the');
    const h = { start, end: m.index + m[0].length, raw: text.slice(start, m.index + m[0].length) };
    if (d < 1 || d > 31 || out.some((o) => o.start < h.end && h.start < o.end)) continue;
    out.push({ ...h, value: `--${String(d).padStart(2, '0')}` });
  }
  for (const h of allHits(YEAR_RE, text)) {
    if (out.some((o) => o.start < h.end && h.start < o.end)) continue;
    out.push({ ...h, value: h.raw });
  }
  for (const h of out) {
    const w = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, h.start - 16), h.start));
    if (w) h.weekday = WEEKDAYS.findIndex((x) => x.startsWith(w[1]!.toLowerCase().slice(0, 3)));
  }
  return out.sort((a, b) => a.start - b.start);
}

const TIME_RE = /\b(\d{1,2})(?:[:.](\d{2}))?\s?(a\.?m\.?|p\.?m\.?)(?![a-z])|(?<![:\d])(?:\b|(?<=\dT))([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?\b(?!\s*(?:[:/]|%))|\b(?:12\s+)?(noon|midday|midnight)\b/gi;
/** "open 10 to 6", "from 9 till 5": bare hours in a span after an opening word. */
const SPAN_RE = /\b(?:open|opens|from|between|hours are|staffed)\s+(\d{1,2})\s*(?:-|–|to|till|until|and)\s*(\d{1,2})\b(?!\s*(?:%|days?|weeks?|months?|years?|[$€£]))/gi;

export function findTimes(text: string): TimeHit[] {
  const out: TimeHit[] = [];
  for (const m of text.matchAll(TIME_RE)) {
    let minutes: number;
    let halfDay = false;
    if (m[6]) {
      minutes = /midnight/i.test(m[6]) ? 0 : 720;
    } else if (m[3]) {
      const h = Number(m[1]);
      if (h < 1 || h > 12) continue;
      const pm = /^p/i.test(m[3]);
      minutes = ((h % 12) + (pm ? 12 : 0)) * 60 + Number(m[2] ?? 0);
    } else {
      minutes = Number(m[4]) * 60 + Number(m[5]);
      halfDay = Number(m[4]) <= 12;
    }
    const raw = m[0].replace(/\.?\s*$/, '');
    out.push({ start: m.index, end: m.index + raw.length, raw, minutes, halfDay });
  }
  for (const m of text.matchAll(SPAN_RE)) {
    for (const g of [1, 2]) {
      const v = m[g]!;
      const at = m.index + (g === 1 ? m[0].indexOf(v) : m[0].lastIndexOf(v));
      const h = Number(v);
      if (h < 1 || h > 12 || out.some((o) => o.start < at + v.length && at < o.end)) continue;
      out.push({ start: at, end: at + v.length, raw: v, minutes: h * 60, halfDay: true });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Two times are the same claim: equal, or equal on a 12-hour dial when either was written without am/pm. */
export function sameTime(a: { minutes: number; halfDay: boolean }, b: { minutes: number; halfDay: boolean }): boolean {
  return a.minutes === b.minutes || ((a.halfDay || b.halfDay) && a.minutes % 720 === b.minutes % 720);
}
