import type { Conversation } from '../../src/core/conversation.js';
import type { EndState } from '../../src/schema/scenario.js';
import type { Evidence } from '../../src/score/types.js';
import { toolCalls } from './transcript.js';

export interface EndStateVerdict {
  reached: boolean;
  explanation: string;
  evidence: Evidence[];
}

/** Numbers written by a model ("15", 15.0, "15%") are compared within this tolerance. */
export const NUMBER_TOLERANCE = 0.5;

/** endReasons of a conversation that ran its course (not cut by the step guard or an error). */
const NORMAL_ENDINGS: ReadonlySet<string> = new Set(['script-complete', 'customer-stopped', 'report-submitted']);

const asNumber = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const n = Number(v.replace(/[%,$€£\s]/g, ''));
    return v.trim() && Number.isFinite(n) ? n : null;
  }
  return null;
};

/**
 * Does the actual argument satisfy the expected one? Numbers within tolerance, strings case-insensitively, arrays as
 * "every expected element is matched by some actual element" (order-free), objects key by key; keys the expectation
 * does not name are ignored.
 */
export function argMatches(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number') {
    const n = asNumber(actual);
    return n !== null && Math.abs(n - expected) <= NUMBER_TOLERANCE;
  }
  if (typeof expected === 'string') return typeof actual === 'string' && actual.trim().toLowerCase() === expected.trim().toLowerCase();
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.every((e) => actual.some((a) => argMatches(e, a)));
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).every(([k, v]) => argMatches(v, a[k]));
  }
  return expected === actual;
}

const nonEmpty = (v: unknown): boolean => {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).some(nonEmpty);
  return true;
};

const escalations = (c: Conversation) => toolCalls(c, 'escalate_to_human');

type Handler<K extends EndState['kind']> = (es: Extract<EndState, { kind: K }>, c: Conversation) => EndStateVerdict;

const HANDLERS: { [K in EndState['kind']]: Handler<K> } = {
  tool: (es, c) => {
    const calls = toolCalls(c, es.tool);
    const hit = calls.find((x) => argMatches(es.args, x.call.arguments));
    const want = JSON.stringify(es.args);
    if (hit) return { reached: true, explanation: `${es.tool} called with arguments matching ${want}`, evidence: [{ turn: hit.turn, quote: JSON.stringify(hit.call.arguments) }] };
    return {
      reached: false,
      explanation: calls.length ? `${es.tool} called ${calls.length}x but no call matches ${want}` : `${es.tool} was never called (expected ${want})`,
      evidence: calls.map((x) => ({ turn: x.turn, quote: JSON.stringify(x.call.arguments) })),
    };
  },
  escalate: (_es, c) => {
    const e = escalations(c)[0];
    return e
      ? { reached: true, explanation: 'escalate_to_human was called, as expected', evidence: [{ turn: e.turn, quote: JSON.stringify(e.call.arguments) }] }
      : { reached: false, explanation: 'expected a hand-over to a human; escalate_to_human was never called', evidence: [] };
  },
  answer: (_es, c) => {
    const e = escalations(c)[0];
    if (e) return { reached: false, explanation: 'expected an answer, but the agent escalated', evidence: [{ turn: e.turn, quote: JSON.stringify(e.call.arguments) }] };
    const normal = NORMAL_ENDINGS.has(c.endReason);
    return { reached: normal, explanation: normal ? `answered without escalation; ended ${c.endReason}` : `no escalation, but the conversation ended abnormally (${c.endReason})`, evidence: [] };
  },
  report: (es, c) => {
    const calls = toolCalls(c, es.tool);
    const hit = calls.find((x) => nonEmpty(x.call.arguments));
    if (hit) return { reached: true, explanation: `${es.tool} submitted with a non-empty payload`, evidence: [{ turn: hit.turn, note: `${es.tool} call` }] };
    return { reached: false, explanation: calls.length ? `${es.tool} called with an empty payload` : `${es.tool} was never called`, evidence: calls.map((x) => ({ turn: x.turn })) };
  },
};

export function checkEndState(es: EndState, c: Conversation): EndStateVerdict {
  // The mapped type guarantees each handler gets its own variant; TS cannot correlate the lookup with the union.
  const handler = HANDLERS[es.kind] as (es: EndState, c: Conversation) => EndStateVerdict;
  return handler(es, c);
}

export function escalatedIn(c: Conversation): { escalated: boolean; evidence: Evidence[] } {
  const e = escalations(c);
  return { escalated: e.length > 0, evidence: e.map((x) => ({ turn: x.turn, quote: JSON.stringify(x.call.arguments) })) };
}
