import type { Conversation } from '../../src/core/conversation.js';
import type { EndState } from '../../src/schema/scenario.js';
import type { Evidence } from '../../src/score/types.js';
import { argMatches } from './args.js';
import { callEvidence, escalationsIn, type ClassifiedCall } from './classified.js';
import { explainWrites, matchWrites } from './writes.js';

export { argMatches, NUMBER_TOLERANCE } from './args.js';

export interface EndStateVerdict {
  reached: boolean;
  explanation: string;
  evidence: Evidence[];
}

/** endReasons of a conversation that ran its course (not cut by the step guard or an error). */
const NORMAL_ENDINGS: ReadonlySet<string> = new Set(['script-complete', 'customer-stopped', 'report-submitted']);

const nonEmpty = (v: unknown): boolean => {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).some(nonEmpty);
  return true;
};

/**
 * Writes the legacy kinds (tool, answer) do not ask about. They are listed as evidence, not counted: those kinds name
 * one target (a tool call, a plain answer) in scenarios where revised offers are part of the expected path; a
 * scenario that needs "nothing else was changed" uses the `actions` kind.
 */
const otherWrites = (calls: ClassifiedCall[], except?: string): Evidence[] =>
  calls.filter((x) => x.cls === 'write' && !x.failed && x.call.name !== except).map((x) => callEvidence(x, 'other write (not counted by this end-state kind)'));

interface Ctx { c: Conversation; calls: ClassifiedCall[] }
type Handler<K extends EndState['kind']> = (es: Extract<EndState, { kind: K }>, x: Ctx) => EndStateVerdict;

const HANDLERS: { [K in EndState['kind']]: Handler<K> } = {
  tool: (es, { calls }) => {
    const named = calls.filter((x) => x.call.name === es.tool);
    const hit = named.find((x) => !x.failed && argMatches(es.args, x.call.arguments));
    const want = JSON.stringify(es.args);
    if (hit) return { reached: true, explanation: `${es.tool} called with arguments matching ${want}`, evidence: [callEvidence(hit), ...otherWrites(calls, es.tool)] };
    return {
      reached: false,
      explanation: named.length ? `${es.tool} called ${named.length}x but no successful call matches ${want}` : `${es.tool} was never called (expected ${want})`,
      evidence: named.map((x) => callEvidence(x, x.failed ? 'the tool answered with an error' : undefined)),
    };
  },
  escalate: (_es, { calls }) => {
    const esc = escalationsIn(calls);
    return esc.escalated
      ? { reached: true, explanation: 'the conversation was handed to a human (a call of class escalate), as expected', evidence: esc.evidence }
      : { reached: false, explanation: 'expected a hand-over to a human; no tool of class escalate was called', evidence: [] };
  },
  answer: (_es, { c, calls }) => {
    const esc = escalationsIn(calls);
    if (esc.escalated) return { reached: false, explanation: 'expected an answer, but the agent escalated', evidence: esc.evidence };
    const normal = NORMAL_ENDINGS.has(c.endReason);
    return { reached: normal, explanation: normal ? `answered without escalation; ended ${c.endReason}` : `no escalation, but the conversation ended abnormally (${c.endReason})`, evidence: otherWrites(calls) };
  },
  report: (es, { calls }) => {
    const named = calls.filter((x) => x.call.name === es.tool);
    const hit = named.find((x) => !x.failed && nonEmpty(x.call.arguments));
    if (hit) return { reached: true, explanation: `${es.tool} submitted with a non-empty payload`, evidence: [{ turn: hit.turn, note: `${es.tool} call` }] };
    return { reached: false, explanation: named.length ? `${es.tool} called with an empty payload` : `${es.tool} was never called`, evidence: named.map((x) => ({ turn: x.turn })) };
  },
  actions: (es, { calls }) => {
    const v = matchWrites(es.writes, calls);
    return { reached: v.reached, explanation: explainWrites(v, es.writes.length), evidence: v.evidence };
  },
};

export function checkEndState(es: EndState, c: Conversation, calls: ClassifiedCall[]): EndStateVerdict {
  // The mapped type guarantees each handler gets its own variant; TS cannot correlate the lookup with the union.
  const handler = HANDLERS[es.kind] as (es: EndState, x: Ctx) => EndStateVerdict;
  return handler(es, { c, calls });
}
