import type { Timestamp } from './chat-messages.js';

/**
 * The conversation's own date is its "now": relative dates the agent gives ("in 5 days") and year-less dates are read
 * against it. It is never today's date: an audit runs long after the conversation happened.
 */
export interface ConversationDate {
  /** YYYY-MM-DD, or null when the file does not date the conversation. */
  date: string | null;
  /** Where the date came from (a field path), or why there is none. */
  source: string;
}

/**
 * Stands in for an unknown date in the scenario's required `now` field, always with `nowKnown: false` beside it: the
 * grounding check then supports nothing with it, and a date or duration that only "now" could decide is
 * `not-checkable` (never supported, never a fabrication). A date long before any transcript, as a second guard.
 */
export const UNKNOWN_NOW = '1970-01-01';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * A date from one timestamp: an ISO string keeps the calendar date as written (the customer's local day, whatever
 * the offset); a number is seconds (or milliseconds, above 10^11) since 1970, read as UTC.
 */
export function dateOf(t: Timestamp): string | null {
  if (typeof t === 'number') {
    const ms = t > 1e11 ? t : t * 1000;
    const d = new Date(ms);
    return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : null;
  }
  const m = ISO.exec(t.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Candidates in order of precedence, each with its field path; the first present one decides. */
export function conversationDate(candidates: { path: string; value: Timestamp | undefined }[]): ConversationDate | { problem: { path: string; found: string } } {
  for (const c of candidates) {
    if (c.value === undefined) continue;
    const date = dateOf(c.value);
    if (date === null) return { problem: { path: c.path, found: JSON.stringify(c.value) } };
    return { date, source: c.path };
  }
  return { date: null, source: 'no metadata.date, metadata.timestamp or message timestamp' };
}
