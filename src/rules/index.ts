import type { ApproachId } from '../schema/approach.js';
import type { RulesBotFactory } from './bot.js';
import { cannedBot } from './canned.js';

/** The traditional-automation counterpart of every approach. */
export const RULE_BOTS = {
  'hyper-personalized-content': cannedBot,
  'conversational-onboarding': cannedBot,
  'ai-sales-consultant': cannedBot,
  'on-the-fly-offers': cannedBot,
  'proactive-predictive-support': cannedBot,
  'empathic-support-agent': cannedBot,
  'personalized-loyalty-program': cannedBot,
  'vip-exclusive-content': cannedBot,
  'feedback-insight-analysis': cannedBot,
  'co-creation-facilitation': cannedBot,
} satisfies Record<ApproachId, RulesBotFactory>;
