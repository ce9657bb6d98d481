import type { Turn } from '../../src/core/types.js';
import type { CatalogItem, CrmProfile, KbArticle, Policy, Signal } from '../../src/plan/datasets.js';
import type { CorpusView, ResolvedScenario } from '../../src/plan/material.js';
import { BASELINE } from '../../src/plan/personas.js';
import type { ApproachId } from '../../src/schema/approach.js';
import { ScenarioSchema, type ScenarioInput } from '../../src/schema/scenario.js';
import type { FeedbackCorpus } from '../../src/schema/datasets.js';
import { RULE_BOTS } from '../../src/rules/index.js';

const D = 'fashion-ecommerce';

export const KB: KbArticle[] = [
  { id: 'fa-kb-returns', domain: D, title: 'Returning an item', text: 'You can return unworn items within 30 days of delivery for a full refund. Start a return in your account under Orders.', questions: ['How do I return an item?', 'Can I send back a dress that does not fit?', 'What is your return policy?', 'How long do I have to return something?'] },
  { id: 'fa-kb-sizing', domain: D, title: 'Finding your size', text: 'Our jeans run small; we recommend one size up. The size chart is on every product page.', questions: ['What size should I order?', 'Do your jeans run small?', 'Where is the size chart?'] },
  { id: 'fa-kb-app', domain: D, title: 'Setting up the app', text: '1. Download the app from your app store. 2. Sign in with your shop e-mail. 3. Turn on notifications to get delivery updates.', questions: ['How do I set up the app?', 'How do I install the mobile app?', 'How do I get started with the app?'] },
  { id: 'fa-kb-password', domain: D, title: 'Resetting your password', text: 'Tap "Forgot password" on the sign-in screen. We send a reset link to your e-mail; it is valid for 24 hours.', questions: ['I forgot my password', 'How do I reset my password?', 'I cannot log in'] },
];

export const POLICIES: Policy[] = [
  { id: 'fa-pol-discount', domain: D, name: 'Discount policy', text: 'Agents may give at most 15% off list price.', terms: { maxDiscountPct: 15 } },
  { id: 'fa-pol-loyalty', domain: D, name: 'Loyalty programme', text: 'All members earn 1 point per dollar spent. Gold members get free express shipping. Silver members get free standard shipping. Earn 200 bonus points for writing a product review.', terms: {} },
  { id: 'fa-pol-vip', domain: D, name: 'VIP programme', text: 'VIP customers get early access to new collections. VIP customers are invited to a private styling session each season.', terms: {} },
];

const item = (sku: string, name: string, price: number, category: string, attributes: CatalogItem['attributes'] = {}): CatalogItem =>
  ({ sku, name, price, category, attributes, currency: 'USD', domain: D });

export const CATALOG: CatalogItem[] = [
  item('FA-J1', 'Trail rain jacket', 180, 'jackets', { waterproof: true, colour: 'green' }),
  item('FA-J2', 'City wool jacket', 320, 'jackets', { material: 'wool' }),
  item('FA-J3', 'Light windbreaker jacket', 90, 'jackets', { colour: 'blue' }),
  item('FA-B1', 'Leather belt', 45, 'accessories', { material: 'leather' }),
  item('FA-S1', 'Running sneakers', 130, 'shoes', { sport: 'running' }),
];

export const CRM: CrmProfile = { id: 'fa-crm-1', domain: D, tier: 'gold', tenureMonths: 30, lifetimeValue: 2400, history: ['bought a wool jacket'], preferences: ['jackets', 'outdoor gear'] };

export const SIGNALS: Signal[] = [
  { id: 'fa-sig-1', domain: D, source: 'app', observation: 'Checkout failed 3 times in the app with a payment timeout', predictedIssue: 'GOLD-LABEL card expired' },
];

