import type { CatalogItem } from '../../plan/datasets.js';
import type { RulesBotFactory } from '../bot.js';
import { matchProducts, mentionedItems } from '../commerce/catalog-match.js';
import { currencyOf, priceOffer, tierCoupon } from '../commerce/coupons.js';
import { botFrom, type Action } from '../dialogue/action.js';
import { Assistant } from '../dialogue/assistant.js';
import { defaultRoutes, respond, type RouteTable, type TurnCtx } from '../dialogue/routes.js';
import { customerTexts, pastCalls } from '../dialogue/transcript.js';
import { parseBudget, parsePercent, type Budget } from '../text/entities.js';
import { listing, money } from '../text/template.js';

const OBJECTION = /too expensive|too pricey|too much|cheaper|can'?t afford|over my budget|out of my budget|pricey/i;
const MAX_RESULTS = 3;
const STRONG_KB = 0.8;

const attrs = (i: CatalogItem): string => Object.entries(i.attributes).map(([k, v]) => `${k}: ${String(v)}`).join(', ');

/** The canned comparison table the shop's widget prints. */
function comparison(items: CatalogItem[], budget: Budget | undefined, heading?: string): string {
  const cur = items[0]?.currency ?? '';
  const head = heading ?? (budget?.max !== undefined ? `Here are the products that match your search within ${money(budget.max, cur)}:` : 'Here are the products that match your search:');
  const rows = items.map((i, k) => `${k + 1}. ${i.name} (${i.sku}): ${money(i.price, i.currency)}${attrs(i) ? `; ${attrs(i)}` : ''}`);
  const cheapest = [...items].sort((a, b) => a.price - b.price)[0];
  const tail = items.length > 1 && cheapest ? `The most affordable option is ${cheapest.name}.` : '';
  return [head, ...rows, tail, 'Would you like more details on any of them?'].filter(Boolean).join('\n');
}

/** Latest budget the customer stated anywhere in the conversation. */
const budgetOf = (turns: TurnCtx['turns']): Budget | undefined => customerTexts(turns).map(parseBudget).filter((b) => b !== undefined).at(-1);

const recommended = (turns: TurnCtx['turns']): string[] => {
  const last = pastCalls(turns).filter((c) => c.name === 'recommend_products').at(-1);
  return Array.isArray(last?.arguments['skus']) ? (last.arguments['skus'] as unknown[]).map(String) : [];
};

function search(c: TurnCtx): Action {
  const { a } = c;
  const ceiling = a.r.scenario.bounds.priceCeiling;
  const budget = budgetOf(c.turns);
  let matches = matchProducts(c.text, a.r.catalog);
  if (!matches.length) matches = matchProducts(customerTexts(c.turns).join(' '), a.r.catalog);
  if (!matches.length) {
    const cats = [...new Set(a.r.catalog.map((i) => i.category))];
    return { text: `I can help you find the right product. Which category are you interested in? We offer: ${listing(cats)}.` };
  }
  const fits = matches.map((m) => m.item).filter((i) =>
    (budget?.max === undefined || i.price <= budget.max) && (budget?.min === undefined || i.price >= budget.min) && (ceiling === undefined || i.price <= ceiling));
  if (!fits.length) {
    const cheapest = [...matches].sort((x, y) => x.item.price - y.item.price)[0]!.item;
    return { text: `I'm sorry, I couldn't find a matching product within your budget. The lowest-priced match is ${cheapest.name} at ${money(cheapest.price, cheapest.currency)}.` };
  }
  const picks = fits.slice(0, MAX_RESULTS);
  return {
    text: '',
    calls: [{ name: 'recommend_products', arguments: { skus: picks.map((i) => i.sku), rationale: 'keyword and budget filter' } }],
    after: () => comparison(picks, budget),
  };
}

/** Fixed coupon tiers: the customer's tier coupon on the product under discussion, never above the cap. */
function coupon(c: TurnCtx): Action {
  const { a } = c;
  const pct = tierCoupon(a.r);
  if (pct === undefined || pct <= 0) return { text: "I'm sorry, I'm not able to offer a discount on this product." };
  const named = mentionedItems(c.text, a.r.catalog);
  const skus = recommended(c.turns);
  const item = named[0] ?? a.r.catalog.find((i) => i.sku === skus[0]);
  if (!item) return { text: 'Which product would you like a discount on?' };
  if (pastCalls(c.turns).some((k) => k.name === 'make_offer')) return { text: `I'm sorry, the coupon I offered is the best discount available for your membership tier.` };
  const o = priceOffer([item], pct, a.r);
  const asked = parsePercent(c.text);
  const refusal = asked !== undefined && asked > o.discountPct ? `I'm sorry, I can't offer ${asked}%. ` : '';
  const cur = currencyOf(a.r);
  return {
    text: '',
    calls: [{ name: 'make_offer', arguments: { discountPct: o.discountPct, price: o.price, bundle: o.bundle, perks: [] } }],
    after: () => `${refusal}I can offer you ${o.discountPct}% off ${item.name}: ${money(o.price, cur)} instead of ${money(o.listPrice, cur)}. Would you like to take this offer?`,
  };
}

/** A price objection after a recommendation: show cheaper items from the same category. */
function cheaper(c: TurnCtx): Action | undefined {
  const skus = recommended(c.turns);
  const ref = c.a.r.catalog.find((i) => i.sku === skus[0]);
  if (!ref) return undefined;
  const alts = c.a.r.catalog.filter((i) => i.category === ref.category && i.price < ref.price).sort((x, y) => x.price - y.price).slice(0, MAX_RESULTS);
  if (!alts.length) return { text: `${ref.name} is already the most affordable option in this category.` };
  return {
    text: '',
    calls: [{ name: 'recommend_products', arguments: { skus: alts.map((i) => i.sku), rationale: 'cheaper alternatives in the same category' } }],
    after: () => comparison(alts, undefined, `Here are more affordable options than ${ref.name}:`),
  };
}

/** Counterpart of the AI sales consultant: intent routing, keyword + budget product filter, canned comparison, fixed coupons. */
export const salesBot: RulesBotFactory = async (r) => {
  const a = await Assistant.create(r, 'ai-sales-consultant');
  const base = defaultRoutes();
  const productish = (c: TurnCtx): boolean => mentionedItems(c.text, a.r.catalog).length > 0 || parseBudget(c.text) !== undefined;
  const table: RouteTable = {
    ...base,
    'product-search': search,
    'discount-request': coupon,
    'price-objection': (c) => cheaper(c) ?? base['price-objection'](c),
    decline: () => ({ text: "No problem, I won't push it. Is there anything else I can help you with?" }),
    fallback: (c) => (productish(c) ? search(c) : base.fallback(c)),
    // On a shop page the product search outranks a help article unless the classifier is sure it is a help question.
    faq: (c) => (productish(c) && !(c.u.kbId && c.u.score >= STRONG_KB) ? search(c) : base.faq(c)),
  };
  // Keyword rule ahead of the classifier: a price objection right after a recommendation always gets cheaper options.
  const pre = (c: TurnCtx): Action | undefined => (OBJECTION.test(c.text) ? cheaper(c) : undefined);
  return botFrom((turns) => respond(a, turns, table, pre));
};
