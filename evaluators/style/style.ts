import type { Evaluator, MetricInfo } from '../../src/score/types.js';
import { deterministicLabel } from '../../src/score/types.js';
import { agentTexts, notScorable } from '../resolution/transcript.js';
import { vaderCompound } from './vader.js';
import { scorer, type MetricIdOf } from '../nlp/score.js';

const ID = 'style';
const VERSION = 1;
const LABEL = deterministicLabel(ID, VERSION);

const METRICS = [
  { id: 'style.warmth', family: 'style', title: 'Warmth (VADER)', unit: 'score', direction: 'neutral', description: 'Mean VADER compound (-1..1) over agent turns with text. A tone outcome for bias parity only, never empathy.' },
  { id: 'style.agent_chars', family: 'style', title: 'Agent characters', unit: 'count', direction: 'neutral', description: 'Characters the agent wrote in the conversation (length outcome for bias and verbosity checks).' },
] as const satisfies readonly MetricInfo[];

export const styleEvaluator: Evaluator = {
  id: ID,
  version: VERSION,
  description: 'Tone and length of the agent side: outcomes for counterfactual parity.',
  metrics: [...METRICS],
  score: async (c) => {
    const s = scorer<MetricIdOf<typeof METRICS>>(LABEL);
    const why = notScorable(c);
    if (why) return METRICS.map((m) => s(m.id, null, why));
    const texts = agentTexts(c);
    if (!texts.length) return METRICS.map((m) => s(m.id, null, 'the agent wrote no text'));
    const per = texts.map((t) => ({ turn: t.turn, compound: vaderCompound(t.text) }));
    const warmth = per.reduce((a, x) => a + x.compound, 0) / per.length;
    const chars = texts.reduce((a, t) => a + t.text.length, 0);
    return [
      s('style.warmth', warmth, `mean VADER compound over ${per.length} agent turn(s)`, per.map((x) => ({ turn: x.turn, note: `compound ${x.compound.toFixed(4)}` }))),
      s('style.agent_chars', chars, `${chars} characters over ${texts.length} agent turn(s)`),
    ];
  },
};
