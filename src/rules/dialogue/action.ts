import type { ToolCall, Turn } from '../../core/types.js';
import type { ToolName } from '../../approaches/tools.js';
import type { RulesBot } from '../bot.js';

export interface PlannedCall {
  name: ToolName;
  arguments: Record<string, unknown>;
}

export interface ToolResult {
  name: string;
  data: Record<string, unknown>;
}

/**
 * What a rule fires: text said now, optional tool calls, and the template said once their results are back (the
 * runner calls the bot again after every non-terminal tool call).
 */
export interface Action {
  text: string;
  calls?: PlannedCall[];
  after?: (results: ToolResult[]) => string;
}

export type Decide = (turns: Turn[]) => Promise<Action>;

const DEFAULT_AFTER = 'Is there anything else I can help you with?';

function parseResult(t: Turn): ToolResult {
  let data: Record<string, unknown> = {};
  try {
    const v: unknown = JSON.parse(t.text);
    if (v && typeof v === 'object' && !Array.isArray(v)) data = v as Record<string, unknown>;
  } catch { /* a non-JSON result is treated as empty */ }
  return { name: t.toolName ?? '', data };
}

/**
 * Wraps a decision function as a RulesBot. The bot keeps no conversation state: when the last turn is a tool result,
 * it re-runs the (deterministic) decision on the transcript before its own tool call and continues that rule's
 * `after` template with the results. Same transcript in, same turn out.
 */
export function botFrom(decide: Decide): RulesBot {
  return {
    async reply(turns: Turn[]): Promise<Turn> {
      if (turns.at(-1)?.speaker === 'tool') {
        let i = turns.length - 1;
        while (i >= 0 && turns[i]!.speaker === 'tool') i--;
        const action = await decide(turns.slice(0, Math.max(0, i)));
        const results = turns.slice(i + 1).map(parseResult);
        return { speaker: 'agent', text: action.after ? action.after(results) : DEFAULT_AFTER };
      }
      const action = await decide(turns);
      const toolCalls: ToolCall[] = (action.calls ?? []).map((c, k) => ({ id: `rules-${turns.length}-${k}`, name: c.name, arguments: c.arguments }));
      return { speaker: 'agent', text: action.text, ...(toolCalls.length ? { toolCalls } : {}) };
    },
  };
}
