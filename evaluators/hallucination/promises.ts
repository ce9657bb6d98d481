import type { Claim } from './claims.js';
import { memoByText } from '../nlp/memo.js';
import { PROMISE_GRANTS, PROMISE_REFUSALS, PROMISE_WORDS, type PromiseType } from './lexicon.js';
import { availableAt, type Material } from './material.js';
import { contentWords, GENERIC } from './scope.js';

/**
 * A promise (a refund, a waiver, something free, a guarantee, compensation, a price match) is supported only when
 * the material grants it: a sentence of the brief or of a read-tool result that uses the promise's words without a
 * negator and is about the same thing (it shares a content word with the promise's sentence, when that sentence
 * has any beyond the promise words and generic service verbs); on a tie, the grant wins. A material sentence about the same thing that refuses it ("non-refundable", "fees
 * are not waived") or prices it ("late check-out costs 25 EUR" against "late check-out is free") contradicts it.
 * The customer's words never grant anything.
 */

export interface PromiseResult {
  verdict: 'supported' | 'unsupported' | 'contradicted';
  note: string;
  ref?: string;
}

/**
 * Whether the grant word at `at` is negated in its clause of material text: "not", "never", "cannot" anywhere in
 * the clause, or a "no" that governs it ("no refunds", "no full refund"); a "no" elsewhere qualifies another noun
 * ("with no carrier scan ... we refund it in full").
 */
function negatedAround(sentence: string, at: number): boolean {
  const start = Math.max(0, ...[',', ';', ':', ' but '].map((d) => sentence.lastIndexOf(d, at) + 1));
  const ends = [',', ';', ':', ' but '].map((d) => sentence.indexOf(d, at)).filter((i) => i >= 0);
  const clause = sentence.slice(start, ends.length ? Math.min(...ends) : sentence.length);
  if (/\b(?:not|never|cannot|nothing|none|nor)\b|n['’]t\b/i.test(clause)) return true;
  const rel = at - start;
  return [...clause.matchAll(/\bno\b/gi)].some((m) => m.index <= rel && rel - m.index <= 20);
}

/** Where money goes back to and how a promise is delivered: never what is promised ("a full refund to your card"). */
const INCIDENTAL = /^(?:original|payment|method|card|account|bank|wallet|balance|email|confirmation|label|prepaid|receiv|promis|guarant|sorry|apolog|hassle|inconvenien|frustrat|understand)/;
const words = (t: string): Set<string> => contentWords(t, GENERIC, new RegExp(`${PROMISE_WORDS.source}|${INCIDENTAL.source}`));

/** A material text's sentences with their topic words, read once per text (material repeats across cells). */
const sentencesOf = memoByText((text: string): { sentence: string; words: Set<string> }[] => {
  // A policy's label ("Cancellation: ...") is the topic of every sentence under it.
  const label = /^([^:\n]{3,40}):\s/.exec(text)?.[1] ?? '';
  return text.split(/(?<=[.!?])\s+|\n+|;\s*/).map((x) => x.trim()).filter(Boolean).map((sentence) => ({ sentence, words: words(`${label} ${sentence}`) }));
});

/** Per promise type and material sentence: granted (not negated where the grant word sits), refused, or neither. */
const stance = memoByText((keyed: string): 'grant' | 'refuse' | 'none' => {
  const cut = keyed.indexOf('\u0000');
  const type = keyed.slice(0, cut) as PromiseType;
  const sentence = keyed.slice(cut + 1);
  if (PROMISE_REFUSALS[type].test(sentence)) return 'refuse';
  const g = PROMISE_GRANTS[type].exec(sentence);
  return g && !negatedAround(sentence, g.index) ? 'grant' : 'none';
});
const PRICED = /\b(?:fee|charge|charged|costs?|price|payable)\b|[$€£]\s?\d|\d\s?(?:[$€£]|EUR|USD|GBP)\b/i;
const cut = (t: string): string => (t.length > 100 ? `${t.slice(0, 99)}…` : t);

export function checkPromise(c: Extract<Claim, { kind: 'promise' }>, m: Material): PromiseResult {
  const type = c.value;
  // The clause says what is promised; a clause of promise words only ("free of charge") takes its sentence's topic
  // to rank material sentences.
  const clauseTopic = words(`${c.clause} ${c.object ?? ''}`);
  const topic = clauseTopic.size ? clauseTopic : words(c.sentence);
  const objectWords = words(c.object ?? '');
  let grant: { ref: string; sentence: string; score: number } | undefined;
  let refusal: { ref: string; sentence: string; score: number } | undefined;
  for (const seg of m.segments.filter((x) => x.origin !== 'customer' && availableAt(c.turn)(x))) {
    for (const { sentence, words: ws } of sentencesOf(seg.text)) {
      let score = 0;
      for (const w of ws) if (topic.has(w)) score++;
      const names = objectWords.size === 0 || [...ws].some((w) => objectWords.has(w));
      const st = stance(`${type}\u0000${sentence}`);
      const priced = (type === 'free' || type === 'waiver') && st === 'none' && names && score > 0 && PRICED.test(sentence) && !PROMISE_GRANTS[type].test(sentence);
      if (st === 'refuse' || priced) { if (!refusal || score > refusal.score) refusal = { ref: seg.ref, sentence, score }; continue; }
      if (st !== 'grant' || !names) continue;
      if (!grant || score > grant.score) grant = { ref: seg.ref, sentence, score };
    }
  }
  // A grant must share the clause's topic when the clause has one; the sentence's topic only finds refusals.
  const needsTopic = clauseTopic.size > 0;
  if (refusal && (refusal.score > 0 || !needsTopic) && (!grant || refusal.score > grant.score)) {
    return { verdict: 'contradicted', note: `the material says otherwise: "${cut(refusal.sentence)}"`, ref: refusal.ref };
  }
  if (grant && (grant.score > 0 || !needsTopic)) return { verdict: 'supported', note: `granted: "${cut(grant.sentence)}"`, ref: grant.ref };
  return { verdict: 'unsupported', note: `no ${type === 'free' ? `free ${c.object ?? 'item'}` : type} granted in the material${grant ? ' for this' : ''}` };
}
