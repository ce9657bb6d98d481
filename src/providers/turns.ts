import type { Turn } from '../core/types.js';

/**
 * The one user message a vendor sees when the agent speaks first (outreach) and no customer turn precedes it.
 * Anthropic and Gemini require the conversation to open with a user message, and many local chat templates behind
 * OpenAI-compatible servers do too. It is inserted for every vendor, not only for those that need it, so that all
 * models under comparison see the same conversation.
 */
export const OUTREACH_OPENER = '[The customer has not written yet. Write your opening message.]';

/** The turns as every vendor receives them: the opener first when the conversation does not start with the customer. */
export function withOpener(turns: readonly Turn[]): Turn[] {
  if (turns[0]?.speaker === 'customer') return [...turns];
  return [{ speaker: 'customer', text: OUTREACH_OPENER }, ...turns];
}

/** A tool turn carries the id of the call it answers; without it no vendor can pair result and call. */
export function toolResultOf(turn: Turn): { callId: string; name: string } {
  if (!turn.toolCallId) throw new Error('tool turn without toolCallId: cannot pair the result with its call');
  return { callId: turn.toolCallId, name: turn.toolName ?? '' };
}

/**
 * Appends content blocks to the last message when it has the same role, else starts a new message. Anthropic needs
 * alternating roles, and Gemini wants the results of parallel calls in one content.
 */
export function pushMerged<R extends string, B>(messages: Array<{ role: R; content: B[] }>, role: R, blocks: B[]): void {
  if (blocks.length === 0) return;
  const last = messages.at(-1);
  if (last && last.role === role) last.content.push(...blocks);
  else messages.push({ role, content: [...blocks] });
}

/** Model-written tool arguments must be an object; anything else is kept verbatim for the tool layer to reject. */
export function argumentsObject(value: unknown, raw: string): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { _unparsedArguments: raw };
}

/** Parses the JSON arguments string OpenAI-style APIs return; invalid JSON is an agent failure, not a provider one. */
export function parseArguments(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  try {
    return argumentsObject(JSON.parse(raw), raw);
  } catch {
    return { _unparsedArguments: raw };
  }
}
