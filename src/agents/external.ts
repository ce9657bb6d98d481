import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import { UsageSchema, zeroUsage, type ToolCall, type Turn, type Usage } from '../core/types.js';
import { toolClassOf, type ToolClass } from '../approaches/tool-classes.js';
import type { AgentPrice } from '../schema/agents.js';
import type { AgentCall, AgentContext, AgentReply } from './agent.js';
import { BASE_RULES, briefSections, personaOf, scenarioFacts } from './brief.js';
import type { TemplateVars } from './template.js';
import type { Attempt } from './guard.js';

/**
 * What every user-supplied agent (HTTP, module, command) receives and returns, and how its reply becomes a turn: the
 * actions it reports become tool calls with the results it reported (never executed again), classed by the suite's
 * `toolClasses` so the scorers read them as they read the bundled tools'.
 */

/** One earlier turn as a user's bot sees it: who spoke, what was said, and the actions the agent took. */
export interface HistoryItem {
  role: 'customer' | 'agent';
  text: string;
  actions?: { name: string; arguments: Record<string, unknown> }[];
}

/** The request: the new customer message, the history before it (empty in session mode), and the cell's material. */
export interface ExternalRequest {
  conversationId: string;
  /** Customer turns so far (1 for the first reply; 0 when the agent opens an outreach conversation). */
  turn: number;
  message: string;
  history: HistoryItem[];
  outreach: boolean;
  persona: ReturnType<typeof personaOf>;
  crm: unknown;
  brief: ReturnType<typeof briefSections>;
  scenario: ReturnType<typeof scenarioFacts>;
}

export function externalRequest(turns: Turn[], ctx: AgentContext, session: boolean): ExternalRequest {
  const said = turns.filter((t) => t.speaker !== 'tool');
  const last = said.at(-1);
  const message = last?.speaker === 'customer' ? last.text : '';
  const before = last?.speaker === 'customer' ? said.slice(0, -1) : said;
  const history: HistoryItem[] = session ? [] : before.map((t) => ({
    role: t.speaker === 'customer' ? 'customer' : 'agent', text: t.text,
    ...(t.toolCalls?.length ? { actions: t.toolCalls.map((c) => ({ name: c.name, arguments: c.arguments })) } : {}),
  }));
  return {
    conversationId: ctx.conversationId, turn: said.filter((t) => t.speaker === 'customer').length, message, history, outreach: ctx.outreach,
    persona: personaOf(ctx.resolved), crm: ctx.resolved.crm ?? null, brief: briefSections(ctx.resolved), scenario: scenarioFacts(ctx.resolved),
  };
}

/** Template variables for an HTTP body: the request's fields (see TEMPLATE_ROOTS in src/schema/agents.ts). */
export const requestVars = (req: ExternalRequest): TemplateVars => ({ ...req, default: undefined, rules: BASE_RULES });

/** A reply from a module or a command (an HTTP reply is read through its JSON paths into the same shape). */
export const ExternalReplySchema = z.object({
  text: z.string(),
  actions: z.array(z.object({
    name: z.string().min(1),
    arguments: z.record(z.string(), z.unknown()).default({}),
    /** What the action returned, as the bot saw it (an order record, a confirmation); kept as the tool result. */
    result: z.unknown().optional(),
  })).default([]),
  usage: z.object({ input: z.number().int().nonnegative(), output: z.number().int().nonnegative() }).optional(),
  costUsd: z.number().nonnegative().optional(),
});
export type ExternalReply = z.infer<typeof ExternalReplySchema>;

/** A reply that does not fit: an infrastructure error (the bot's deployment failed), with the reason. */
export function parseReply(label: string, raw: unknown): ExternalReply {
  const parsed = ExternalReplySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'reply'}: ${i.message}`).join('; ');
  throw new ProviderError('malformed', `${label} replied with an unusable reply (${why})`);
}

/**
 * The reply as a turn. Each action needs a class (the entry's toolClasses, else a bundled tool name): an action no one
 * classed cannot be scored, so it stops the cell with a reason that says which name to add.
 */
export function replyTurn(label: string, reply: ExternalReply, classes: Record<string, ToolClass>, turnIndex: number): AgentReply {
  const toolCalls: ToolCall[] = [];
  const toolResults: string[] = [];
  reply.actions.forEach((a, i) => {
    if (!toolClassOf(a.name, { toolClasses: classes })) {
      throw new ProviderError('bad-request', `${label} reported the action "${a.name}", which has no tool class: add it to the agent's toolClasses (read, write, escalate or record)`);
    }
    toolCalls.push({ id: `act-${turnIndex}-${i}`, name: a.name, arguments: a.arguments });
    toolResults.push(a.result === undefined ? JSON.stringify({ reported: true, note: 'the agent reported this action without its result' }) : typeof a.result === 'string' ? a.result : JSON.stringify(a.result));
  });
  return { turn: { speaker: 'agent', text: reply.text, ...(toolCalls.length ? { toolCalls } : {}) }, ...(toolCalls.length ? { toolResults } : {}) };
}

