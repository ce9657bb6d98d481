import type { Turn } from '../../core/types.js';
import type { GenericIntent } from '../nlp/generic-intents.js';
import type { Classified } from '../nlp/intent-model.js';
import { listing } from '../text/template.js';
import type { Action, ToolResult } from './action.js';
import { INTENT_THRESHOLD, TEXT, asksIfBot, escalationKeyword, type Assistant, type FaqDoc } from './assistant.js';
import { CONTEXTUAL_INTENTS, INTENT_GUARDS, SHORT_INTENTS, SHORT_MAX_WORDS } from '../nlp/generic-intents.js';
import { words } from '../text/tokens.js';
import { lastAgentText, lastCustomerText } from './transcript.js';

export type Route = GenericIntent | 'faq' | 'fallback';

export interface TurnCtx {
  turns: Turn[];
  text: string;
  u: Classified;
  a: Assistant;
  /** The article or policy the FAQ route answers with. */
  doc?: FaqDoc;
}

export type Handler = (c: TurnCtx) => Action | Promise<Action>;
export type RouteTable = Record<Route, Handler>;

/** Renders a lookup_order result; the order fields are the back office's, nothing added. */
export function orderTemplate(res: ToolResult | undefined, orderId: string): string {
  const d = res?.data ?? {};
  if (d['found'] !== true || typeof d['order'] !== 'object' || d['order'] === null) {
    return `I couldn't find an order with the number ${orderId}. Please check the number and send it again.`;
  }
  const o = d['order'] as Record<string, unknown>;
  const items = Array.isArray(o['items']) ? (o['items'] as unknown[]).map(String) : [];
  const parts = [
    `Here are the details of order ${String(o['id'] ?? orderId)}: status: ${String(o['status'] ?? 'unknown')}.`,
    items.length ? `Items: ${listing(items)}.` : '',
    o['placedOn'] ? `Placed on: ${String(o['placedOn'])}.` : '',
    o['eta'] ? `Expected delivery: ${String(o['eta'])}.` : '',
    o['notes'] ? `Latest update: ${String(o['notes'])}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** Slot filling for order questions: take the id from the text or ask for it, then look it up. */
export function orderStatus(c: TurnCtx, prefix = ''): Action {
  if (!c.a.has('lookup_order')) {
    return { text: c.a.fill(`${prefix} You can check the status of your order in your account${c.a.contact ? ' or contact us at {{contact}}' : ''}.`) };
  }
  const id = c.a.findOrderId(c.text, c.u);
  if (!id) return { text: `${prefix} ${TEXT.askOrder}`.trim() };
  return {
    text: '',
    calls: [{ name: 'lookup_order', arguments: { orderId: id } }],
    after: (res) => `${prefix} ${orderTemplate(res[0], id)} ${TEXT.anythingElse}`.trim(),
  };
}

const faqOrFallback = (c: TurnCtx): Action => {
  const hit = c.a.searchFaq(c.text)[0];
  return hit ? { text: c.a.answerDoc(hit.doc.payload) } : c.a.fallback();
};

/** How many customer turns, including the current one, the classifier put in `intent` with confidence. */
export async function countIntent(c: TurnCtx, intent: GenericIntent): Promise<number> {
  return (await c.a.history(c.turns)).filter((u) => u.generic === intent && u.score >= INTENT_THRESHOLD).length;
}

/** The canned answer set every support bot ships with; approaches override single entries. */
export function defaultRoutes(): RouteTable {
  return {
    greeting: () => ({ text: 'How can I help you today?' }),
    thanks: (c) => ({ text: c.a.fill(`You're welcome, {{firstName}}! ${TEXT.anythingElse}`) }),
    goodbye: () => ({ text: 'Thank you for contacting us. Have a great day!' }),
    'human-agent': (c) => c.a.escalate('customer asked for a human agent'),
    'bot-check': (c) => c.a.disclosure(),
    complaint: async (c) => {
      if ((await countIntent(c, 'complaint')) >= 2 && c.a.has('escalate_to_human')) return c.a.escalate('repeated complaint');
      const sorry = c.a.fill("I'm sorry to hear about your experience, {{firstName}}. I understand how frustrating this must be.");
      if (c.a.findOrderId(c.text, c.u) && c.a.has('lookup_order')) return orderStatus(c, sorry);
      const hit = c.a.searchFaq(c.text)[0];
      if (hit) return { text: `${sorry} ${c.a.answerDoc(hit.doc.payload)}` };
      return { text: `${sorry} Could you tell me a bit more about the problem? ${c.a.humanRoute()}`.trim() };
    },
    cancel: (c) => {
      const hit = c.a.searchFaq(c.text)[0];
      if (hit) return { text: c.a.answerDoc(hit.doc.payload) };
      return { text: c.a.fill(`I'm not able to process cancellations in this chat.${c.a.contact ? ' Please contact us at {{contact}}.' : ''}`) };
    },
    'discount-request': () => ({ text: "I'm sorry, I'm not able to offer discounts or change prices in this chat." }),
    'order-status': (c) => orderStatus(c),
    affirm: () => ({ text: `Great. ${TEXT.anythingElse}` }),
    decline: () => ({ text: `No problem. ${TEXT.anythingElse}` }),
    'product-search': faqOrFallback,
    'price-objection': () => ({ text: `I understand. I'm not able to change prices in this chat. ${TEXT.anythingElse}` }),
    'not-resolved': (c) => (c.a.has('escalate_to_human')
      ? c.a.escalate('customer reports the suggested solution did not work')
      : { text: `I'm sorry that didn't solve it. ${c.a.humanRoute()}`.trim() }),
    faq: (c) => (c.doc ? { text: c.a.answerDoc(c.doc) } : c.a.fallback()),
    fallback: async (c) => {
      // An order number on its own is an order-status request.
      if (c.a.has('lookup_order') && c.a.findOrderId(c.text, c.u)) return orderStatus(c);
      // Two misunderstandings in a row: stop looping and hand over, as deployed bots do.
      const prev = lastAgentText(c.turns);
      if (prev.includes(TEXT.fallback) && c.a.has('escalate_to_human')) return c.a.escalate('bot could not understand the request twice');
      return c.a.fallback();
    },
  };
}

