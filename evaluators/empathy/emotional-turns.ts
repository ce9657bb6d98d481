import type { Conversation } from '../../src/core/conversation.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import type { CustomerTurn } from '../../src/schema/scenario.js';
import { exchanges, type Exchange } from '../resolution/transcript.js';

/** Customer turns at or above this annotated intensity call for an empathic reply. */
export const EMOTIONAL_INTENSITY = 4;

export interface EmotionalExchange extends Exchange {
  emotion: CustomerTurn['emotion'];
  /** How the transcript turn was tied to its scripted annotation. */
  mapping: 'text' | 'position';
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Ties each customer turn of the transcript to the scenario's emotion annotation: by identical text (scripted mode,
 * variant applied), else by position (simulated customers rephrase but follow the scripted arc).
 */
export function annotatedExchanges(c: Conversation, r: ResolvedScenario): EmotionalExchange[] {
  const scripted = r.scenario.customer.turns;
  return exchanges(c).flatMap((x): EmotionalExchange[] => {
    const byText = scripted.find((t) => norm(t.text) === norm(x.customerText));
    if (byText) return [{ ...x, emotion: byText.emotion, mapping: 'text' }];
    const byPos = scripted[x.ordinal];
    return byPos ? [{ ...x, emotion: byPos.emotion, mapping: 'position' }] : [];
  });
}

export function emotionalExchanges(c: Conversation, r: ResolvedScenario): EmotionalExchange[] {
  return annotatedExchanges(c, r).filter((x) => x.emotion.intensity >= EMOTIONAL_INTENSITY);
}

/** Intensity-weighted mean: a reply to a furious customer counts more than one to a mildly annoyed one. */
export function intensityWeighted(items: { weight: number; value: number }[]): number | null {
  const w = items.reduce((a, x) => a + x.weight, 0);
  return w > 0 ? items.reduce((a, x) => a + x.weight * x.value, 0) / w : null;
}
