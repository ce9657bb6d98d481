import { deriveDate } from './arithmetic.js';
import { avail, bad, none, ok, show, type Result, type TurnScope } from './check.js';
import type { Claim } from './claims.js';
import { namedRecords, topicVals, valsOf } from './scope.js';
import { datedOnly, notCheckable, nowUnknown, yearFromPlaceholder } from './unknown-now.js';

/**
 * Date claims: a full date, a bare year, or a day of the month ("on the 15th"). Supported when the material states
 * the date (or the same day of the month, for a monthly date), or when it is a material date plus a period the reply
 * or the material gives for this topic (calendar or business days). A weekday written with the date must match it.
 * When the conversation's date is unknown, what only "now" could decide is not checkable (unknown-now.ts).
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayNo = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The first date on or after `now` that falls on day `dd` of a month. */
function nextDayOfMonth(dd: number, now: string): string {
  for (let d = dayNo(now); d < dayNo(now) + 62; d++) if (Number(isoOf(d).slice(8, 10)) === dd) return isoOf(d);
  return now;
}

export function checkDate(c: Extract<Claim, { kind: 'date' }>, s: TurnScope): Result {
  const known = !nowUnknown(s.r);
  const dates = datedOnly(avail(s, c, 'date'), s.r);
  const values = dates.map((x) => String(x.v));
  if (/^\d{4}$/.test(c.value)) {
    const hit = dates.find((x) => String(x.v).startsWith(c.value));
    if (hit || (known && Math.abs(Number(c.value) - Number(s.m.now.slice(0, 4))) <= 1)) return ok(hit ? 'a year in the material' : 'the current year or an adjacent one', hit?.ref);
    return known ? none('year not in the material') : notCheckable(`so whether ${c.value} is the current year cannot be told`);
  }
  // Written without a year, a date took the year of "now": with "now" unknown only its day and month are its own.
  if (!known && !c.value.startsWith('--')) {
    const yearless = !/\d{4}/.test(c.raw);
    const dayMonth = avail(s, c, 'date').filter(yearFromPlaceholder(s.r));
    const same = (yearless ? [...dates, ...dayMonth] : dayMonth).find((x) => /^\d{4}-/.test(String(x.v)) && String(x.v).slice(5) === c.value.slice(5));
    if (same) return ok(`a date stated in the material (same day and month${yearless ? '; written without a year' : ''})`, same.ref);
    if (yearless) return notCheckable('and this date is written without a year');
  }
  const day = c.value.startsWith('--') ? c.value.slice(2) : c.value.slice(8, 10);
  const iso = c.value.startsWith('--') ? nextDayOfMonth(Number(day), s.m.now) : c.value;
  if (c.weekday !== undefined && Number.isFinite(dayNo(iso)) && (known || !c.value.startsWith('--'))) {
    const wd = new Date(dayNo(iso) * 86_400_000).getUTCDay();
    if (wd !== c.weekday) return bad(`${iso} is a ${WEEKDAYS[wd]}, not a ${WEEKDAYS[c.weekday]}`);
  }
  const exact = dates.find((x) => x.v === c.value || x.v === iso || (c.value.startsWith('--') && String(x.v).slice(-2) === day));
  if (exact) return ok(exact.ref === 'now' ? "today's date" : 'a date stated in the material', exact.ref);
  const monthly = dates.find((x) => x.v === `--${day}`);
  if (monthly) return ok(`the material gives day ${Number(day)} of each month`, monthly.ref);
  if (!known && c.value.startsWith('--')) return notCheckable(`so the month of day ${Number(day)} is not known`);
  // Periods the sentence states count only when the material states them too: a wrong window gives a wrong date.
  const materialDays = avail(s, c, 'days').map((x) => x.v as number);
  const periods = [
    ...s.turnClaims.filter((x): x is Extract<Claim, { kind: 'duration' }> => x.kind === 'duration' && x.sentence === c.sentence)
      .flatMap((x) => x.value.days.map((days) => ({ days, business: x.value.business })))
      .filter((p) => materialDays.some((d) => Math.abs(d - p.days) < 0.01)),
    ...topicVals(c, avail(s, c, 'days')).map((x) => ({ days: x.v as number, business: /business|working/i.test(x.context) })),
  ];
  const d = deriveDate(iso, values, periods, s.m.now);
  if (d) return ok(`derived: ${d}`);
  const named = datedOnly(valsOf(namedRecords(c, s.m), 'date'), s.r);
  const topic = named.length ? named : topicVals(c, dates.filter((x) => x.ref !== 'now'));
  if (topic.length) return bad(`the material gives ${show(topic)} for this`, topic[0]!.ref);
  return known ? none('date not in the material') : notCheckable('and this date may be today or follow from it');
}
