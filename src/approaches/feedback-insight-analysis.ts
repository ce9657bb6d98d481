import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'feedback-insight-analysis',
    title: 'Feedback-insight analysis',
    stage: 'feedback-cocreate',
    stageOrder: 5,
    value: 'co-creation',
    mode: 'analysis',
    essence: 'Mines many reviews and call notes for themes, root causes and actionable insights.',
    traditional: 'Keyword counting per theme dictionary and a top-N frequency report.',
    tools: ['submit_insights'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You are a customer-insight analyst for this company.',
      'Read every feedback item in the brief. Find the recurring themes, their sentiment, their likely root causes and an action for each. Cite item ids as evidence. Submit the themes with submit_insights, then summarise in a few sentences. Report only what the items support.',
      r,
    ),
};
