import type { Conversation } from '../../src/core/conversation.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import { toolClassOf } from '../../src/approaches/tool-classes.js';
import { mentionsOf } from '../hallucination/extract.js';
import { readConversation, type ConversationView } from '../nlp/reading.js';

/**
 * Offers made in a conversation. Tool arguments are the source of truth: any call of class write (make_offer among
 * the bundled tools, whatever an imported transcript calls its own) that carries a discount- or price-like argument
 * (see offerTerms). Prose is the fallback for
 * agents that offer without the tool: a percentage or an amount in an offer sentence ("15% off", "save", "discount"),
 * not negated, not the customer's request read back ("you asked for 50% off"), not a fee ("20% restocking fee") and
 * not a saving or credit ("save $10"); see nlp/offer-cues.ts.
 */

export interface Offer {
  source: 'tool' | 'text';
  /** For tool offers: the tool that made it. */
  tool?: string;
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

/** Argument names read as a discount in percent, or as the price offered (compared without case, `_` or `-`). */
const PCT_KEYS: ReadonlySet<string> = new Set(['discountpct', 'discountpercent', 'discountpercentage', 'percentoff', 'pctoff']);
const PRICE_KEYS: ReadonlySet<string> = new Set(['price', 'offerprice', 'newprice', 'finalprice', 'saleprice', 'discountedprice']);
const keyOf = (k: string): string => k.toLowerCase().replace(/[_\-\s]/g, '');

/**
 * The discount and price a tool call's top-level arguments carry. Amounts that are not an offer (a refund `amount`, a
 * certificate value) are not read: an unknown key is never taken for a price.
 */
export function offerTerms(args: Record<string, unknown>): { discountPct?: number; price?: number } {
  let discountPct: number | undefined;
  let price: number | undefined;
  for (const [k, v] of Object.entries(args)) {
    const key = keyOf(k);
    if (discountPct === undefined && PCT_KEYS.has(key)) discountPct = num(v);
    if (price === undefined && PRICE_KEYS.has(key)) price = num(v);
  }
  return { ...(discountPct !== undefined ? { discountPct } : {}), ...(price !== undefined ? { price } : {}) };
}

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
  const tool: Offer[] = view.toolCalls.filter((x) => toolClassOf(x.call.name, r) === 'write').flatMap(({ turn, call }): Offer[] => {
    const terms = offerTerms(call.arguments);
    if (terms.discountPct === undefined && terms.price === undefined) return [];
    return [{ source: 'tool', tool: call.name, turn, ...terms, quote: `${call.name} ${JSON.stringify(call.arguments)}` }];
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
