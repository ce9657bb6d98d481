import type { RulesBotFactory } from '../bot.js';
import { currencyOf, priceOffer, tierCoupon } from '../commerce/coupons.js';
import { inVipSegment, vipPerks } from '../commerce/programme.js';
import { botFrom, type Action } from '../dialogue/action.js';
import { Assistant } from '../dialogue/assistant.js';
import { defaultRoutes, respond, type RouteTable } from '../dialogue/routes.js';
import { money } from '../text/template.js';

export const VIP_INVITATION = 'Dear {{firstName}}, as one of our most valued customers, you are invited to our exclusive VIP programme.';
const AUTOMATED = 'This is an automated message; reply here with any questions.';

function opening(a: Assistant): Action {
  if (!inVipSegment(a.r)) {
    return { text: a.fill(`Hello {{firstName}}, thank you for being our customer. ${AUTOMATED}`) };
  }
  const perks = vipPerks(a.r);
  return {
    text: '',
    calls: [{ name: 'create_loyalty_plan', arguments: { tier: 'vip', rewards: perks, quests: [] } }],
    after: () => [a.fill(VIP_INVITATION), 'Your benefits:', ...perks.map((p) => `- ${p}`), AUTOMATED].join('\n'),
  };
}

/** Counterpart of VIP exclusive content: VIP segment rule, one fixed invitation template, FAQ replies. */
export const vipBot: RulesBotFactory = async (r) => {
  const a = await Assistant.create(r, 'vip-exclusive-content');
  const base = defaultRoutes();
  const table: RouteTable = {
    ...base,
    'discount-request': (c) => {
      const pct = tierCoupon(c.a.r);
      const item = c.a.r.catalog[0];
      if (!pct || !item || !inVipSegment(c.a.r)) return base['discount-request'](c);
      const o = priceOffer([item], pct, c.a.r);
      return {
        text: '',
        calls: [{ name: 'make_offer', arguments: { discountPct: o.discountPct, price: o.price, bundle: o.bundle, perks: [] } }],
        after: () => `Your VIP coupon: ${o.discountPct}% off ${item.name}, ${money(o.price, currencyOf(c.a.r))}.`,
      };
    },
  };
  return botFrom(async (turns) => (turns.length === 0 ? opening(a) : respond(a, turns, table)));
};
