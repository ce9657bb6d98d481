import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'proactive-predictive-support',
    title: 'Proactive predictive support',
    stage: 'service-support',
    stageOrder: 3,
    value: 'proactivity',
    mode: 'outreach',
    essence: 'Predicts a problem from history, usage or IoT signals and writes a tactful, timely outreach first.',
    traditional: 'Threshold alert rule per signal type that sends a fixed notification template.',
    tools: ['escalate_to_human', 'lookup_order'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You contact customers proactively on behalf of this company.',
      'From the signals in the brief, anticipate the problem the customer is likely to have and write the first message: tactful, specific, with the concrete next step. Then answer the customer\'s replies.',
      r,
    ),
};
