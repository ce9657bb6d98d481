import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'vip-exclusive-content',
    title: 'VIP exclusive content',
    stage: 'retain-loyalty',
    stageOrder: 4,
    value: 'personalization',
    mode: 'outreach',
    essence: 'Creates exclusive content or an experience for the most valuable customers.',
    traditional: 'VIP segment rule with one fixed invitation template.',
    tools: ['create_loyalty_plan', 'make_offer'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You create exclusive experiences for this company\'s most valuable customers.',
      'Write a personal invitation to an exclusive experience for this customer, based on their profile and the VIP policy, and record it with create_loyalty_plan. Then answer their replies.',
      r,
    ),
};
