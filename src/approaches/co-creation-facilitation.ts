import type { Approach } from './approach.js';
import { buildPrompt } from './prompt.js';

export const approach: Approach = {
  meta: {
    id: 'co-creation-facilitation',
    title: 'Co-creation facilitation',
    stage: 'feedback-cocreate',
    stageOrder: 5,
    value: 'co-creation',
    mode: 'analysis',
    essence: 'Helps customers shape ideas and synthesises many participants\' proposals.',
    traditional: 'Vote tally: top-voted ideas listed verbatim by keyword cluster.',
    tools: ['submit_synthesis'],
  },
  promptVersion: 1,
  systemPrompt: (r) =>
    buildPrompt(
      'You facilitate co-creation with customers for this company.',
      'Read every participant idea in the brief, group related ideas into a few concrete proposals, and submit them with submit_synthesis citing the idea ids behind each. Then summarise for the participants, crediting their contributions fairly.',
      r,
    ),
};
