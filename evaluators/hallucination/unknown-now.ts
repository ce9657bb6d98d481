import type { ResolvedScenario } from '../../src/plan/material.js';
import type { Result } from './check.js';
import type { Claim } from './claims.js';
import type { Val } from './values.js';

/**
 * When the day of the conversation is unknown (`scenario.nowKnown: false`, an audited transcript the file does not
 * date), `scenario.now` is a placeholder. A date or duration that only "now" could support cannot be checked either
 * way: it gets the verdict `not-checkable`, which counts neither as supported nor as a hallucination, and its note
 * says why (docs/audit.md, "The conversation's date").
 */
export const nowUnknown = (r: ResolvedScenario): boolean => r.scenario.nowKnown === false;

/**
 * With "now" unknown, a date the material wrote without a year took the placeholder's year: only its day and month
 * are known, so it neither supports nor contradicts a full date, and no day count runs from it.
 */
export const yearFromPlaceholder = (r: ResolvedScenario) => (x: Val): boolean =>
  nowUnknown(r) && typeof x.v === 'string' && x.v.startsWith(`${r.scenario.now.slice(0, 4)}-`);

/** Material dates with a year of their own (all of them when "now" is known). */
export const datedOnly = (vals: Val[], r: ResolvedScenario): Val[] => vals.filter((x) => !yearFromPlaceholder(r)(x));

export const notCheckable = (why: string): Result => ({ verdict: 'not-checkable', critical: false, note: `not checkable: the conversation's date is unknown, ${why}` });

/** A duration counted from or to today: "3 days ago", "5 days left", "you still have", "in 2 days", "since". */
export const RELATIVE_TO_NOW = /\b(?:ago|since|left|remaining|still|from (?:now|today)|until|till|so far|already)\b|\bin (?:about |around |roughly |another )?\S+ (?:more )?(?:business |working )?(?:days?|weeks?|hours?)\b/i;

/**
 * A duration the material neither states nor derives, said relative to today while "now" is unknown and the material
 * holds a date it could run from or to (days since delivery, a window less the days elapsed): not checkable, even
 * where the material gives another window for the topic. Otherwise undefined (the usual verdict stands).
 */
export function durationFromUnknownNow(c: Claim, r: ResolvedScenario, dates: string[]): Result | undefined {
  if (!nowUnknown(r) || !RELATIVE_TO_NOW.test(c.sentence)) return undefined;
  const anchor = dates.find((x) => /^\d{4}-\d{2}-\d{2}$/.test(x));
  return anchor ? notCheckable(`and this duration may run from it to a date in the material (${anchor})`) : undefined;
}
