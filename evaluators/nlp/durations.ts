import { NUMBER_WORDS_SOURCE, parseNumberish } from './number-words.js';

/**
 * Durations in any common written form: "48 hours", "3-5 business days", "14-day", "two weeks", "thirty-day",
 * "a fortnight", "within a week". Shared by the grounding instrument for the agent's text and its material.
 */

export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface DurationHit {
  start: number;
  end: number;
  raw: string;
  /** The numbers as written: [3, 5] for "3-5 business days". */
  numbers: number[];
  unit: DurationUnit;
  /** The same in days (a month is 30.44 days, a year 365.25). */
  days: number[];
  /** "business" or "working" days: weekends do not count. */
  business: boolean;
}

export const DAYS_PER: Record<DurationUnit, number> = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 365.25 / 12, year: 365.25 };

const N = `(?:\\d+(?:[.,]\\d+)?|${NUMBER_WORDS_SOURCE})`;
const UNIT = '(minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?|yrs?)';
const QUAL = '(?:(?:business|working|calendar|full|consecutive|more|additional|extra|further)\\s+)?';
const NUMERIC = new RegExp(`(?<![\\w.,/])(${N})(?:\\s*(?:-|–|to|or)\\s*(${N}))?[\\s-]*${QUAL}${UNIT}\\b`, 'gi');
/** "a week", "an hour", "a fortnight": one unit, only after a word that makes it a time span. */
const ARTICLE = /\b(?:within|in|for|after|over|under|about|around|up to|takes?|took|of|than|only|just|least|full)\s+((?:an?|one|the next|next|the coming)\s+(?:(?:business|working|full)\s+)?(minute|hour|day|week|month|year|fortnight))\b/gi;
const FORTNIGHT = /\b(\w+)\s+fortnights?\b/gi;

function unitOf(raw: string): DurationUnit {
  const u = raw.toLowerCase();
  if (u.startsWith('min')) return 'minute';
  if (u.startsWith('h')) return 'hour';
  if (u.startsWith('d')) return 'day';
  if (u.startsWith('w')) return 'week';
  if (u.startsWith('mo')) return 'month';
  return 'year';
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

export function findDurations(text: string): DurationHit[] {
  const out: DurationHit[] = [];
  for (const m of text.matchAll(NUMERIC)) {
    const a = parseNumberish(m[1] ?? '');
    const b = m[2] ? parseNumberish(m[2]) : undefined;
    if (a === undefined || (m[2] && b === undefined)) continue;
    const unit = unitOf(m[3] ?? 'day');
    const numbers = b === undefined ? [a] : [a, b];
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], numbers, unit, days: numbers.map((n) => round(n * DAYS_PER[unit])), business: /business|working/i.test(m[0]) });
  }
  const free = (s: number, e: number): boolean => !out.some((o) => o.start < e && s < o.end);
  for (const m of text.matchAll(ARTICLE)) {
    const word = (m[2] ?? '').toLowerCase();
    const start = m.index + m[0].lastIndexOf(m[1] ?? '');
    if (!free(start, m.index + m[0].length)) continue;
    const [unit, n]: [DurationUnit, number] = word === 'fortnight' ? ['day', 14] : [unitOf(word), 1];
    out.push({ start, end: m.index + m[0].length, raw: text.slice(start, m.index + m[0].length), numbers: [n], unit, days: [round(n * DAYS_PER[unit])], business: /business|working/i.test(m[0]) });
  }
  for (const m of text.matchAll(FORTNIGHT)) {
    const n = /^an?$/i.test(m[1] ?? '') ? 1 : parseNumberish(m[1] ?? '');
    if (n === undefined || !free(m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], numbers: [n * 14], unit: 'day', days: [n * 14], business: false });
  }
  return out.sort((x, y) => x.start - y.start);
}
