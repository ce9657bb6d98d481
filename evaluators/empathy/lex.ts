import type { ResolvedScenario } from '../../src/plan/material.js';
import type { EmotionLabel } from '../../src/schema/scenario.js';
import type { Evaluator, Evidence, MetricInfo } from '../../src/score/types.js';
import { fallbackLabel } from '../../src/score/types.js';
import { agentTexts, notScorable } from '../resolution/transcript.js';
import { emotionalExchanges, intensityWeighted, type EmotionalExchange } from './emotional-turns.js';
import {
  ACTION_PHRASES, DISMISSIVE, EMOTION_FAMILIES, EX_QUESTION, ISSUE_NOUNS, LABEL_FAMILY, MARKERS, MECHANISMS, familiesIn,
  normaliseText, sentences, type EmotionFamily, type Mechanism,
} from './lexicon.js';
import { scorer } from '../nlp/score.js';

const ID = 'empathy-lex';
const VERSION = 1;
const LABEL = fallbackLabel(ID, VERSION);

const METRICS = [
  { id: 'empathy.lex', family: 'empathy', title: 'Empathy (lexicon fallback)', unit: 'score', direction: 'higher-better', description: 'EPITOME-shaped (ER+IP+EX)/6 from marker phrases on replies to emotional customer turns (intensity >= 4), intensity-weighted. A weak deterministic proxy; never mixed with judge scores.' },
  { id: 'empathy.dismissive', family: 'empathy', title: 'Dismissive phrasing', unit: 'rate', direction: 'lower-better', description: 'Any agent turn uses a dismissive phrase ("calm down", "as I said", "nothing we can do", "you should have").' },
  { id: 'empathy.next_step', family: 'empathy', title: 'Empathy with a next step', unit: 'rate', direction: 'higher-better', description: 'Share of empathic replies (any marker) to emotional turns that also give a concrete next step: a tool call or an action phrase.' },
] satisfies MetricInfo[];

export interface MechanismLevel { level: 0 | 1 | 2; quote?: string; why?: string }
export type LexTurn = Record<Mechanism, MechanismLevel>;

function matchesMechanism(m: Mechanism, sentence: string): boolean {
  if (MARKERS[m].some((re) => re.test(sentence))) return true;
  return m === 'ex' && sentence.endsWith('?') && EX_QUESTION.second.test(sentence) && EX_QUESTION.topic.test(sentence);
}

const hasWord = (text: string, word: string): boolean => new RegExp(`\\b${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`).test(text);

/** What counts as "specific" in this exchange: the customer's emotion families and the issue entities they named. */
export interface Specifics { families: Set<EmotionFamily>; entities: string[] }

export function specificsFor(x: Pick<EmotionalExchange, 'customerText' | 'emotion'>, r: ResolvedScenario): Specifics {
  const scenarioEntities = [...r.scenario.orders.flatMap((o) => [o.id, ...o.items]), ...r.catalog.map((c) => c.name)];
  return specificsFromText(x.customerText, x.emotion.label, scenarioEntities);
}

/** Scenario entities (order ids, product names) and issue nouns count only when the customer's turn names them. */
export function specificsFromText(customerText: string, label: EmotionLabel, scenarioEntities: string[] = []): Specifics {
  const families = familiesIn(customerText);
  const fromLabel = LABEL_FAMILY[label];
  if (fromLabel) families.add(fromLabel);
  const customer = normaliseText(customerText);
  const entities = [...scenarioEntities, ...ISSUE_NOUNS].filter((e) => e.length >= 3 && hasWord(customer, normaliseText(e)));
  return { families, entities };
}

/** EPITOME-shaped levels: 0 no marker; 1 generic marker; 2 marker in a sentence that mirrors the emotion or names the issue. */
export function lexLevels(reply: string, spec: Specifics): LexTurn {
  const sents = sentences(normaliseText(reply));
  const out = {} as LexTurn;
  for (const m of MECHANISMS) {
    const hits = sents.filter((s) => matchesMechanism(m, s));
    if (!hits.length) { out[m] = { level: 0 }; continue; }
    let best: MechanismLevel = { level: 1, quote: hits[0]!, why: 'generic marker' };
    for (const s of hits) {
      const fam = [...spec.families].find((f) => familiesIn(s).has(f));
      const ent = spec.entities.find((e) => hasWord(s, normaliseText(e)));
      if (fam || ent) { best = { level: 2, quote: s, why: fam ? `mirrors ${fam} (${EMOTION_FAMILIES[fam][0]}…)` : `names the issue: ${ent}` }; break; }
    }
    out[m] = best;
  }
  return out;
}

