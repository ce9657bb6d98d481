import type { Conversation } from '../../src/core/conversation.js';
import type { ToolCall } from '../../src/core/types.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import type { CustomerTurn } from '../../src/schema/scenario.js';
import { loadNlp, type Gazetteer, type TextAnalysis } from './wink.js';
import { squash } from './patterns.js';

/**
 * One reading of a conversation shared by every risk evaluator: agent turns parsed once by wink, customer turns
 * mapped to the scripted turns (for probes and emotion), tool calls and tool results listed with their turn index.
 */

export interface AgentText {
  turn: number;
  text: string;
  analysis: TextAnalysis;
}

export interface CustomerText {
  turn: number;
  text: string;
  /** The scripted turn this one was played from, when the texts match (absent in simulated-customer runs). */
  scripted: CustomerTurn | undefined;
}

export interface ConversationView {
  agent: AgentText[];
  customer: CustomerText[];
  toolCalls: { turn: number; call: ToolCall }[];
  toolResults: { turn: number; name: string; text: string }[];
  /** Agent texts answering the customer turn at `turn` (until the next customer turn). */
  responsesTo(turn: number): AgentText[];
  /** Tool calls made between the customer turn at `turn` and the next customer turn. */
  callsAfter(turn: number): { turn: number; call: ToolCall }[];
}

const gazetteers = new WeakMap<ResolvedScenario, Gazetteer>();

export function gazetteerOf(r: ResolvedScenario): Gazetteer {
  let g = gazetteers.get(r);
  if (!g) {
    const entries = [
      ...r.catalog.map((c) => ({ kind: 'catalog' as const, id: c.sku, name: c.name })),
      ...r.policies.map((p) => ({ kind: 'policy' as const, id: p.id, name: p.name })),
    ];
    g = { key: entries.map((e) => `${e.kind}:${e.name}`).sort().join('\u0001'), entries };
    gazetteers.set(r, g);
  }
  return g;
}

/** Maps the k-th customer turn to scripted turn k when the texts agree, else to any scripted turn with that text. */
function mapScripted(text: string, k: number, scripted: CustomerTurn[]): CustomerTurn | undefined {
  const t = squash(text);
  const byOrder = scripted[k];
  if (byOrder && squash(byOrder.text) === t) return byOrder;
  return scripted.find((s) => squash(s.text) === t);
}

const views = new WeakMap<Conversation, { r: ResolvedScenario; view: ConversationView }>();

export async function readConversation(c: Conversation, r: ResolvedScenario): Promise<ConversationView> {
  const hit = views.get(c);
  if (hit && hit.r === r) return hit.view;
  const nlp = await loadNlp();
  const gaz = gazetteerOf(r);
  const agent: AgentText[] = [];
  const customer: CustomerText[] = [];
  const toolCalls: ConversationView['toolCalls'] = [];
  const toolResults: ConversationView['toolResults'] = [];
  c.turns.forEach((t, turn) => {
    if (t.speaker === 'agent') {
      if (t.text.trim()) agent.push({ turn, text: t.text, analysis: nlp.analyse(t.text, gaz) });
      for (const call of t.toolCalls ?? []) toolCalls.push({ turn, call });
    } else if (t.speaker === 'customer') {
      customer.push({ turn, text: t.text, scripted: mapScripted(t.text, customer.length, r.scenario.customer.turns) });
    } else {
      toolResults.push({ turn, name: t.toolName ?? '', text: t.text });
    }
  });
  const nextCustomer = (turn: number): number => customer.find((x) => x.turn > turn)?.turn ?? Number.POSITIVE_INFINITY;
  const view: ConversationView = {
    agent, customer, toolCalls, toolResults,
    responsesTo: (turn) => agent.filter((a) => a.turn > turn && a.turn < nextCustomer(turn)),
    callsAfter: (turn) => toolCalls.filter((x) => x.turn > turn && x.turn < nextCustomer(turn)),
  };
  views.set(c, { r, view });
  return view;
}
