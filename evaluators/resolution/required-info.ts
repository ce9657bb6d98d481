import type { Conversation } from '../../src/core/conversation.js';
import type { Scenario } from '../../src/schema/scenario.js';
import type { Evidence } from '../../src/score/types.js';
import { agentTexts } from './transcript.js';

/** τ-bench's output check: case-insensitive, commas removed (so "$1,200" matches "1200"). */
export const normaliseForMatch = (s: string): string => s.toLowerCase().replace(/,/g, '').replace(/\s+/g, ' ');

export interface RequiredInfoVerdict {
  given: string[];
  missing: string[];
  evidence: Evidence[];
}

export function checkRequiredInfo(items: Scenario['judging']['requiredInfo'], c: Conversation): RequiredInfoVerdict {
  const texts = agentTexts(c).map((t) => ({ ...t, norm: normaliseForMatch(t.text) }));
  const given: string[] = [];
  const missing: string[] = [];
  const evidence: Evidence[] = [];
  for (const item of items) {
    let found: Evidence | undefined;
    for (const phrase of item.anyOf) {
      const p = normaliseForMatch(phrase).trim();
      const t = texts.find((x) => x.norm.includes(p));
      if (t) { found = { turn: t.turn, quote: phrase, note: `required info ${item.id}` }; break; }
    }
    if (found) { given.push(item.id); evidence.push(found); } else missing.push(item.id);
  }
  return { given, missing, evidence };
}
