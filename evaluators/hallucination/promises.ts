import { hasNegator } from '../nlp/negation.js';
import type { Claim } from './claims.js';
import { PROMISE_GRANTS, PROMISE_REFUSALS } from './lexicon.js';
import { availableAt, type Material } from './material.js';
import { contentWords } from './scope.js';

/**
 * A promise (a refund, a waiver, something free, a guarantee, compensation, a price match) is supported only when
 * the material grants it: a sentence of the brief or of a read-tool result that uses the promise's words without a
 * negator ("Unworn items can be returned within 30 days for a full refund"). For "free X" the granting sentence must
 * also name X. A material sentence that refuses it ("non-refundable", "fees are not waived") makes it contradicted.
 * The customer's words never grant anything.
 */

export interface PromiseResult {
  verdict: 'supported' | 'unsupported' | 'contradicted';
  note: string;
  ref?: string;
}

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+|\n+|;\s*/).map((s) => s.trim()).filter(Boolean);

export function checkPromise(c: Extract<Claim, { kind: 'promise' }>, m: Material): PromiseResult {
  const type = c.value;
  const grant = PROMISE_GRANTS[type];
  const refuse = PROMISE_REFUSALS[type];
  const objectWords = c.object ? contentWords(c.object) : new Set<string>();
  const segs = m.segments.filter((s) => s.origin !== 'customer' && availableAt(c.turn)(s));
  let refusal: { ref: string; sentence: string } | undefined;
  for (const seg of segs) {
    for (const sentence of sentencesOf(seg.text)) {
      if (refuse.test(sentence)) { refusal ??= { ref: seg.ref, sentence }; continue; }
      if (!grant.test(sentence) || hasNegator(sentence)) continue;
      if (objectWords.size && ![...contentWords(sentence)].some((w) => objectWords.has(w))) continue;
      return { verdict: 'supported', note: `granted: "${sentence.slice(0, 100)}"`, ref: seg.ref };
    }
  }
  if (refusal) return { verdict: 'contradicted', note: `the material refuses it: "${refusal.sentence.slice(0, 100)}"`, ref: refusal.ref };
  return { verdict: 'unsupported', note: `no ${type === 'free' ? `free ${c.object ?? 'item'}` : type} granted in the material` };
}
