import type { Conversation } from '../../src/core/conversation.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import type { Evidence } from '../../src/score/types.js';
import { toolClassOf, type ToolClass } from '../../src/approaches/tool-classes.js';
import { toolCalls, type IndexedCall } from './transcript.js';

/**
 * Every tool call of a conversation with its class (read / write / escalate / record, or undefined when nobody
 * declared the tool) and whether its result reported an error. The outcome scorers read these, never tool names.
 */
export interface ClassifiedCall extends IndexedCall {
  cls: ToolClass | undefined;
  /** The tool answered with an error, so the call changed nothing (a write that failed is not a write). */
  failed: boolean;
}

/** A tool result reporting an error: text starting "Error" (τ-bench style) or a JSON object with an `error` key. */
export function isErrorResult(text: string): boolean {
  if (/^\s*error\b/i.test(text)) return true;
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('"')) return false;
  try {
    const v = JSON.parse(t) as unknown;
    if (typeof v === 'string') return /^\s*error\b/i.test(v);
    return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as Record<string, unknown>)['error'] !== undefined;
  } catch {
    return false;
  }
}

export function classifyCalls(c: Conversation, r: Pick<ResolvedScenario, 'toolClasses'>): ClassifiedCall[] {
  const results = new Map<string, string>();
  for (const t of c.turns) if (t.speaker === 'tool' && t.toolCallId !== undefined) results.set(t.toolCallId, t.text);
  return toolCalls(c).map((x) => {
    const result = results.get(x.call.id);
    return { ...x, cls: toolClassOf(x.call.name, r), failed: result !== undefined && isErrorResult(result) };
  });
}

export const callEvidence = (x: IndexedCall, note?: string): Evidence =>
  ({ turn: x.turn, quote: `${x.call.name} ${JSON.stringify(x.call.arguments)}`, ...(note ? { note } : {}) });

/** Calls to tools with no class: reported, never counted as a write or an escalation. */
export function unknownTools(calls: ClassifiedCall[]): { names: string[]; evidence: Evidence[] } {
  const unknown = calls.filter((x) => x.cls === undefined);
  return {
    names: [...new Set(unknown.map((x) => x.call.name))],
    evidence: unknown.map((x) => callEvidence(x, `tool "${x.call.name}" has no class: not counted as a write or an escalation`)),
  };
}

/** Hand-overs to a human: successful calls of class escalate, whatever the tool is called. */
export function escalationsIn(calls: ClassifiedCall[]): { escalated: boolean; tools: string[]; evidence: Evidence[] } {
  const esc = calls.filter((x) => x.cls === 'escalate' && !x.failed);
  return { escalated: esc.length > 0, tools: [...new Set(esc.map((x) => x.call.name))], evidence: esc.map((x) => callEvidence(x, 'escalation')) };
}
