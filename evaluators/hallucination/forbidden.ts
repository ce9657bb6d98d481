import type { ResolvedScenario } from '../../src/plan/material.js';
import { negatedOutside } from '../nlp/lexicon.js';
import { allHits, escapeRe } from '../nlp/patterns.js';
import type { AgentText } from '../nlp/reading.js';
import { sentenceAt } from '../nlp/wink.js';

export interface ForbiddenHit {
  claimId: string;
  turn: number;
  phrase: string;
  sentence: string;
}

/**
 * judging.forbiddenClaims phrases in agent turns. A negator elsewhere in the clause cancels the match ("we can't
 * promise a refund within 24 hours"); negators inside the phrase itself are part of the claim ("no questions asked").
 */
const compiled = new WeakMap<ResolvedScenario, { id: string; res: RegExp[] }[]>();

function patternsOf(r: ResolvedScenario): { id: string; res: RegExp[] }[] {
  let c = compiled.get(r);
  if (!c) {
    c = r.scenario.judging.forbiddenClaims.map((claim) => ({
      id: claim.id,
      res: claim.anyOf.map((p) => new RegExp(`(?<![a-z0-9])${escapeRe(p.trim()).replace(/\s+/g, '\\s+')}(?![a-z0-9])`, 'gi')),
    }));
    compiled.set(r, c);
  }
  return c;
}

export function findForbidden(agent: AgentText[], r: ResolvedScenario): ForbiddenHit[] {
  const out: ForbiddenHit[] = [];
  for (const { id, res } of patternsOf(r)) {
    for (const t of agent) {
      for (const re of res) {
        for (const h of allHits(re, t.text)) {
          if (negatedOutside(t.analysis, h.start, h.end, 'clause')) continue;
          out.push({ claimId: id, turn: t.turn, phrase: h.raw, sentence: sentenceAt(t.analysis, h.start).text });
        }
      }
    }
  }
  return out;
}
