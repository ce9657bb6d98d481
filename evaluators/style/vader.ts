import { vaderLexicon } from './vader-lexicon.js';
import {
  ALPHA, BOOST, BOOSTERS, CAPS_BOOST, DAMPENER_PAIRS, EDGE_PUNCTUATION, IDIOMS, NEGATE_SCALAR,
  isAllCaps, isAsciiPunctuation, isNegation, isWhitespace,
} from './vader-rules.js';

/*
 * Our own implementation of the VADER compound score (Hutto & Gilbert 2014), reproducing vader-sentiment 1.1.3
 * exactly, quirks included. Why not call the package: it rebuilds a map of every word x 17 punctuation strings for
 * each text and computes neg/neu/pos we never use; it cost ~0.27 ms per reply, the largest single cost of the scoring
 * worker. This tokenises once and strips edge punctuation per token: on the judge-reference agent replies
 * (144 chars mean) ~6-7 µs per call against ~140-225 µs for the package, 24-34x over four runs (scripts/bench/vader.ts).
 * tests/evaluators/style/vader.test.ts checks it against the package's `polarity_scores(text).compound` on every
 * bundled text, edge cases for each rule and a seeded fuzz.
 */

/** What the port keeps of a token: one listed punctuation run stripped from one end, else the token unchanged. */
function bareToken(token: string): string {
  const len = token.length;
  let lead = 0;
  while (lead < len && isAsciiPunctuation(token.charCodeAt(lead))) lead++;
  if (lead === len) return token;
  let trail = len;
  while (isAsciiPunctuation(token.charCodeAt(trail - 1))) trail--;
  if ((lead === 0) === (trail === len)) return token; // no edge punctuation, or punctuation at both ends
  if (trail - lead < 2) return token;
  for (let k = lead + 1; k < trail - 1; k++) if (isAsciiPunctuation(token.charCodeAt(k))) return token;
  return EDGE_PUNCTUATION.has(lead > 0 ? token.slice(0, lead) : token.slice(trail)) ? token.slice(lead, trail) : token;
}

/** Idiom valence of words[start .. start+len) if that sequence is an idiom. */
function idiomAt(words: readonly string[], start: number, len: number): number | undefined {
  const candidates = IDIOMS.get(words[start]!);
  if (!candidates) return undefined;
  for (const { rest, valence } of candidates) {
    if (rest.length !== len - 1) continue;
    let k = 0;
    while (k < rest.length && rest[k] === words[start + 1 + k]) k++;
    if (k === rest.length) return valence;
  }
  return undefined;
}

/** Idioms around a sentiment word at i (i >= 3), then the "kind of"-style two-token dampeners before it. */
function applyIdioms(words: readonly string[], i: number, valence: number): number {
  // Preceding sequences, first match wins: (i-1,i), (i-2..i), (i-2,i-1), (i-3..i-1), (i-3,i-2).
  const before = idiomAt(words, i - 1, 2) ?? idiomAt(words, i - 2, 3) ?? idiomAt(words, i - 2, 2) ?? idiomAt(words, i - 3, 3) ?? idiomAt(words, i - 3, 2);
  let v = before ?? valence;
  // Following sequences override: (i,i+1), then (i..i+2).
  if (i + 1 < words.length) v = idiomAt(words, i, 2) ?? v;
  if (i + 2 < words.length) v = idiomAt(words, i, 3) ?? v;
  if (DAMPENER_PAIRS.get(words[i - 3]!) === words[i - 2] || DAMPENER_PAIRS.get(words[i - 2]!) === words[i - 1]) v += -BOOST;
  return v;
}

const soThis = (w: string | undefined): boolean => w === 'so' || w === 'this';

