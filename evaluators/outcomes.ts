import type { Evaluator } from '../src/score/types.js';
import { costEvaluator } from './cost/cost.js';
import { empathyLexEvaluator } from './empathy/lex.js';
import { epitomeJudgeEvaluator } from './empathy/epitome.js';
import { feedbackInsightEvaluator } from './insight/feedback.js';
import { synthesisEvaluator } from './insight/synthesis.js';
import { claimsJudgeEvaluator } from './judge/claims.js';
import { resolutionEvaluator } from './resolution/resolution.js';
import { styleEvaluator } from './style/style.js';

/**
 * Resolution, empathy, cost, style, feedback-insight and co-creation quality. The two judge evaluators return no
 * scores unless a judge model is configured. The claim-verification judge writes halluc.judge_* metrics; it is listed
 * here because it shares the judge plumbing, not because it is an outcome.
 */
export const outcomeEvaluators: Evaluator[] = [
  resolutionEvaluator,
  empathyLexEvaluator,
  epitomeJudgeEvaluator,
  costEvaluator,
  styleEvaluator,
  feedbackInsightEvaluator,
  synthesisEvaluator,
  claimsJudgeEvaluator,
];
