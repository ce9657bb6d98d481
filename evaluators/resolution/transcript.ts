import type { Conversation } from '../../src/core/conversation.js';
import type { ToolCall } from '../../src/core/types.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import { toolClassOf, type ToolClass } from '../../src/approaches/tool-classes.js';

/** Read-only views of a stored transcript, shared by the outcome scorers. */

export interface IndexedText { turn: number; text: string }
export interface IndexedCall { turn: number; call: ToolCall }

export function agentTexts(c: Conversation): IndexedText[] {
  return c.turns.flatMap((t, turn) => (t.speaker === 'agent' && t.text.trim() ? [{ turn, text: t.text }] : []));
}

export function toolCalls(c: Conversation, name?: string): IndexedCall[] {
  return c.turns.flatMap((t, turn) =>
    t.speaker === 'agent' ? (t.toolCalls ?? []).filter((call) => !name || call.name === name).map((call) => ({ turn, call })) : [],
  );
}

/** One customer turn and everything the agent did before the next customer turn. */
export interface Exchange {
  customerTurn: number;
  /** 0-based position among the conversation's customer turns. */
  ordinal: number;
  customerText: string;
  agentTurns: number[];
  replyText: string;
  toolCalls: ToolCall[];
}

export function exchanges(c: Conversation): Exchange[] {
  const out: Exchange[] = [];
  c.turns.forEach((t, i) => {
    if (t.speaker === 'customer') {
      out.push({ customerTurn: i, ordinal: out.length, customerText: t.text, agentTurns: [], replyText: '', toolCalls: [] });
      return;
    }
    const cur = out[out.length - 1];
    if (!cur || t.speaker !== 'agent') return;
    cur.agentTurns.push(i);
    if (t.text.trim()) cur.replyText = cur.replyText ? `${cur.replyText}\n${t.text}` : t.text;
    cur.toolCalls.push(...(t.toolCalls ?? []));
  });
  return out;
}

/** Why quality metrics are not scored, or null when the conversation finished normally. */
export function notScorable(c: Conversation): string | null {
  if (c.status === 'done') return null;
  return `conversation status ${c.status} (${c.endReason}${c.errorMessage ? `: ${c.errorMessage}` : ''}); quality is not scored on an unfinished transcript`;
}

/** Tool calls of one class (read / write / escalate / record), whatever the tools are called. */
export function callsOfClass(c: Conversation, r: Pick<ResolvedScenario, 'toolClasses'>, cls: ToolClass): IndexedCall[] {
  return toolCalls(c).filter((x) => toolClassOf(x.call.name, r) === cls);
}
