import { z } from 'zod';
import type { Backend, ToolCall, Usage } from '../../src/core/types.js';
import { addUsage, zeroUsage } from '../../src/core/types.js';
import type { EmotionLabel } from '../../src/schema/scenario.js';
import type { Evaluator, Evidence, MetricInfo } from '../../src/score/types.js';
import { askJudge, judgeLabel, judgeSystemPrompt, type JudgeAnswer } from '../judge/ask.js';
import { maskSpecFor, maskText, type MaskSpec } from '../judge/mask.js';
import { loadRubric } from '../judge/rubric.js';
import { judgeTokensMetric, judgeTokensScore } from '../judge/usage.js';
import { notScorable } from '../resolution/transcript.js';
import { emotionalExchanges, intensityWeighted } from './emotional-turns.js';
import { scorer, type MetricIdOf } from '../nlp/score.js';

export const EPITOME_RUBRIC = loadRubric(import.meta.url, 'epitome-rubric.md');

const Level = z.number().int().min(0).max(2);
const Rated = z.object({ level: Level, rationale: z.string() });
export const EpitomeVerdictSchema = z.object({
  er: Rated,
  ip: Rated,
  ex: Rated,
  appropriateness: Rated,
  actionAlignment: z.object({ value: z.number().int().min(0).max(1), rationale: z.string() }),
});
export type EpitomeVerdict = z.infer<typeof EpitomeVerdictSchema>;

export const EPITOME_SYSTEM = judgeSystemPrompt(EPITOME_RUBRIC, EpitomeVerdictSchema);

/** One item as a judge sees it; the calibration runner builds the same shape from the reference CSV. */
export interface EpitomeItem {
  customerText: string;
  emotion: EmotionLabel;
  intensity: number;
  replyText: string;
  actions: ToolCall[];
}

export function epitomeInput(item: EpitomeItem, mask: MaskSpec): string {
  const actions = item.actions.length ? item.actions.map((a) => `${a.name}(${maskText(JSON.stringify(a.arguments), mask)})`).join('; ') : 'none';
  return [
    `Customer message (author-annotated emotion: ${item.emotion}, intensity ${item.intensity}/10):`,
    maskText(item.customerText, mask),
    '',
    'Agent reply:',
    maskText(item.replyText, mask) || '(no text)',
    '',
    `Agent actions in this reply: ${actions}`,
  ].join('\n');
}

export const judgeEpitome = (backend: Backend, item: EpitomeItem, mask: MaskSpec, signal?: AbortSignal): Promise<JudgeAnswer<EpitomeVerdict>> =>
  askJudge(backend, { rubric: EPITOME_RUBRIC, input: epitomeInput(item, mask), schema: EpitomeVerdictSchema }, signal);

const JUDGE_TOKENS_METRIC = judgeTokensMetric('judge.tokens', 'EPITOME empathy');

const METRICS = [
  { id: 'empathy.epitome', family: 'empathy', title: 'Empathy (EPITOME judge)', unit: 'score', direction: 'higher-better', judgeOf: 'empathy.lex', description: 'LLM judge: (ER+IP+EX)/6 per reply to an emotional customer turn (intensity >= 4), intensity-weighted over the conversation.' },
  { id: 'empathy.appropriateness', family: 'empathy', title: 'Empathy appropriateness (judge)', unit: 'score', direction: 'higher-better', description: 'LLM judge: appropriateness 0-2 / 2 (0 dismissive or manipulative, 2 calibrated), intensity-weighted.' },
  { id: 'empathy.action_alignment', family: 'empathy', title: 'Empathy with action (judge)', unit: 'rate', direction: 'higher-better', description: 'LLM judge: the empathic reply comes with a concrete next step (0/1), intensity-weighted.' },
  ...(['er', 'ip', 'ex'] as const).map((m) => ({
    id: `empathy.judge_${m}` as const, family: 'empathy', title: `Empathy ${m.toUpperCase()} (EPITOME judge)`, unit: 'score' as const, direction: 'higher-better' as const, judgeOf: `empathy.${m}`,
    description: `LLM judge: the ${m === 'er' ? 'emotional-reaction' : m === 'ip' ? 'interpretation' : 'exploration'} level 0-2 / 2 per reply to an emotional customer turn, intensity-weighted; the deterministic empathy.${m} on the same scale.`,
  })),
  JUDGE_TOKENS_METRIC,
] as const satisfies readonly MetricInfo[];