/**
 * What one call cost: the cost the agent reported, else its reported usage at the declared token prices, plus a
 * declared per-conversation price on the conversation's first call; without any of these the cost is unknown (null),
 * never zero.
 */
export function priceReply(reply: Pick<ExternalReply, 'usage' | 'costUsd'>, price: AgentPrice | undefined, firstCall: boolean): { costUsd: number | null; priceSource: string } {
  if (reply.costUsd !== undefined) return { costUsd: reply.costUsd, priceSource: 'reported by the agent' };
  if (!price) return { costUsd: null, priceSource: 'unknown: the agent reported no cost and the suite declares no price' };
  let cost = 0;
  const parts: string[] = [];
  if (price.input !== undefined && price.output !== undefined) {
    if (!reply.usage) return { costUsd: null, priceSource: `unknown: token prices declared (${price.source}) but the agent reported no usage` };
    cost += (reply.usage.input * price.input + reply.usage.output * price.output) / 1e6;
    parts.push('reported usage at declared token prices');
  }
  if (price.perConversationUsd !== undefined) {
    if (firstCall) cost += price.perConversationUsd;
    parts.push(`declared price per conversation${firstCall ? '' : ' (charged on its first call)'}`);
  }
  return { costUsd: cost, priceSource: `${parts.join(' + ')}: ${price.source}` };
}

export const usageOf = (reply: Pick<ExternalReply, 'usage'>): Usage => (reply.usage ? { ...zeroUsage(), input: reply.usage.input, output: reply.usage.output } : zeroUsage());

/** The call record of a reply: same columns as a model call, the agent's label as the model. */
export function replyCall(label: string, reply: ExternalReply, price: AgentPrice | undefined, firstCall: boolean, latencyMs: number, retries: number): AgentCall {
  const priced = priceReply(reply, price, firstCall);
  const usage = UsageSchema.parse(usageOf(reply));
  return {
    role: 'agent', model: label, usage, latencyMs, costUsd: priced.costUsd,
    priceSource: reply.usage ? priced.priceSource : `${priced.priceSource}; tokens not reported`, cached: false, isBatch: false, retries, error: null,
    // Tokens the agent did not report are unknown, never 0 (stored as NULL).
    ...(reply.usage ? {} : { usageKnown: false }),
  };
}

/** A call that finally failed: kept, so what the bot saw reconciles with what is stored. */
export function failedCall(label: string, e: ProviderError): AgentCall {
  return {
    role: 'agent', model: label, usage: zeroUsage(), latencyMs: 0, costUsd: 0, priceSource: 'failed call: not billed',
    cached: false, isBatch: false, retries: e.attempts - 1, error: `${e.kind}: ${e.message}`,
  };
}

/** The conversation's first agent reply (a per-conversation price is charged on it). */
export const isFirstCall = (turns: Turn[]): boolean => !turns.some((t) => t.speaker === 'agent');

/**
 * One exchange with an external agent, recorded the same way for every kind: a failed exchange is stored as a failed
 * call before its error goes on; a reply is priced, stored as a call and turned into the agent's turn.
 */
export async function recordedExchange(
  label: string, entry: { price?: AgentPrice; toolClasses: Record<string, ToolClass> }, turns: Turn[], ctx: AgentContext,
  run: () => Promise<Attempt<ExternalReply>>,
): Promise<AgentReply> {
  let attempt: Attempt<ExternalReply>;
  try {
    attempt = await run();
  } catch (e) {
    if (e instanceof ProviderError) ctx.record(failedCall(label, e));
    throw e;
  }
  ctx.record(replyCall(label, attempt.value, entry.price, isFirstCall(turns), attempt.latencyMs, attempt.retries));
  return replyTurn(label, attempt.value, entry.toolClasses, turns.length);
}
