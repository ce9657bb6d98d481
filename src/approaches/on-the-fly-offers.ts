import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'on-the-fly-offers',
    title: 'On-the-fly offers',
    stage: 'sell-choose',
    stageOrder: 2,
    value: 'personalization',
    mode: 'dialogue',
    essence: 'Builds an individual commercial offer: bundle, price within allowed bounds, perks.',
    traditional: 'Decision table of fixed coupon tiers by customer tier and basket size.',
    tools: ['make_offer', 'escalate_to_human'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You build individual commercial offers for this company.',
      'Build one individual offer for the customer (bundle, price within the bounds, perks) and record it with make_offer. If the customer asks for more than the bounds allow, say so politely and offer what is allowed.',
      r,
    ),
};
