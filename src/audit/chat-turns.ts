import type { InputProblem } from '../core/errors.js';
import type { ToolCall, Turn } from '../core/types.js';
import { contentText, type ChatMessage } from './chat-messages.js';
import type { Emotion } from './emotion.js';

export interface ChatTurns {
  turns: Turn[];
  brief: string[];
  /** Emotion annotations of customer turns, by index into `turns`. */
  emotions: Map<number, Emotion>;
  problems: InputProblem[];
}

const describe = (s: string): string => (s.length > 60 ? `${JSON.stringify(s.slice(0, 57))}...` : JSON.stringify(s));

/** A tool call's arguments: a JSON object written as a string. */
function parseArguments(raw: string): { args: Record<string, unknown> } | { found: string } {
  let v: unknown;
  try { v = JSON.parse(raw); } catch (e) { return { found: `${describe(raw)} (${e instanceof Error ? e.message : 'not JSON'})` }; }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { found: `${describe(raw)} (JSON, but not an object)` };
  return { args: v as Record<string, unknown> };
}

/**
 * Chat-completions messages to cxbench turns: user -> customer, assistant -> agent (its tool_calls with parsed
 * arguments), tool -> a tool turn naming the call it answers and that call's tool. System and developer messages
 * are the agent's brief, not turns. Every problem names the message and field.
 */
export function chatToTurns(messages: ChatMessage[], at: { file: string; line: number }): ChatTurns {
  const turns: Turn[] = [];
  const brief: string[] = [];
  const problems: InputProblem[] = [];
  const emotions = new Map<number, Emotion>();
  const callNames = new Map<string, string>();
  const problem = (path: string, expected: string, found: string): void => { problems.push({ file: at.file, line: at.line, path, expected, found }); };

  messages.forEach((m, i) => {
    const path = `messages.${i}`;
    if (m.metadata?.emotion && m.role !== 'user') problem(`${path}.metadata.emotion`, "an emotion on a user message only (the customer's)", `one on a ${m.role} message`);
    switch (m.role) {
      case 'system':
      case 'developer': {
        const text = contentText(m.content).trim();
        if (text) brief.push(text);
        return;
      }
      case 'user':
        if (m.metadata?.emotion) emotions.set(turns.length, m.metadata.emotion);
        turns.push({ speaker: 'customer', text: contentText(m.content) });
        return;
      case 'assistant': {
        const toolCalls: ToolCall[] = [];
        (m.tool_calls ?? []).forEach((tc, j) => {
          if (callNames.has(tc.id)) { problem(`${path}.tool_calls.${j}.id`, 'a tool call id unique within the conversation', JSON.stringify(tc.id)); return; }
          // Registered before its arguments are checked, so the tool message answering it is not a second error.
          callNames.set(tc.id, tc.function.name);
          const parsed = parseArguments(tc.function.arguments);
          if ('found' in parsed) { problem(`${path}.tool_calls.${j}.function.arguments`, 'a JSON object written as a string, e.g. "{\\"order_id\\": \\"W123\\"}"', parsed.found); return; }
          toolCalls.push({ id: tc.id, name: tc.function.name, arguments: parsed.args });
        });
        const text = contentText(m.content) || (m.refusal ?? '');
        if (!text.trim() && toolCalls.length === 0 && !(m.tool_calls?.length)) { problem(`${path}.content`, 'text or tool_calls in an assistant message', 'neither'); return; }
        turns.push({ speaker: 'agent', text, ...(toolCalls.length ? { toolCalls } : {}) });
        return;
      }
      case 'tool': {
        const name = callNames.get(m.tool_call_id);
        if (name === undefined) { problem(`${path}.tool_call_id`, 'the id of a tool call made by an earlier assistant message', JSON.stringify(m.tool_call_id)); return; }
        turns.push({ speaker: 'tool', text: contentText(m.content), toolCallId: m.tool_call_id, toolName: name });
        return;
      }
    }
  });
  if (!turns.some((t) => t.speaker === 'customer')) problem('messages', 'at least one user message (the customer)', 'none');
  if (!turns.some((t) => t.speaker === 'agent')) problem('messages', 'at least one assistant message (the agent being audited)', 'none');
  return { turns, brief, emotions, problems };
}
