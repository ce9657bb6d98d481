import type { RulesBotFactory } from '../bot.js';
import { preferredItems } from '../commerce/catalog-match.js';
import { currencyOf, priceOffer, tierCoupon, tierOf, type Tier } from '../commerce/coupons.js';
import { botFrom, type Action, type PlannedCall } from '../dialogue/action.js';
import { Assistant } from '../dialogue/assistant.js';
import { defaultRoutes, respond } from '../dialogue/routes.js';
import { money } from '../text/template.js';

/** Mail-merge templates per CRM tier; the campaign tool picks one by segment. */
export const SEGMENT_TEMPLATES = {
  standard: 'Hi {{firstName}}, we picked a few items we think you will like.',
  silver: 'Hi {{firstName}}, as a Silver member you get first look at these picks selected for you.',
  gold: 'Dear {{firstName}}, as one of our Gold members, we have selected these items for you.',
  vip: 'Dear {{firstName}}, as a valued VIP customer, please enjoy this personal selection.',
} satisfies Record<Tier, string>;

const SLOTS = 3;
const AUTOMATED = 'This is an automated message.';

function opening(a: Assistant): Action {
  const r = a.r;
  // Fixed product slots: the catalog's items in the customer's preferred category, else the featured (first) items.
  const preferred = preferredItems([...(r.crm?.preferences ?? [])], r.catalog);
  const picks = (preferred.length ? preferred : r.catalog).slice(0, SLOTS);
  const pct = tierCoupon(r);
  const offer = pct && picks[0] ? priceOffer([picks[0]], pct, r) : undefined;
  const calls: PlannedCall[] = [];
  if (picks.length) calls.push({ name: 'recommend_products', arguments: { skus: picks.map((i) => i.sku), rationale: preferred.length ? 'preferred category' : 'featured products' } });
  if (offer && offer.discountPct > 0) calls.push({ name: 'make_offer', arguments: { discountPct: offer.discountPct, price: offer.price, bundle: offer.bundle, perks: [] } });
  const cur = currencyOf(r);
  const body = [
    a.fill(SEGMENT_TEMPLATES[tierOf(r)]),
    ...picks.map((i) => `- ${i.name}: ${money(i.price, i.currency)}`),
    offer && offer.discountPct > 0 && picks[0] ? `Your member coupon: ${offer.discountPct}% off ${picks[0].name}, now ${money(offer.price, cur)}.` : '',
    AUTOMATED,
  ].filter(Boolean).join('\n');
  return calls.length ? { text: '', calls, after: () => body } : { text: body };
}

/** Counterpart of hyper-personalised content: segment template, fixed category slots, fixed tier coupon, then FAQ replies. */
export const personalizedContentBot: RulesBotFactory = async (r) => {
  const a = await Assistant.create(r, 'hyper-personalized-content');
  const table = defaultRoutes();
  return botFrom(async (turns) => (turns.length === 0 ? opening(a) : respond(a, turns, table)));
};
