import type { Evaluator, Evidence, MetricInfo, Score } from '../../src/score/types.js';
import { fallbackLabel } from '../../src/score/types.js';
import { agentTexts, notScorable } from '../resolution/transcript.js';
import { scorer, type MetricIdOf } from '../nlp/score.js';
import { levelsOf, type Levels } from './detectors.js';
import { emotionalExchanges, intensityWeighted, type EmotionalExchange } from './emotional-turns.js';
import { ACTION_PHRASES, DISMISSIVE } from './lexicon.js';
import { MECHANISMS, MECHANISM_NAMES, type Mechanism } from './mechanism.js';
import { DETECTOR_VERSION, DOC, mechanismStatus, readCalibration, screenOf } from './status.js';
import { normaliseText } from './text.js';

/**
 * Deterministic empathy screen: one EPITOME mechanism per metric (empathy.er / .ip / .ex, the ids the judge
 * calibration uses for the same mechanisms), their composite empathy.lex, dismissive phrasing and empathy followed
 * by a next step. Every metric carries `screen` unless calibration.json holds a passing human-label measurement.
 */

const ID = 'empathy-lex';
const LABEL = fallbackLabel(ID, DETECTOR_VERSION);

const status = (() => {
  const cal = readCalibration();
  return Object.fromEntries(MECHANISMS.map((m) => [m, mechanismStatus(m, cal)])) as Record<Mechanism, ReturnType<typeof mechanismStatus>>;
})();

const UNMEASURED = `unvalidated screen: no calibration path measures it against human labels; see ${DOC}`;
const compositeScreen = MECHANISMS.every((m) => status[m].validated) ? undefined
  : `unvalidated screen: the sum of ER, IP and EX, and not every mechanism is validated against human labels; see ${DOC}`;

const withScreen = <const M extends MetricInfo>(info: M, screen: string | undefined): M => (screen ? { ...info, screen } : info);

const MECHANISM_METRICS = MECHANISMS.map((m) => withScreen({
  id: `empathy.${m}` as const, family: 'empathy', title: `Empathy: ${MECHANISM_NAMES[m]} (deterministic)`, unit: 'score', direction: 'higher-better',
  description: `EPITOME ${m.toUpperCase()} level 0/1/2 per reply to an emotional customer turn (intensity >= 4), /2, intensity-weighted over the conversation; rules in ${DOC}.`,
}, screenOf(status[m])));

const METRICS = [
  ...MECHANISM_METRICS,
  withScreen({ id: 'empathy.lex', family: 'empathy', title: 'Empathy (deterministic composite)', unit: 'score', direction: 'higher-better', description: '(ER+IP+EX)/6 from the three deterministic mechanism detectors on replies to emotional customer turns (intensity >= 4), intensity-weighted. Never mixed with judge scores.' }, compositeScreen),
  withScreen({ id: 'empathy.dismissive', family: 'empathy', title: 'Dismissive phrasing', unit: 'rate', direction: 'lower-better', description: 'Any agent turn uses a dismissive phrase ("calm down", "as I said", "nothing we can do", "you should have").' }, UNMEASURED),
  withScreen({ id: 'empathy.next_step', family: 'empathy', title: 'Empathy with a next step', unit: 'rate', direction: 'higher-better', description: 'Share of empathic replies (any mechanism above 0) to emotional turns that also give a concrete next step: a tool call or an action phrase.' }, UNMEASURED),
] satisfies MetricInfo[];
type EmpathyLexMetric = MetricIdOf<typeof METRICS>;

export function nextStepIn(reply: string, toolCallNames: string[]): string | null {
  if (toolCallNames.length) return `tool call ${toolCallNames.join(', ')}`;
  const t = normaliseText(reply);
  for (const re of ACTION_PHRASES) {
    const m = re.exec(t);
    if (m) return `"${m[0]}"`;
  }
  return null;
}

const total = (l: Levels): number => l.er.level + l.ip.level + l.ex.level;

