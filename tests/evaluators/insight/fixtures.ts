import type { CorpusView } from '../../../src/plan/material.js';
import type { FeedbackCorpus, IdeaPool } from '../../../src/schema/datasets.js';

/** Six feedback items, three gold themes; the agent is given f1..f5 (so "app-crash" is not present). */
export const FEEDBACK: FeedbackCorpus = {
  synthetic: true, description: 'test corpus', sources: [], kind: 'feedback', id: 'fb', domain: 'fashion-ecommerce',
  themes: [
    { id: 'late-delivery', label: 'Late delivery', rootCause: 'carrier backlog', keywords: ['late', 'delay', 'shipping'] },
    { id: 'sizing', label: 'Inconsistent sizing', rootCause: 'size charts', keywords: ['size', 'fit', 'too small'] },
    { id: 'app-crash', label: 'App crashes', rootCause: 'release bug', keywords: ['crash', 'app'] },
  ],
  items: [
    { id: 'f1', channel: 'review', text: 'Parcel two weeks late.', themes: ['late-delivery'], sentiment: 'negative', tags: [] },
    { id: 'f2', channel: 'review', text: 'Shipping delay again.', themes: ['late-delivery'], sentiment: 'negative', tags: [] },
    { id: 'f3', channel: 'survey', text: 'Arrived late but the support was lovely.', themes: ['late-delivery'], sentiment: 'positive', tags: [] },
    { id: 'f4', channel: 'review', text: 'Runs too small.', themes: ['sizing'], sentiment: 'negative', tags: [] },
    { id: 'f5', channel: 'chat', text: 'The fit is perfect now!', themes: ['sizing'], sentiment: 'positive', tags: [] },
    { id: 'f6', channel: 'review', text: 'The app crashes at checkout.', themes: ['app-crash'], sentiment: 'negative', tags: [] },
  ],
};

export const feedbackView = (ids = ['f1', 'f2', 'f3', 'f4', 'f5']): CorpusView => ({
  id: 'fb', kind: 'feedback', gold: FEEDBACK, goldItemIds: ids,
  items: FEEDBACK.items.filter((i) => ids.includes(i.id)).map((i) => ({ id: i.id, text: i.text })),
});

export const IDEAS: IdeaPool = {
  synthetic: true, description: 'test pool', sources: [], kind: 'ideas', id: 'ideas', domain: 'saas',
  clusters: [
    { id: 'dark-mode', label: 'Dark mode', keywords: ['dark'] },
    { id: 'export', label: 'Better export', keywords: ['csv', 'export'] },
    { id: 'sso', label: 'Single sign-on', keywords: ['sso'] },
  ],
  items: [
    { id: 'i1', author: 'p1', text: 'Dark theme please', cluster: 'dark-mode', votes: 3 },
    { id: 'i2', author: 'p2', text: 'Night mode for the editor', cluster: 'dark-mode', votes: 1 },
    { id: 'i3', author: 'p3', text: 'Export to CSV', cluster: 'export', votes: 5 },
    { id: 'i4', author: 'p4', text: 'Excel export', cluster: 'export', votes: 2 },
    { id: 'i5', author: 'p5', text: 'Okta SSO', cluster: 'sso', votes: 4 },
  ],
};

export const ideasView = (): CorpusView => ({
  id: 'ideas', kind: 'ideas', gold: IDEAS, goldItemIds: IDEAS.items.map((i) => i.id), items: IDEAS.items.map((i) => ({ id: i.id, text: i.text })),
});
