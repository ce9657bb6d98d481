import type { Conversation } from '../../src/core/conversation.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import { mentionsOf } from '../hallucination/extract.js';
import { readConversation, type ConversationView } from '../nlp/reading.js';

/**
 * Offers made in a conversation. Tool arguments (make_offer) are the source of truth; prose is the fallback for
 * agents that offer without the tool: a percentage or an amount in an offer sentence ("15% off", "save", "discount"),
 * not negated, not the customer's request read back ("you asked for 50% off"), not a fee ("20% restocking fee") and
 * not a saving or credit ("save $10"); see nlp/offer-cues.ts.
 */

export interface Offer {
  source: 'tool' | 'text';
  turn: number;
  discountPct?: number;
  price?: number;
  quote: string;
}

export interface OfferReading {
  view: ConversationView;
  tool: Offer[];
  text: Offer[];
}

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};

function textOffers(view: ConversationView, r: ResolvedScenario): Offer[] {
  const out: Offer[] = [];
  for (const t of view.agent) {
    for (const m of mentionsOf(t, r)) {
      if ((m.kind !== 'percent' && m.kind !== 'money') || m.negated || !m.offerRole) continue;
      out.push({ source: 'text', turn: t.turn, ...(m.kind === 'percent' ? { discountPct: m.value } : { price: m.value }), quote: m.sentence });
    }
  }
  return out;
}

const memo = new WeakMap<Conversation, { r: ResolvedScenario; reading: OfferReading }>();

export async function readOffers(c: Conversation, r: ResolvedScenario): Promise<OfferReading> {
  const hit = memo.get(c);
  if (hit && hit.r === r) return hit.reading;
  const view = await readConversation(c, r);
  const tool: Offer[] = view.toolCalls.filter((x) => x.call.name === 'make_offer').map(({ turn, call }) => {
    const d = num(call.arguments['discountPct']);
    const p = num(call.arguments['price']);
    return { source: 'tool', turn, ...(d !== undefined ? { discountPct: d } : {}), ...(p !== undefined ? { price: p } : {}), quote: `make_offer ${JSON.stringify(call.arguments)}` };
  });
  const reading = { view, tool, text: textOffers(view, r) };
  memo.set(c, { r, reading });
  return reading;
}

/** Tool offers when any exist, else text offers: what the customer was actually given. */
export const effectiveOffers = (o: OfferReading): Offer[] => (o.tool.length > 0 ? o.tool : o.text);

export const maxOf = (xs: (number | undefined)[]): number | undefined => {
  const v = xs.filter((x): x is number => x !== undefined);
  return v.length ? Math.max(...v) : undefined;
};
export const minOf = (xs: (number | undefined)[]): number | undefined => {
  const v = xs.filter((x): x is number => x !== undefined);
  return v.length ? Math.min(...v) : undefined;
};