interface Rated { x: EmotionalExchange; levels: Levels; step: string | null }
const turnOf = (p: Rated): number => p.x.agentTurns[0] ?? p.x.customerTurn;
const who = (p: Rated): string => `customer ${p.x.emotion.label} ${p.x.emotion.intensity}/10 (${p.x.mapping})`;

function mechanismScore(s: ReturnType<typeof scorer<EmpathyLexMetric>>, m: Mechanism, rated: Rated[]): Score {
  const value = intensityWeighted(rated.map((p) => ({ weight: p.x.emotion.intensity, value: p.levels[m].level / 2 })));
  const evidence: Evidence[] = rated.map((p) => ({
    turn: turnOf(p),
    ...(p.levels[m].quote ? { quote: p.levels[m].quote } : {}),
    note: `${who(p)}; ${m.toUpperCase()} ${p.levels[m].level}${p.levels[m].why ? `: ${p.levels[m].why}` : ''}`,
  }));
  return s(`empathy.${m}`, value, `${rated.length} emotional turn(s); intensity-weighted ${m.toUpperCase()} level/2 (deterministic screen, not a judge)`, evidence);
}

function dismissiveScore(s: ReturnType<typeof scorer<EmpathyLexMetric>>, texts: { turn: number; text: string }[]): Score {
  if (!texts.length) return s('empathy.dismissive', null, 'the agent wrote no text');
  const hits = texts.flatMap((t) => {
    const hit = DISMISSIVE.map((re) => re.exec(normaliseText(t.text))).find((m) => m !== null);
    return hit ? [{ turn: t.turn, quote: hit[0] }] : [];
  });
  return s('empathy.dismissive', hits.length ? 1 : 0, hits.length ? `dismissive phrasing in ${hits.length} agent turn(s)` : 'no dismissive phrasing', hits);
}

export const empathyLexEvaluator: Evaluator = {
  id: ID,
  version: DETECTOR_VERSION,
  description: `Deterministic EPITOME screen (${DOC}): ER, IP and EX levels per reply, dismissive phrasing, empathy followed by action.`,
  metrics: METRICS,
  score: async (c, r) => {
    const s = scorer<EmpathyLexMetric>(LABEL);
    const why = notScorable(c);
    if (why) return METRICS.map((m) => s(m.id, null, why));
    const dismissive = dismissiveScore(s, agentTexts(c));
    const emotional = emotionalExchanges(c, r);
    if (!emotional.length) {
      const none = 'no customer turn with annotated emotion intensity >= 4 in this transcript';
      return METRICS.map((m) => (m.id === 'empathy.dismissive' ? dismissive : s(m.id, null, none)));
    }
    const rated: Rated[] = emotional.map((x) => ({
      x,
      levels: levelsOf({ customer: x.customerText, reply: x.replyText }),
      step: nextStepIn(x.replyText, x.toolCalls.map((t) => t.name)),
    }));
    const lex = intensityWeighted(rated.map((p) => ({ weight: p.x.emotion.intensity, value: total(p.levels) / 6 })));
    const empathic = rated.filter((p) => total(p.levels) > 0);
    const withStep = empathic.filter((p) => p.step !== null);
    return [
      ...MECHANISMS.map((m) => mechanismScore(s, m, rated)),
      s('empathy.lex', lex, `${rated.length} emotional turn(s); intensity-weighted (ER+IP+EX)/6 from the mechanism detectors (deterministic screen, not a judge)`,
        rated.map((p) => ({ turn: turnOf(p), note: `${who(p)}; ER ${p.levels.er.level} IP ${p.levels.ip.level} EX ${p.levels.ex.level}` }))),
      dismissive,
      empathic.length
        ? s('empathy.next_step', withStep.length / empathic.length, `${withStep.length}/${empathic.length} empathic replies give a concrete next step`,
          empathic.map((p) => ({ turn: turnOf(p), note: p.step ? `next step: ${p.step}` : 'empathy without a next step' })))
        : s('empathy.next_step', null, 'no empathic reply to an emotional turn, so nothing to align with action'),
    ];
  },
};
