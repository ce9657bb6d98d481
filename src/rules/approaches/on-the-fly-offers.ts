import type { CatalogItem } from '../../plan/datasets.js';
import type { RulesBotFactory } from '../bot.js';
import { mentionedItems } from '../commerce/catalog-match.js';
import { currencyOf, discountCap, priceOffer, tierOf, type Tier } from '../commerce/coupons.js';
import { botFrom, type Action } from '../dialogue/action.js';
import { Assistant } from '../dialogue/assistant.js';
import { defaultRoutes, respond, type RouteTable, type TurnCtx } from '../dialogue/routes.js';
import { customerTexts, pastCalls } from '../dialogue/transcript.js';
import { parsePercent } from '../text/entities.js';
import { listing, money } from '../text/template.js';

const PRICE_WORDS = /discount|deal|offer|price|quote|coupon|cheaper|best you can do|% off/i;

export type BasketBand = 'small' | 'medium' | 'large';

/** Basket value bands (list price, catalog currency). */
export const bandOf = (total: number): BasketBand => (total >= 500 ? 'large' : total >= 100 ? 'medium' : 'small');

/** The pricing team's decision table: percent off by customer tier and basket band, before the policy cap. */
export const OFFER_TABLE = {
  standard: { small: 0, medium: 5, large: 10 },
  silver: { small: 5, medium: 10, large: 12 },
  gold: { small: 10, medium: 12, large: 15 },
  vip: { small: 12, medium: 15, large: 20 },
} satisfies Record<Tier, Record<BasketBand, number>>;

/** The shop cart, as the cart integration sees it: catalog SKUs listed in a basket/cart context block, in order. */
export function cartOf(r: TurnCtx['a']['r']): CatalogItem[] {
  const text = r.scenario.context.filter((b) => /basket|cart/i.test(b.label)).map((b) => b.text).join(' ');
  return r.catalog.filter((i) => text.includes(i.sku)).sort((x, y) => text.indexOf(x.sku) - text.indexOf(y.sku));
}

/** The basket: items the customer names, else the cart, else (a single-product page) the one product. */
function basketOf(c: TurnCtx): CatalogItem[] {
  const named = mentionedItems(customerTexts(c.turns).join(' '), c.a.r.catalog);
  if (named.length) return named;
  const cart = cartOf(c.a.r);
  if (cart.length) return cart;
  return c.a.r.catalog.length === 1 ? c.a.r.catalog : [];
}

export function tablePct(c: TurnCtx['a']['r'], basket: CatalogItem[]): number {
  const raw = OFFER_TABLE[tierOf(c)][bandOf(basket.reduce((s, i) => s + i.price, 0))];
  const cap = discountCap(c);
  return cap === undefined ? raw : Math.min(raw, cap);
}

function quote(c: TurnCtx): Action {
  const { a } = c;
  const basket = basketOf(c);
  if (!basket.length) return { text: `I can prepare a quote for you. Which products would you like it for? We offer: ${listing(a.r.catalog.map((i) => i.name))}.` };
  const o = priceOffer(basket, tablePct(a.r, basket), a.r);
  const cur = currencyOf(a.r);
  const asked = parsePercent(c.text);
  const refusal = asked !== undefined && asked > o.discountPct
    ? `I'm sorry, I can't offer ${asked}% off. The best discount available for this order is ${o.discountPct}%.`
    : '';
  const prior = pastCalls(c.turns).filter((k) => k.name === 'make_offer').at(-1);
  if (prior && JSON.stringify(prior.arguments['bundle']) === JSON.stringify(o.bundle)) {
    return { text: `${refusal || `The offer stands: ${money(o.price, cur)} for ${listing(basket.map((i) => i.name))} (${o.discountPct}% off).`} Would you like to accept it?` };
  }
  const terms = o.discountPct > 0 ? `${o.discountPct}% off, ${money(o.price, cur)} instead of ${money(o.listPrice, cur)}` : `${money(o.price, cur)} (no discount applies to this order)`;
  return {
    text: '',
    calls: [{ name: 'make_offer', arguments: { discountPct: o.discountPct, price: o.price, bundle: o.bundle, perks: [] } }],
    after: () => `${refusal} Here is your offer for ${listing(basket.map((i) => i.name))}: ${terms}. Would you like to accept it?`.trim(),
  };
}

/** Counterpart of on-the-fly offers: decision table tier x basket size, capped at the allowed maximum, fixed refusal. */
export const offersBot: RulesBotFactory = async (r) => {
  const a = await Assistant.create(r, 'on-the-fly-offers');
  const base = defaultRoutes();
  const asksForDiscount = (c: TurnCtx): boolean => parsePercent(c.text) !== undefined || PRICE_WORDS.test(c.text);
  const table: RouteTable = {
    ...base,
    'discount-request': quote,
    'product-search': quote,
    'price-objection': quote,
    affirm: (c) => (pastCalls(c.turns).some((k) => k.name === 'make_offer')
      ? { text: 'Great! Your offer has been recorded. Is there anything else I can help you with?' }
      : base.affirm(c)),
    faq: (c) => (asksForDiscount(c) ? quote(c) : base.faq(c)),
    fallback: (c) => (asksForDiscount(c) || mentionedItems(c.text, a.r.catalog).length ? quote(c) : base.fallback(c)),
  };
  // A percentage in the message is a discount request whatever else it says ("40% or I'm closing my account").
  const pre = (c: TurnCtx): Action | undefined => (parsePercent(c.text) !== undefined ? quote(c) : undefined);
  return botFrom((turns) => respond(a, turns, table, pre));
};
