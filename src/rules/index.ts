import type { ApproachId } from '../schema/approach.js';
import type { RulesBotFactory } from './bot.js';
import { salesBot } from './approaches/ai-sales-consultant.js';
import { coCreationBot } from './approaches/co-creation-facilitation.js';
import { onboardingBot } from './approaches/conversational-onboarding.js';
import { empathicSupportBot } from './approaches/empathic-support-agent.js';
import { feedbackBot } from './approaches/feedback-insight-analysis.js';
import { personalizedContentBot } from './approaches/hyper-personalized-content.js';
import { offersBot } from './approaches/on-the-fly-offers.js';
import { loyaltyBot } from './approaches/personalized-loyalty-program.js';
import { proactiveSupportBot } from './approaches/proactive-predictive-support.js';
import { vipBot } from './approaches/vip-exclusive-content.js';

/** The traditional-automation counterpart of every approach (the control arm the README describes). */
export const RULE_BOTS = {
  'hyper-personalized-content': personalizedContentBot,
  'conversational-onboarding': onboardingBot,
  'ai-sales-consultant': salesBot,
  'on-the-fly-offers': offersBot,
  'proactive-predictive-support': proactiveSupportBot,
  'empathic-support-agent': empathicSupportBot,
  'personalized-loyalty-program': loyaltyBot,
  'vip-exclusive-content': vipBot,
  'feedback-insight-analysis': feedbackBot,
  'co-creation-facilitation': coCreationBot,
} satisfies Record<ApproachId, RulesBotFactory>;
