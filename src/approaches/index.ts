import type { ApproachId } from '../schema/approach.js';
import type { Approach } from './approach.js';
import { approach as hyperPersonalizedContent } from './hyper-personalized-content.js';
import { approach as conversationalOnboarding } from './conversational-onboarding.js';
import { approach as aiSalesConsultant } from './ai-sales-consultant.js';
import { approach as onTheFlyOffers } from './on-the-fly-offers.js';
import { approach as proactivePredictiveSupport } from './proactive-predictive-support.js';
import { approach as empathicSupportAgent } from './empathic-support-agent.js';
import { approach as personalizedLoyaltyProgram } from './personalized-loyalty-program.js';
import { approach as vipExclusiveContent } from './vip-exclusive-content.js';
import { approach as feedbackInsightAnalysis } from './feedback-insight-analysis.js';
import { approach as coCreationFacilitation } from './co-creation-facilitation.js';

/** The ten approaches of the source classification (described in the README and listed by `cxbench list approaches`), keyed by id. */
export const APPROACHES = {
  'hyper-personalized-content': hyperPersonalizedContent,
  'conversational-onboarding': conversationalOnboarding,
  'ai-sales-consultant': aiSalesConsultant,
  'on-the-fly-offers': onTheFlyOffers,
  'proactive-predictive-support': proactivePredictiveSupport,
  'empathic-support-agent': empathicSupportAgent,
  'personalized-loyalty-program': personalizedLoyaltyProgram,
  'vip-exclusive-content': vipExclusiveContent,
  'feedback-insight-analysis': feedbackInsightAnalysis,
  'co-creation-facilitation': coCreationFacilitation,
} satisfies Record<ApproachId, Approach>;

export const approachList = (): Approach[] => Object.values(APPROACHES);