export const lexTotal = (t: LexTurn): number => t.er.level + t.ip.level + t.ex.level;

export function nextStepIn(reply: string, toolCallNames: string[]): string | null {
  if (toolCallNames.length) return `tool call ${toolCallNames.join(', ')}`;
  const t = normaliseText(reply);
  for (const re of ACTION_PHRASES) {
    const m = re.exec(t);
    if (m) return `"${m[0]}"`;
  }
  return null;
}

export const empathyLexEvaluator: Evaluator = {
  id: ID,
  version: VERSION,
  description: 'Deterministic empathy fallback (methods.md §3.3): marker levels, dismissive phrasing, empathy followed by action.',
  metrics: METRICS,
  score: async (c, r) => {
    const s = scorer(LABEL);
    const why = notScorable(c);
    if (why) return METRICS.map((m) => s(m.id, null, why));

    const texts = agentTexts(c);
    const dismissive = texts.flatMap((t) => {
      const hit = DISMISSIVE.map((re) => re.exec(normaliseText(t.text))).find((m) => m !== null);
      return hit ? [{ turn: t.turn, quote: hit[0] }] : [];
    });
    const dismissiveScore = texts.length
      ? s('empathy.dismissive', dismissive.length ? 1 : 0, dismissive.length ? `dismissive phrasing in ${dismissive.length} agent turn(s)` : 'no dismissive phrasing', dismissive)
      : s('empathy.dismissive', null, 'the agent wrote no text');

    const emotional = emotionalExchanges(c, r);
    if (!emotional.length) {
      const none = 'no customer turn with annotated emotion intensity >= 4 in this transcript';
      return [s('empathy.lex', null, none), dismissiveScore, s('empathy.next_step', null, none)];
    }
    const perTurn = emotional.map((x) => {
      const levels = lexLevels(x.replyText, specificsFor(x, r));
      const step = nextStepIn(x.replyText, x.toolCalls.map((t) => t.name));
      return { x, levels, total: lexTotal(levels), step };
    });
    const lex = intensityWeighted(perTurn.map((p) => ({ weight: p.x.emotion.intensity, value: p.total / 6 })));
    const lexEvidence: Evidence[] = perTurn.map((p) => ({
      turn: p.x.agentTurns[0] ?? p.x.customerTurn,
      quote: [p.levels.er.quote, p.levels.ip.quote, p.levels.ex.quote].filter(Boolean).join(' | ') || undefined,
      note: `customer ${p.x.emotion.label} ${p.x.emotion.intensity}/10 (${p.x.mapping}); ER ${p.levels.er.level} IP ${p.levels.ip.level} EX ${p.levels.ex.level}`
        + MECHANISMS.filter((m) => p.levels[m].level === 2).map((m) => `; ${m.toUpperCase()} 2: ${p.levels[m].why}`).join(''),
    }));
    const empathic = perTurn.filter((p) => p.total > 0);
    const withStep = empathic.filter((p) => p.step !== null);
    return [
      s('empathy.lex', lex, `${perTurn.length} emotional turn(s); intensity-weighted (ER+IP+EX)/6 from marker phrases (fallback, not a judge)`, lexEvidence),
      dismissiveScore,
      empathic.length
        ? s('empathy.next_step', withStep.length / empathic.length, `${withStep.length}/${empathic.length} empathic replies give a concrete next step`,
          empathic.map((p) => ({ turn: p.x.agentTurns[0] ?? p.x.customerTurn, note: p.step ? `next step: ${p.step}` : 'empathy without a next step' })))
        : s('empathy.next_step', null, 'no empathic reply to an emotional turn, so nothing to align with action'),
    ];
  },
};