export const EPITOME_VERSION = 1;

export const epitomeJudgeEvaluator: Evaluator = {
  id: 'empathy-epitome',
  version: EPITOME_VERSION,
  description: 'EPITOME empathy levels by an LLM judge blind to names and persona statements (methods.md §3.2).',
  metrics: [...METRICS],
  score: async (c, r, ctx) => {
    const judge = ctx.judge;
    if (!judge) return [];
    const label = judgeLabel(judge, EPITOME_SYSTEM);
    const s = scorer<MetricIdOf<typeof METRICS>>(label);
    const scored = METRICS.filter((m) => m.id !== JUDGE_TOKENS_METRIC.id);
    const why = notScorable(c);
    if (why) return scored.map((m) => s(m.id, null, why));
    const emotional = emotionalExchanges(c, r);
    if (!emotional.length) return scored.map((m) => s(m.id, null, 'no customer turn with annotated emotion intensity >= 4 in this transcript'));

    const mask = maskSpecFor(r);
    let usage: Usage = zeroUsage();
    let calls = 0;
    let model = judge.id;
    const rated: { weight: number; v: EpitomeVerdict; turn: number }[] = [];
    const failed: Evidence[] = [];
    const raws: Evidence[] = [];
    for (const x of emotional) {
      const a = await judgeEpitome(judge, { customerText: x.customerText, emotion: x.emotion.label, intensity: x.emotion.intensity, replyText: x.replyText, actions: x.toolCalls }, mask);
      usage = addUsage(usage, a.usage);
      calls += a.raw.length;
      model = a.model;
      const turn = x.agentTurns[0] ?? x.customerTurn;
      raws.push({ turn, note: `raw judge output: ${a.raw.join(' ||| ')}` });
      if (a.parsed) rated.push({ weight: x.emotion.intensity, v: a.parsed, turn });
      else failed.push({ turn, note: `judge output unusable after one repair: ${a.error ?? ''}` });
    }
    const tokens = judgeTokensScore(JUDGE_TOKENS_METRIC.id, label, model, calls, usage);
    if (!rated.length) return [...scored.map((m) => s(m.id, null, `judge gave no valid verdict for any of ${emotional.length} emotional turn(s)`, [...failed, ...raws])), tokens];
    const skipped = failed.length ? `; ${failed.length} turn(s) without a valid verdict left out` : '';
    const epitome = intensityWeighted(rated.map((x) => ({ weight: x.weight, value: (x.v.er.level + x.v.ip.level + x.v.ex.level) / 6 })));
    const appropriate = intensityWeighted(rated.map((x) => ({ weight: x.weight, value: x.v.appropriateness.level / 2 })));
    const aligned = intensityWeighted(rated.map((x) => ({ weight: x.weight, value: x.v.actionAlignment.value })));
    const levelEvidence: Evidence[] = rated.map((x) => ({
      turn: x.turn,
      note: `ER ${x.v.er.level} (${x.v.er.rationale}); IP ${x.v.ip.level} (${x.v.ip.rationale}); EX ${x.v.ex.level} (${x.v.ex.rationale})`,
    }));
    return [
      s('empathy.epitome', epitome, `${rated.length} emotional turn(s) judged; intensity-weighted (ER+IP+EX)/6${skipped}`, [...levelEvidence, ...failed, ...raws]),
      ...(['er', 'ip', 'ex'] as const).map((m) => s(`empathy.judge_${m}`, intensityWeighted(rated.map((x) => ({ weight: x.weight, value: x.v[m].level / 2 }))),
        `intensity-weighted ${m.toUpperCase()} level/2 over ${rated.length} turn(s)${skipped}`, rated.map((x) => ({ turn: x.turn, note: `${m.toUpperCase()} ${x.v[m].level}: ${x.v[m].rationale}` })))),
      s('empathy.appropriateness', appropriate, `intensity-weighted appropriateness/2 over ${rated.length} turn(s)${skipped}`,
        rated.map((x) => ({ turn: x.turn, note: `${x.v.appropriateness.level}: ${x.v.appropriateness.rationale}` }))),
      s('empathy.action_alignment', aligned, `intensity-weighted action alignment over ${rated.length} turn(s)${skipped}`,
        rated.map((x) => ({ turn: x.turn, note: `${x.v.actionAlignment.value}: ${x.v.actionAlignment.rationale}` }))),
      tokens,
    ];
  },
};
