/**
 * Phrase lists for the two empathy side metrics: dismissive phrasing, and a concrete next step after an empathic
 * reply. The three EPITOME mechanisms have their own detectors (er.ts, ip.ts, ex.ts). Patterns are written for
 * normalised text (text.ts normaliseText).
 */

export const DISMISSIVE = [
  /\bcalm down\b/,
  /\bas i (already |just )?(said|mentioned|explained|told you)\b/,
  /\bthere'?s nothing (i|we) can do\b/,
  /\byou should have\b/,
  /\b(that'?s|it'?s) not (my|our) (problem|fault)\b/,
];

const ACTION_VERBS = 'check|look into|look|track|process|send|resend|issue|refund|replace|arrange|escalate|transfer|connect|book|schedule|reset|fix|update|cancel|credit|waive|apply|expedite|contact|follow up|raise|file|ship|open|reorder|investigate';
const DONE_VERBS = 'checked|processed|sent|resent|issued|refunded|replaced|arranged|escalated|booked|scheduled|reset|fixed|applied|credited|waived|cancelled|canceled|raised|filed|opened|updated|expedited|reordered|shipped|requested|logged|flagged';

/** A concrete next step in words (a tool call in the same reply also counts). */
export const ACTION_PHRASES = [
  new RegExp(`\\b(i'?ll|i will|i'?m going to|we'?ll|we will|let me|i can)\\s+(\\w+\\s+){0,2}?(${ACTION_VERBS})\\b`),
  new RegExp(`\\b(i'?ve|i have|we'?ve|we have)\\s+(just\\s+|now\\s+|already\\s+)?(${DONE_VERBS})\\b`),
  /\b(you will|you'll) (receive|get|see|be contacted)\b/,
  /\bnext steps?\b/,
  /\bplease (try|go to|click|tap|restart|reply|send|check|visit|call|upload|confirm|share)\b/,
  /\bhere'?s what (we|i|you) (can|will|'ll)\b/,
];
