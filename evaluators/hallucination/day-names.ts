import type { Hit } from '../nlp/patterns.js';

/**
 * Weekdays and months named on their own: "the Saturday flight", "deliveries on Tuesdays", "your plan started in
 * November". A full date is read elsewhere (nlp/when.ts); here only a bare day or month name, which the material must
 * name too (or hold a date on that day or in that month). Greetings ("Happy Friday") and named days ("Black Friday")
 * claim nothing; "May" counts only after a word that makes it a month ("in May", "since May").
 */

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const WEEKDAY_RE = /\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day(?:s|'s|’s)?\b/g;
const MONTH_RE = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g;
const MAY_BEFORE = /\b(?:in|of|since|until|till|from|by|before|after|early|mid|late|end of|start of|beginning of|through|during|last|next|this)\s+$/i;
const NOT_A_CLAIM_BEFORE = /\b(?:happy|nice|great|good|lovely|enjoy your|rest of your|have a|black|cyber|easter|boxing|giving|holy|ash|shrove|super|manic)\s+$/i;

export type DayNameHit = Hit & { value: string };

/** Bare weekday names ("weekday:5") and month names ("month:11"). */
export function dayNameHits(text: string): DayNameHit[] {
  const out: DayNameHit[] = [];
  for (const m of text.matchAll(WEEKDAY_RE)) {
    if (NOT_A_CLAIM_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const wd = WEEKDAY_NAMES.findIndex((w) => w.startsWith(m[1]!.toLowerCase()));
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], value: `weekday:${wd}` });
  }
  for (const m of text.matchAll(MONTH_RE)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (m[1] === 'May' && !MAY_BEFORE.test(before)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], value: `month:${MONTH_NAMES.indexOf(m[1]!.toLowerCase()) + 1}` });
  }
  return out;
}

/** A weekday in a text: a full name in any case, or a capitalised short form ("Sat", "Tues", "Thurs."). */
const DAY = '(?:([Ss]un|[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur)days?|(Sun|Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat)\\.?)(?![A-Za-z])';
const dayIndex = (m: RegExpMatchArray, i: number): number => {
  const w = (m[i] ?? m[i + 1] ?? '').toLowerCase().slice(0, 3);
  return WEEKDAY_NAMES.findIndex((x) => x.startsWith(w));
};

/**
 * Weekdays a text names: the days themselves ("Sat", "Saturdays"), ranges ("Mon-Fri", "Monday to Friday"),
 * "weekdays", "weekends", "every day". "Business days" counts a period and names no day.
 */
export function weekdaysNamed(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(new RegExp(`\\b${DAY}\\s*(?:-|–|—|to|through|thru|until|till)\\s*${DAY}`, 'g'))) {
    const a = dayIndex(m, 1);
    const b = dayIndex(m, 3);
    if (a < 0 || b < 0) continue;
    for (let d = a, i = 0; i < 7; d = (d + 1) % 7, i++) { out.add(d); if (d === b) break; }
  }
  for (const m of text.matchAll(new RegExp(`\\b${DAY}`, 'g'))) out.add(dayIndex(m, 1));
  const t = text.toLowerCase();
  if (/\bweekdays?\b/.test(t)) for (const d of [1, 2, 3, 4, 5]) out.add(d);
  if (/\bweekends?\b/.test(t)) { out.add(0); out.add(6); }
  if (/\bevery day\b|\bdaily\b|\b7 days a week\b|\bseven days a week\b/.test(t)) for (let d = 0; d < 7; d++) out.add(d);
  out.delete(-1);
  return out;
}

/** Months a text names, capitalised ("Nov", "November"). */
export function monthsNamed(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)([a-z]*)\b/g)) {
    const i = MONTH_NAMES.findIndex((x) => x.startsWith(m[0].toLowerCase()) || (m[2] === '' || m[2] === 't') && x.startsWith(m[1]!.toLowerCase()));
    if (i >= 0) out.add(i + 1);
  }
  return out;
}
