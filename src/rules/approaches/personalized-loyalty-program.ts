import type { RulesBotFactory } from '../bot.js';
import { currencyOf, priceOffer, tierCoupon, tierOf } from '../commerce/coupons.js';
import { tierLabel, tierRewards } from '../commerce/programme.js';
import { botFrom, type Action } from '../dialogue/action.js';
import { Assistant } from '../dialogue/assistant.js';
import { defaultRoutes, respond, type RouteTable, type TurnCtx } from '../dialogue/routes.js';
import { pastCalls } from '../dialogue/transcript.js';
import { listing, money } from '../text/template.js';

const LOYALTY_WORDS = /loyal|reward|points?\b|member|tier|perk|benefit|programme|program|status/i;

/** The points-tier table lookup: fixed rewards for the customer's tier, one template message. */
function plan(c: TurnCtx): Action {
  const { a } = c;
  const tier = tierOf(a.r);
  const { rewards, quests, criteria } = tierRewards(a.r, tier);
  if (pastCalls(c.turns).some((k) => k.name === 'create_loyalty_plan')) {
    // The plan is recorded once; later questions go to the FAQ, and only an unanswerable one restates the table.
    const hit = a.searchFaq(c.text)[0];
    if (hit) return { text: a.answerDoc(hit.doc.payload) };
    return { text: `As a ${tierLabel(tier)} member your rewards are: ${listing(rewards.map((x) => x.replace(/\.$/, '')))}. Is there anything else I can help you with?` };
  }
  if (!rewards.length) return { text: a.fill(`Your membership tier is ${tier}. For the details of your rewards${a.contact ? ', please contact us at {{contact}}' : ', please see your account'}.`) };
  return {
    text: '',
    calls: [{ name: 'create_loyalty_plan', arguments: { tier, rewards, quests } }],
    after: () => [
      a.fill(`{{firstName}}, you are a ${tierLabel(tier)} member. Your rewards:`),
      ...rewards.map((x) => `- ${x}`),
      ...(quests.length ? ['Ways to earn more:', ...quests.map((x) => `- ${x}`)] : []),
      ...(criteria.length ? ['How tiers work:', ...criteria.map((x) => `- ${x}`)] : []),
    ].join('\n'),
  };
}

function coupon(c: TurnCtx): Action {
  const pct = tierCoupon(c.a.r);
  const item = c.a.r.catalog[0];
  if (!pct || !item) return { text: "I'm sorry, I'm not able to offer a discount in this chat." };
  const o = priceOffer([item], pct, c.a.r);
  const cur = currencyOf(c.a.r);
  return {
    text: '',
    calls: [{ name: 'make_offer', arguments: { discountPct: o.discountPct, price: o.price, bundle: o.bundle, perks: [] } }],
    after: () => `Your ${tierLabel(tierOf(c.a.r))} member coupon: ${o.discountPct}% off ${item.name}, ${money(o.price, cur)} instead of ${money(o.listPrice, cur)}.`,
  };
}

/** Counterpart of the personalised loyalty programme: tier table -> fixed rewards (create_loyalty_plan), fixed coupon. */
export const loyaltyBot: RulesBotFactory = async (r) => {
  const a = await Assistant.create(r, 'personalized-loyalty-program');
  const base = defaultRoutes();
  const loyal = (c: TurnCtx): boolean => LOYALTY_WORDS.test(c.text);
  const table: RouteTable = {
    ...base,
    'discount-request': coupon,
    faq: (c) => (loyal(c) ? plan(c) : base.faq(c)),
    'product-search': (c) => (loyal(c) ? plan(c) : base['product-search'](c)),
    fallback: (c) => (loyal(c) ? plan(c) : base.fallback(c)),
    greeting: (c) => (loyal(c) ? plan(c) : base.greeting(c)),
  };
  // Keyword rule: a loyalty question before any plan exists gets the tier table, whatever the classifier thinks.
  const pre = (c: TurnCtx): Action | undefined =>
    (loyal(c) && !pastCalls(c.turns).some((k) => k.name === 'create_loyalty_plan') ? plan(c) : undefined);
  return botFrom((turns) => respond(a, turns, table, pre));
};