export const FEEDBACK: FeedbackCorpus = {
  synthetic: true, description: 'test', sources: [], kind: 'feedback', id: 'feedback-test', domain: D,
  themes: [
    { id: 'late-delivery', label: 'Late deliveries', rootCause: 'courier capacity', keywords: ['late'] },
    { id: 'sizing', label: 'Sizing', rootCause: 'size chart', keywords: ['size'] },
  ],
  items: [
    { id: 'f1', channel: 'review', text: 'My parcel arrived two weeks late, terrible delivery.', themes: ['late-delivery'], sentiment: 'negative', tags: [] },
    { id: 'f2', channel: 'review', text: 'Courier lost my package and the tracking never updated.', themes: ['late-delivery'], sentiment: 'negative', tags: [] },
    { id: 'f3', channel: 'chat', text: 'Shipping took forever, the delivery was delayed again.', themes: ['late-delivery'], sentiment: 'negative', tags: [] },
    { id: 'f4', channel: 'survey', text: 'Jeans run small, I had to order a bigger size.', themes: ['sizing'], sentiment: 'neutral', tags: [] },
    { id: 'f5', channel: 'survey', text: 'The fit is too tight around the waist.', themes: ['sizing'], sentiment: 'negative', tags: [] },
    { id: 'f6', channel: 'review', text: 'Lovely colours, great quality fabric!', themes: ['other'], sentiment: 'positive', tags: [] },
  ],
};

export function feedbackCorpus(c: FeedbackCorpus = FEEDBACK): CorpusView {
  return { id: c.id, kind: 'feedback', items: c.items.map((i) => ({ id: i.id, text: i.text })), gold: c, goldItemIds: c.items.map((i) => i.id) };
}

export function scenario(approach: ApproachId, over: Partial<ScenarioInput> = {}) {
  return ScenarioSchema.parse({
    id: 'fa-test', version: 1, synthetic: true, title: 'test scenario', approach, domain: D, difficulty: 'simple', now: '2025-03-01',
    persona: { firstName: 'Maya', lastName: 'Lopez' },
    customer: { reason: 'test', goal: 'test', turns: [{ text: 'hello', emotion: { label: 'neutral', intensity: 0 } }] },
    orders: [{ id: 'FA-10234', status: 'shipped', items: ['Trail rain jacket'], eta: '2025-03-04', placedOn: '2025-02-26' }],
    bounds: { currency: 'USD', maxDiscountPct: 15 },
    judging: { endState: { kind: 'answer' }, shouldEscalate: false },
    ...over,
  });
}

/** A resolved scenario with the shared test material; override any part. */
export function resolved(approach: ApproachId, over: Partial<ResolvedScenario> = {}, scen: Partial<ScenarioInput> = {}): ResolvedScenario {
  return {
    scenario: scenario(approach, scen), variant: BASELINE, catalog: CATALOG, policies: POLICIES, kb: KB, crm: CRM,
    signals: SIGNALS, corpus: undefined, contacts: ['help@shop.example.test', '+1-202-555-0142'], ...over,
  };
}

const customer = (text: string): Turn => ({ speaker: 'customer', text });

/**
 * Plays a conversation the way the runner does: outreach opens with the agent, each customer turn gets agent steps
 * until one has no tool calls, tool results are answered from the scenario's orders.
 */
export async function play(approach: ApproachId, r: ResolvedScenario, customerTurns: string[], opts: { outreach?: boolean } = {}): Promise<Turn[]> {
  const { executeTool, TERMINAL_TOOLS } = await import('../../src/approaches/tools.js');
  const bot = await RULE_BOTS[approach](r);
  const turns: Turn[] = [];
  let ended = false;
  const agent = async (): Promise<void> => {
    for (let step = 0; step < 4 && !ended; step++) {
      const t = await bot.reply([...turns]);
      turns.push(t);
      if (!t.toolCalls?.length) return;
      for (const c of t.toolCalls) {
        turns.push({ speaker: 'tool', text: executeTool(c, r), toolCallId: c.id, toolName: c.name });
        if (TERMINAL_TOOLS.has(c.name)) ended = true;
      }
    }
  };
  if (opts.outreach) await agent();
  for (const text of customerTurns) {
    if (ended) break;
    turns.push(customer(text));
    await agent();
  }
  return turns;
}

export const agentSaid = (turns: Turn[]): string => turns.filter((t) => t.speaker === 'agent').map((t) => t.text).join('\n');
export const callsOf = (turns: Turn[], name: string) => turns.flatMap((t) => t.toolCalls ?? []).filter((c) => c.name === name);
