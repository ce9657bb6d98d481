import { allHits, DATE_RE, parseDate } from './patterns.js';

/**
 * Calendar dates, bare years and clock times in text, as comparable values: ISO dates ("2025-03-04"), years
 * ("2025") and minutes after midnight (9:30 pm = 1290). Relative words ("tomorrow", "next week") carry no value.
 */

export interface WhenHit {
  start: number;
  end: number;
  raw: string;
  /** ISO date, or a four-digit year for a bare year. */
  value: string;
}

export interface TimeHit {
  start: number;
  end: number;
  raw: string;
  /** Minutes after midnight. */
  minutes: number;
}

const YEAR_RE = /(?<![\w$€£.,/-])(?:19|20)\d{2}(?![\w%.,/-]|\s?(?:[$€£]|dollars?|euros?|USD|EUR|GBP))/g;

export function findDates(text: string, now: string): WhenHit[] {
  const out: WhenHit[] = [];
  for (const h of allHits(DATE_RE, text)) {
    const iso = parseDate(h.raw, now);
    if (iso) out.push({ ...h, value: iso });
  }
  for (const h of allHits(YEAR_RE, text)) {
    if (out.some((o) => o.start < h.end && h.start < o.end)) continue;
    out.push({ ...h, value: h.raw });
  }
  return out.sort((a, b) => a.start - b.start);
}

const TIME_RE = /\b(\d{1,2})(?:[:.](\d{2}))?\s?(a\.?m\.?|p\.?m\.?)(?![a-z])|\b([01]?\d|2[0-3]):([0-5]\d)\b(?!\s*(?:[:/]|%))/gi;

export function findTimes(text: string): TimeHit[] {
  const out: TimeHit[] = [];
  for (const m of text.matchAll(TIME_RE)) {
    let minutes: number;
    if (m[3]) {
      const h = Number(m[1]);
      if (h < 1 || h > 12) continue;
      const pm = /^p/i.test(m[3]);
      minutes = ((h % 12) + (pm ? 12 : 0)) * 60 + Number(m[2] ?? 0);
    } else {
      minutes = Number(m[4]) * 60 + Number(m[5]);
    }
    const raw = m[0].replace(/\.?\s*$/, '');
    out.push({ start: m.index, end: m.index + raw.length, raw, minutes });
  }
  return out;
}
