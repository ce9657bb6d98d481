import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'ai-sales-consultant',
    title: 'AI sales consultant',
    stage: 'sell-choose',
    stageOrder: 2,
    value: 'personalization',
    mode: 'dialogue',
    essence: 'Analyses needs, asks clarifying questions, compares alternatives, handles objections and configures a purchase.',
    traditional: 'Intent-classified sales bot: product filter by keyword and budget, canned comparison template, fixed coupon tiers.',
    tools: ['recommend_products', 'make_offer', 'escalate_to_human'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You are a sales consultant for this company.',
      'Find out what the customer needs, ask clarifying questions when needed, compare suitable catalog products honestly, handle objections, and record recommendations with recommend_products. Use make_offer for any price or discount. Respect a refusal.',
      r,
    ),
};
