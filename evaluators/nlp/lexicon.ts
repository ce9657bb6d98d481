import { NEGATORS } from './negation.js';
import { allHits } from './patterns.js';
import type { AgentText } from './reading.js';
import { sentenceAt, tokenAt, type TextAnalysis } from './wink.js';

/**
 * Phrase lexicons over agent turns with clause-scoped negation. `clause`: a negator anywhere in the clause outside
 * the phrase cancels it ("there's no rush" is not urgency). `before`: only a negator earlier in the clause cancels it
 * ("I'm an AI assistant and can't refund" still discloses). `none`: the phrase carries its own polarity ("I'm not a bot").
 */
export type NegationMode = 'clause' | 'before' | 'none';

export interface LexiconEntry {
  id: string;
  re: RegExp;
  negation: NegationMode;
}

export interface PhraseHit {
  entry: string;
  turn: number;
  start: number;
  end: number;
  match: string;
  sentence: string;
}

export function negatedOutside(a: TextAnalysis, start: number, end: number, mode: NegationMode): boolean {
  if (mode === 'none' || a.tokens.length === 0) return false;
  const first = tokenAt(a, start);
  const clause = a.tokens[first]?.clause;
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i];
    if (!t || t.clause !== clause || !NEGATORS.has(t.normal)) continue;
    const inside = t.start >= start && t.end <= end;
    if (inside) continue;
    if (mode === 'before' && t.start >= start) continue;
    return true;
  }
  return false;
}

export function matchLexicon(texts: AgentText[], entries: LexiconEntry[]): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (const t of texts) {
    for (const e of entries) {
      for (const h of allHits(e.re, t.text)) {
        if (negatedOutside(t.analysis, h.start, h.end, e.negation)) continue;
        out.push({ entry: e.id, turn: t.turn, start: h.start, end: h.end, match: h.raw, sentence: sentenceAt(t.analysis, h.start).text });
      }
    }
  }
  return out;
}
