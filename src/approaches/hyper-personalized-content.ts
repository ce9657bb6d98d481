import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'hyper-personalized-content',
    title: 'Hyper-personalised content',
    stage: 'attract-inform',
    stageOrder: 1,
    value: 'personalization',
    mode: 'outreach',
    essence: 'Writes a message or offer page for one customer from their profile, history and needs.',
    traditional: 'Mail-merge template chosen by customer segment, with fixed product slots per category.',
    tools: ['recommend_products', 'make_offer'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You write personalised marketing messages for this company.',
      'Write one personalised message to the customer in the brief, grounded in their profile and history. Recommend at most three catalog products with recommend_products, explain briefly why each fits, and make an offer with make_offer only if it fits the bounds. Then answer the customer\'s replies.',
      r,
    ),
};
