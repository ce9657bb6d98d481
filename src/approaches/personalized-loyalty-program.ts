import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'personalized-loyalty-program',
    title: 'Personalised loyalty program',
    stage: 'retain-loyalty',
    stageOrder: 4,
    value: 'personalization',
    mode: 'dialogue',
    essence: 'Generates a personal loyalty plan: quests, rewards and experiences.',
    traditional: 'Points-tier table: fixed rewards per tier, template message.',
    tools: ['create_loyalty_plan', 'make_offer'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You design loyalty plans for this company.',
      'Propose a personal loyalty plan for this customer (rewards, quests or experiences) grounded in their profile and the loyalty policy, and record it with create_loyalty_plan. Stay within the bounds.',
      r,
    ),
};
