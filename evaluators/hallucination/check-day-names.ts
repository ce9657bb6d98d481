import { avail, bad, none, ok, type Result, type TurnScope } from './check.js';
import type { Claim } from './claims.js';
import { MONTH_NAMES, monthsNamed, WEEKDAY_NAMES, weekdaysNamed } from './day-names.js';
import { availableAt } from './material.js';
import { contentWords, topicVals } from './scope.js';
import { datedOnly, notCheckable, nowUnknown } from './unknown-now.js';

/**
 * A weekday or a month named on its own ("weekday:6", "month:11"; day-names.ts). Supported when the material names
 * that day or month (a range such as "Mon-Fri", "weekdays" and "weekends" count), when the customer does, when a
 * material date (today included, when known; for a weekday, within a week of today) falls on it, or when a material
 * date plus a period on the sentence's topic does. Contradicted when a material text on the sentence's topic names
 * other days (or months) only.
 * With today unknown, a day the material does not name is not checkable: it may be today or follow from it.
 */

const dayNo = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const weekdayOf = (day: number): number => new Date(day * 86_400_000).getUTCDay();
const monthOf = (day: number): number => new Date(day * 86_400_000).getUTCMonth() + 1;

export function checkDayName(c: Extract<Claim, { kind: 'date' }>, s: TurnScope): Result {
  const [what, n0] = c.value.split(':');
  const n = Number(n0);
  const weekday = what === 'weekday';
  const label = weekday ? WEEKDAY_NAMES[n]! : MONTH_NAMES[n - 1]!;
  const of = weekday ? weekdayOf : monthOf;
  const named = weekday ? weekdaysNamed : monthsNamed;
  const segs = s.m.segments.filter(availableAt(c.turn));
  const seg = segs.find((x) => x.origin !== 'customer' && named(x.text).has(n));
  if (seg) return ok(`the material names ${label}`, seg.ref);
  // The material names other days for this topic ("deliveries on Saturdays and Sundays"): even the customer's
  // wish for a Tuesday does not make it one.
  const words = contentWords(c.clause);
  const other = segs.find((x) => x.origin !== 'customer' && named(x.text).size > 0 && [...contentWords(x.text)].some((w) => words.has(w)));
  if (other) return bad(`the material names other ${weekday ? 'days' : 'months'} for this: "${other.text.slice(0, 80)}"`, other.ref);
  const said = segs.find((x) => x.origin === 'customer' && named(x.text).has(n));
  if (said) return ok(`the customer names ${label}`, said.ref);
  const dates = datedOnly(avail(s, c, 'date'), s.r).filter((x) => /^\d{4}-\d{2}-\d{2}$/.test(String(x.v)));
  // A bare weekday is this week's or next: a material date within a week of today (or of no known today).
  // "on Tuesdays" is a habit, which no single date shows.
  const near = (x: { v: unknown }): boolean => !weekday || nowUnknown(s.r) || Math.abs(dayNo(String(x.v)) - dayNo(s.m.now)) <= 7;
  if (weekday && /days$/i.test(c.raw)) return nowUnknown(s.r) ? notCheckable(`and ${label}s may be counted from it`) : none(`the material names no ${label}s`);
  const hit = dates.find((x) => of(dayNo(String(x.v))) === n && near(x));
  if (hit) return ok(`${hit.ref === 'now' ? 'today' : `a date in the material (${String(hit.v)})`} falls ${weekday ? 'on a' : 'in'} ${label}`, hit.ref);
  // A material date plus a period the material gives for this topic (calendar days; business days skip weekends).
  const periods = topicVals(c, avail(s, c, 'days')).map((x) => ({ days: Math.round(x.v as number), business: /business|working/i.test(x.context) }));
  for (const d of dates) for (const p of periods) {
    const end = p.business ? addBusiness(dayNo(String(d.v)), p.days) : dayNo(String(d.v)) + p.days;
    if (p.days > 0 && of(end) === n) return ok(`derived: ${String(d.v)} + ${p.days}${p.business ? ' business' : ''} days falls ${weekday ? 'on a' : 'in'} ${label}`, d.ref);
  }
  return nowUnknown(s.r) ? notCheckable(`and ${label} may be counted from it`) : none(`${label} is not in the material`);
}

function addBusiness(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0;) { d++; const wd = weekdayOf(d); if (wd !== 0 && wd !== 6) left--; }
  return d;
}
