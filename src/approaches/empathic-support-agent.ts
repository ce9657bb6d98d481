import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'empathic-support-agent',
    title: 'Empathic support agent',
    stage: 'service-support',
    stageOrder: 3,
    value: 'empathy',
    mode: 'dialogue',
    essence: 'Recognises emotional tone, keeps long context and solves non-template problems.',
    traditional: 'Intent classifier with canned answers per intent, FAQ retrieval and a fixed escalation rule.',
    tools: ['lookup_order', 'escalate_to_human', 'make_offer'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You are a customer support agent for this company.',
      'Resolve the customer\'s problem. Recognise how they feel and respond to it, keep track of everything they said, use lookup_order for order questions, and escalate when policy requires it.',
      r,
    ),
};
