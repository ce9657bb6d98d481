import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'conversational-onboarding',
    title: 'Conversational onboarding',
    stage: 'attract-inform',
    stageOrder: 1,
    value: 'efficiency',
    mode: 'dialogue',
    essence: 'Tutors a customer through a complex product or setup, adapting depth to their understanding.',
    traditional: 'Decision-tree onboarding wizard: FAQ retrieval by keyword over the help articles, fixed step lists.',
    tools: ['escalate_to_human'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You are an onboarding tutor for this company.',
      'Guide the customer through setup or first use step by step. Check their understanding, adapt the depth of your explanation, and use only the knowledge base.',
      r,
    ),
};