/** Valence of the sentiment word at i (base = its lexicon value), modified by the up to three words before it. */
function wordValence(words: readonly string[], lower: readonly string[], lexical: readonly (number | undefined)[], caps: readonly boolean[], capsDiffer: boolean, leastIsLexical: boolean, i: number, base: number): number {
  let v = base;
  if (capsDiffer && caps[i]) v = v > 0 ? v + CAPS_BOOST : v - CAPS_BOOST;
  for (let d = 1; d <= 3 && d <= i; d++) {
    const j = i - d;
    if (lexical[j] !== undefined) continue; // a sentiment word neither boosts nor negates
    // Booster/dampener at distance d (its sign follows the valence so far; ALL-CAPS adds emphasis), damped by distance.
    let s = 0;
    const boost = BOOSTERS.get(lower[j]!);
    if (boost !== undefined) {
      s = v < 0 ? -boost : boost;
      if (capsDiffer && caps[j]) s = v > 0 ? s + CAPS_BOOST : s - CAPS_BOOST;
      if (d === 2) s *= 0.95;
      else if (d === 3) s *= 0.9;
    }
    v += s;
    // Negation at distance d; "never so/this <word>" amplifies instead.
    if (d === 1) {
      if (isNegation(words[j]!)) v *= NEGATE_SCALAR;
    } else if (d === 2) {
      if (words[i - 2] === 'never' && soThis(words[i - 1])) v *= 1.5;
      else if (isNegation(words[j]!)) v *= NEGATE_SCALAR;
    } else {
      if ((words[i - 3] === 'never' && soThis(words[i - 2])) || soThis(words[i - 1])) v *= 1.25;
      else if (isNegation(words[j]!)) v *= NEGATE_SCALAR;
      v = applyIdioms(words, i, v);
    }
  }
  // "least <word>" negates, except in "at least" / "very least".
  if (i > 0 && !leastIsLexical && lower[i - 1] === 'least' && !(i > 1 && (lower[i - 2] === 'at' || lower[i - 2] === 'very'))) v *= NEGATE_SCALAR;
  return v;
}

/** VADER compound in [-1, 1]. Tone only: an empathic apology scores negative, so this is never an empathy measure. */
export const vaderCompound = (text: string): number => {
  const lexicon = vaderLexicon();
  // Tokenise on JS whitespace, keep tokens of 2+ UTF-16 units, and count '!' and '?' over the whole text.
  const words: string[] = [];
  let exclamations = 0;
  let questions = 0;
  let start = 0;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 32;
    if (c === 33) exclamations++;
    else if (c === 63) questions++;
    else if ((c <= 32 || c >= 0xa0) && isWhitespace(c)) {
      if (k - start > 1) words.push(bareToken(text.slice(start, k)));
      start = k + 1;
    }
  }
  const n = words.length;
  if (n === 0) return 0;

  const lower = new Array<string>(n);
  const lexical = new Array<number | undefined>(n);
  const caps = new Array<boolean>(n);
  let capsCount = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const l = w.toLowerCase();
    lower[i] = l;
    lexical[i] = lexicon.get(l);
    caps[i] = isAllCaps(w);
    if (caps[i]) capsCount++;
  }
  const capsDiffer = capsCount > 0 && capsCount < n;
  const leastIsLexical = lexicon.has('least');

  // Contrastive "but" (exact "but", else "BUT"): sentiment before it counts half, after it one and a half.
  let but = words.indexOf('but');
  if (but < 0) but = words.indexOf('BUT');

  let sum = 0;
  for (let i = 0; i < n; i++) {
    const base = lexical[i];
    // Boosters and the "kind" of "kind of" carry no sentiment of their own; nor do words outside the lexicon.
    if (base === undefined || BOOSTERS.has(lower[i]!) || (i < n - 1 && lower[i] === 'kind' && lower[i + 1] === 'of')) continue;
    const v = wordValence(words, lower, lexical, caps, capsDiffer, leastIsLexical, i, base);
    sum += but < 0 || i === but ? v : i < but ? v * 0.5 : v * 1.5;
  }

  // Emphasis: up to four '!' (0.292 each) and two or more '?' (0.18 each, 0.96 from four on), away from zero.
  const amplifier = Math.min(exclamations, 4) * 0.292 + (questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0);
  if (sum > 0) sum += amplifier;
  else if (sum < 0) sum -= amplifier;
  const compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
  return parseFloat(compound.toFixed(4));
};