/** Which route a customer text takes: trusted intent, else FAQ search, else fallback. */
export function pickRoute(c: Omit<TurnCtx, 'doc'>): { route: Route; doc?: FaqDoc } {
  const { u, a, text } = c;
  if (u.score >= INTENT_THRESHOLD) {
    const g = u.generic;
    const usable = g !== undefined
      && (!CONTEXTUAL_INTENTS.has(g) || lastAgentText(c.turns).includes('?'))
      && (!SHORT_INTENTS.has(g) || words(text).length <= SHORT_MAX_WORDS)
      && (INTENT_GUARDS[g]?.test(text) ?? true);
    if (g && usable) return { route: g };
    if (u.kbId) { const doc = a.faqDoc(u.kbId); if (doc) return { route: 'faq', doc }; }
  }
  const hit = a.searchFaq(text)[0];
  if (hit) return { route: 'faq', doc: hit.doc.payload };
  return { route: 'fallback' };
}

/**
 * One customer turn through the rules, in the order a deployed bot applies them: hard escalation keywords, the
 * bot-disclosure rule, a pending order-number slot, the approach's own keyword rule, then the intent route table.
 * The first reply carries the greeting that discloses automation.
 */
export async function respond(a: Assistant, turns: Turn[], table: RouteTable, pre?: (c: TurnCtx) => Action | undefined): Promise<Action> {
  const text = lastCustomerText(turns);
  const u = await a.understand(text);
  const base = { turns, text, u, a };
  const keyword = escalationKeyword(text);
  let action: Action | undefined;
  if (keyword && a.has('escalate_to_human')) action = a.escalate(`escalation keyword: ${keyword}`);
  else if (asksIfBot(text)) action = a.disclosure();
  else if (lastAgentText(turns).endsWith(TEXT.askOrder) && a.findOrderId(text, u)) action = orderStatus(base);
  else action = pre?.(base);
  if (!action) {
    const { route, doc } = pickRoute(base);
    action = await table[route]({ ...base, ...(doc ? { doc } : {}) });
  }
  return a.greet(turns, action);
}
