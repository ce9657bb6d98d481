import type { Conversation } from '../core/conversation.js';
import type { ToolCall } from '../core/types.js';
import type { Scenario } from '../schema/scenario.js';
import type { TruthEntry } from './planted-model.js';

/**
 * Ties every stored agent turn back to the truth entry of the reply that produced it. The key is what the model
 * sent (scenario, text, tool calls): everything planted in a reply is a function of that text, so two replies with
 * the same key carry the same truth even when the mock saw them in another order.
 */

const callsKey = (calls: readonly { name: string; arguments: Record<string, unknown> }[]): string =>
  JSON.stringify(calls.map((c) => [c.name, c.arguments]));

export const linkKey = (scenarioId: string | null, text: string, calls: readonly { name: string; arguments: Record<string, unknown> }[]): string =>
  `${scenarioId ?? '?'}\u0001${text}\u0001${callsKey(calls)}`;

export function truthIndex(truth: readonly TruthEntry[]): Map<string, TruthEntry> {
  const m = new Map<string, TruthEntry>();
  for (const t of truth) m.set(linkKey(t.scenarioId, t.content, t.toolCalls), t);
  return m;
}

export interface LinkedReply {
  /** Index into conversation.turns (the index evaluators cite in their evidence). */
  turn: number;
  entry: TruthEntry | undefined;
  /** Annotated emotion intensity of the customer turn this reply answers; null before the customer spoke. */
  customerIntensity: number | null;
}

export interface ConversationTruth {
  cellKey: string;
  scenarioId: string;
  replies: LinkedReply[];
  linked: number;
  /** First reply's planted identity (null if unlinked). */
  identity: TruthEntry['identity'];
  misstated: boolean;
  /** A misstatement, a fabrication, or a sentence with one of the scenario's forbidden phrases (the halluc.any definition). */
  fault: boolean;
  /** Expected value of `fault` over the model's choices, given the replies this conversation had. */
  pFault: number;
  leaked: boolean;
  pLeak: number;
  /** Any empathic move in a reply to an emotional (intensity >= threshold) customer turn; null if none was emotional. */
  empathicToEmotional: boolean | null;
}

/** Same threshold as the empathy evaluator's notion of an emotional turn (methods.md 3.3). */
export const EMOTIONAL_INTENSITY = 4;

export function conversationTruth(c: Conversation, scenario: Scenario, index: Map<string, TruthEntry>): ConversationTruth {
  const intensities = scenario.customer.turns.map((t) => t.emotion.intensity);
  const replies: LinkedReply[] = [];
  let customerOrdinal = -1;
  c.turns.forEach((t, turn) => {
    if (t.speaker === 'customer') { customerOrdinal++; return; }
    if (t.speaker !== 'agent') return;
    const calls = (t.toolCalls ?? []).map((x: ToolCall) => ({ name: x.name, arguments: x.arguments }));
    replies.push({
      turn,
      entry: index.get(linkKey(c.cell.scenarioId, t.text, calls)),
      customerIntensity: customerOrdinal < 0 ? null : intensities[customerOrdinal] ?? null,
    });
  });
  const entries = replies.flatMap((r) => (r.entry ? [r.entry] : []));
  const emotional = replies.filter((r) => r.customerIntensity !== null && r.customerIntensity >= EMOTIONAL_INTENSITY);
  const prodNot = (ps: number[]): number => ps.reduce((acc, p) => acc * (1 - p), 1);
  return {
    cellKey: c.cell.key,
    scenarioId: c.cell.scenarioId,
    replies,
    linked: entries.length,
    identity: replies[0]?.entry?.identity ?? null,
    misstated: entries.some((e) => e.misstatement !== null),
    fault: entries.some((e) => e.misstatement !== null || e.fabrication !== null || e.forbiddenPhrase !== null),
    pFault: 1 - prodNot(entries.map((e) => e.p.fault)),
    leaked: entries.some((e) => e.leak !== null),
    pLeak: 1 - prodNot(entries.map((e) => e.p.leak)),
    empathicToEmotional: emotional.length ? emotional.some((r) => r.entry?.empathic === true) : null,
  };
}
