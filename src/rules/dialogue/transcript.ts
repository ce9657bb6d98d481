import type { Turn } from '../../core/types.js';

export const customerTexts = (turns: Turn[]): string[] => turns.filter((t) => t.speaker === 'customer').map((t) => t.text);

export const lastCustomerText = (turns: Turn[]): string => customerTexts(turns).at(-1) ?? '';

/** Agent turns the customer actually saw (tool-call turns with empty text are invisible). */
export const agentTexts = (turns: Turn[]): string[] => turns.filter((t) => t.speaker === 'agent' && t.text.trim()).map((t) => t.text);

export const lastAgentText = (turns: Turn[]): string => agentTexts(turns).at(-1) ?? '';

/** Every tool call the bot has made so far, in order. */
export const pastCalls = (turns: Turn[]): { name: string; arguments: Record<string, unknown> }[] =>
  turns.flatMap((t) => (t.speaker === 'agent' ? t.toolCalls ?? [] : []));
