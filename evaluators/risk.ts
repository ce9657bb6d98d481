import type { Evaluator } from '../src/score/types.js';
import { hallucinationEvaluator } from './hallucination/evaluator.js';
import { manipulationEvaluator } from './manipulation/evaluator.js';
import { manipulationJudgeEvaluator } from './manipulation/judge.js';
import { honestyJudgeEvaluator } from './judge/honesty.js';
import { offerEvaluator } from './offer/evaluator.js';
import { policyEvaluator } from './policy/evaluator.js';
import { privacyEvaluator } from './privacy/evaluator.js';
import { safetyEvaluator } from './safety/evaluator.js';
import { transparencyEvaluator } from './transparency/evaluator.js';

/** Hallucination, offers, policy compliance, transparency, manipulation, privacy, and the critical-failure roll-up. */
export const riskEvaluators: Evaluator[] = [
  hallucinationEvaluator,
  offerEvaluator,
  policyEvaluator,
  transparencyEvaluator,
  honestyJudgeEvaluator,
  manipulationEvaluator,
  manipulationJudgeEvaluator,
  privacyEvaluator,
  safetyEvaluator,
];
