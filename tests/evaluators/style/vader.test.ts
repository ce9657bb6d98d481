import vader from 'vader-sentiment';
import { describe, expect, it } from 'vitest';
import { vaderLexicon } from '../../../evaluators/style/vader-lexicon.js';
import { vaderCompound } from '../../../evaluators/style/vader.js';
import { seededRandom } from '../../../src/core/seeded-random.js';
import { bundledTexts } from './bundled-texts.js';

/**
 * Our VADER compound must equal the vader-sentiment package's, bit for bit (both round with toFixed(4); `toBe` also
 * tells -0 from 0), on every text the project bundles, on edge cases of each rule, and on a seeded fuzz.
 */
const reference = (text: string): number => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;

function mismatches(texts: Iterable<string>): Array<{ text: string; library: number; ours: number }> {
  const out: Array<{ text: string; library: number; ours: number }> = [];
  for (const text of texts) {
    const library = reference(text);
    const ours = vaderCompound(text);
    if (!Object.is(library, ours)) out.push({ text, library, ours });
  }
  return out;
}

// ---- (1) bundled texts: tests/evaluators/style/bundled-texts.ts -------------------------------------------------

// ---- (2) edge cases, at least one per rule ----------------------------------------------------------------------

const EDGE_CASES = [
  // empty, whitespace, punctuation only, numbers, unicode
  '', ' ', 'a', '!', '!!!!', '??', '?!?!', '...', '- -', '123', '3.14 is good', '2g2b4g', 'good 10/10',
  'café is good', 'naïve GOOD', 'ÉCOLE good', '😀 good 😡', 'good\u00a0bad', 'good\u2003great', 'good\ufeffbad', 'good\u200bbad',
  'good\u180ebad', 'good\tbad\nhappy\r\nsad', 'İstanbul is nice', 'ǅ good',
  // lexicon words, emoticons and lexicon entries with punctuation
  'good', 'Good', 'bad', ':)', ':(', ':-)', ':D', ':d', ':P', '<3', '</3', 'i am happy :)', 'that is sad :(', "can't stand it", 'fed up',
  'screwed up', '( \'}{\' ) hi', 'O.o', 'o_O', 'xoxo', 'lol', 'wtf', 'no', 'no good', 'constructor', 'hasOwnProperty', '__proto__ good',
  // leading/trailing punctuation
  '(great)', 'great)', '(great', 'good.', 'good!!', 'good!!!', 'good!!!!', '!!!good', '...good', '"good"', "'good'", 'good,', ',good',
  'good;', 'good:', 'good-', '-good', 'good?!?', 'good!?!?', 'good?!', "don't.", "isn't, good", 'go-od.', 'a.', '.ab', 'g.', 'GOOD.',
  'GOOD. ok', ':)good', 'good:)', 'good!!!!!', 'good?', 'good??', 'good???', 'good????', 'good!?', 'not.good', 'not, good', '"not" good',
  // ALL-CAPS emphasis (only when the text mixes case)
  'GOOD', 'GOOD DAY', 'GOOD day', 'this is GOOD', 'this is BAD', 'VERY good', 'VERY GOOD', 'very GOOD', 'VERY good SERVICE', 'I :) GOOD',
  'HELLO GOOD', 'It was SO GOOD', 'KIND OF good', 'NOT good', 'NOT GOOD at all', "DON'T like it", "DON'T LIKE it",
  // boosters and dampeners, distance damping
  'very good', 'really very good', 'extremely really very good', 'extremely x very good', 'very x x good', 'very x x x good',
  'barely good', 'slightly bad', 'kinda good', 'sorta bad', 'kind-of good', 'sort-of nice', 'very bad', 'really bad day', 'more better',
  'little bad', 'hardly great', 'so so good', 'absolutely fucking amazing', 'Very good', 'VERY BAD', 'so', 'very',
  // negation
  'not good', 'not bad', 'not very good', 'not very bad', "isn't bad", "isn't good", 'is not good', 'not x good', 'not x x good',
  'not x x x good', "wasn't very good", "didn't really like it", 'never good', 'without love', 'nothing good', 'none good', 'nor happy',
  'uh-uh good', "ain't bad", 'aint bad', 'cannot love', 'despite problems', 'seldom happy', 'rarely sad', "haven't loved",
  "won't hate", "Don't like", "don't like", 'Not good', 'no no good', 'not not good',
  // never so / never this
  'never so good', 'never this good', 'never so bad', 'never so x good', 'never x so good', 'x never so good', 'never this x good',
  'Never so good', 'never So good', 'so good', 'this good', 'x so good', 'so x good', 'this x good',
  // least
  'least good', 'the least good', 'at least good', 'very least good', 'At Least good', 'LEAST good', 'not least good', 'least',
  // without doubt
  'without doubt good', 'without doubt', 'it is without doubt the best', 'without a doubt great', 'doubt',
  // but
  'good but bad', 'bad but good', 'good BUT bad', 'good But bad', 'good but, bad', 'good, but bad', 'good but bad but great',
  'good BUT bad but great', 'but good', 'good but', 'happy happy but sad sad', 'I love it but it broke',
  // kind of
  'kind of good', 'kind of bad', 'Kind Of good', 'kind of', 'kind', 'kind good', 'it is kind of x good', 'kind of x x good',
  'x kind of good', 'x x kind of good', 'sort of good', 'x sort of good', 'x just enough good', 'x x just enough good', 'just enough love',
  // idioms
  'the shit', 'x x the shit', 'this movie is the shit', 'x x x the bomb', 'that was the bomb', 'it is bad ass', 'x x bad ass',
  'yeah right', 'x x yeah right', 'x x x yeah right ok', 'x yeah right ok', 'x x x cut the mustard', 'x x cut the mustard',
  'x x x kiss of death', 'x x x hand to mouth', 'living hand to mouth', 'x x x The bomb', 'x x x the Bomb',
  'good x x x the shit', 'x x x yeah right', 'a b c kiss of death x', 'x x the shit happy',
  // punctuation emphasis
  'good!', 'good!!', 'good!!!', 'good!!!!', 'good!!!!!', 'bad!!!', 'good ! ! ! ! !', 'good?', 'good??', 'good???', 'good????',
  'bad???', 'good ? ?', 'x!!!', 'x??', 'good!?!?!?', 'bad!?', 'ok ok!!',
  // near-zero sums (float cancellation, negative zero after rounding)
  'good bad', 'sad happy', 'good sad', 'love hate', 'okay bad good', 'good bad!', 'good bad??', 'hate love!!', 'not good not bad',
  'aas bfd ayc', 'aas bfd ayc!', 'aas afu fysa', 'aas afu fysa??', 'aas btd grrr!!!', // float residue: -0, then amplified
];

// ---- (3) seeded fuzz --------------------------------------------------------------------------------------------

function fuzzSentences(count: number, seed: number): string[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const lexiconWords = [...vaderLexicon().keys()];
  const boosters = ['very', 'really', 'extremely', 'so', 'most', 'more', 'totally', 'uber', 'barely', 'slightly', 'kinda', 'sorta', 'kind-of', 'little', 'hardly', 'quite'];
  const negations = ['not', "isn't", "don't", 'never', 'without', 'nothing', 'nor', 'cannot', 'aint', "wasn't", "n't", "can't", 'uh-uh', 'despite', 'seldom'];
  const rules = ['but', 'but', 'BUT', 'But', 'kind', 'of', 'sort', 'just', 'enough', 'least', 'at', 'very', 'so', 'this', 'never', 'the', 'shit', 'bomb', 'bad', 'ass', 'yeah', 'right', 'cut', 'mustard', 'kiss', 'death', 'hand', 'to', 'mouth', 'doubt', 'without'];
  const neutral = ['the', 'order', 'refund', 'i', 'a', 'we', 'is', 'it', 'your', 'x', '42', '3.5', 'A100', 'café', '😀', 'ok'];
  const affixes = ['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?', '....', '(', ')', '!!!!', '*', '?!', '...', ':)'];
  const separators = [' ', ' ', ' ', ' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u180e', '\u200b'];
  const out: string[] = [];
  for (let s = 0; s < count; s++) {
    const mixedCase = rand() < 0.3;
    const length = 1 + Math.floor(rand() * 14);
    let text = '';
    for (let w = 0; w < length; w++) {
      const r = rand();
      let word = r < 0.35 ? pick(lexiconWords) : r < 0.5 ? pick(boosters) : r < 0.65 ? pick(negations) : r < 0.85 ? pick(rules) : pick(neutral);
      if (mixedCase) {
        const c = rand();
        if (c < 0.3) word = word.toUpperCase();
        else if (c < 0.45) word = word[0]!.toUpperCase() + word.slice(1);
      }
      const p = rand();
      if (p < 0.12) word += pick(affixes);
      else if (p < 0.2) word = pick(affixes) + word;
      else if (p < 0.23) word = pick(affixes) + word + pick(affixes);
      else if (p < 0.26) word = pick(affixes);
      text += (w ? pick(separators) : '') + word;
    }
    if (rand() < 0.2) text += pick(['!', '!!', '!!!!!', '?', '??', '???', '????', '?!', ' !', ' ?? !']);
    out.push(text);
  }
  return out;
}

// ---- tests ------------------------------------------------------------------------------------------------------

describe('vaderCompound equals vader-sentiment 1.1.3 compound', () => {
  it('on every text the project bundles (suites, datasets, fixtures, rule-arm templates)', () => {
    const { data, templates } = bundledTexts();
    expect(data.length).toBeGreaterThan(1000);
    expect(templates.length).toBeGreaterThan(100);
    expect(mismatches([...data, ...templates]).slice(0, 10)).toEqual([]);
  });

  it('on edge cases of each rule', () => {
    expect(mismatches(EDGE_CASES).slice(0, 10)).toEqual([]);
    expect(Object.is(vaderCompound('aas bfd ayc'), -0)).toBe(true); // a -1.7e-16 sum rounds to -0, as toFixed(4) does
  });

  it('on 6,000 seeded random sentences of lexicon words, boosters, negations, "but", punctuation and mixed caps', () => {
    const sentences = fuzzSentences(6000, 20140601);
    expect(mismatches(sentences).slice(0, 10)).toEqual([]);
    // The fuzz reaches every branch that matters: non-zero, negative and rounded-to-zero compounds.
    const values = sentences.map(vaderCompound);
    expect(values.filter((v) => v > 0.05).length).toBeGreaterThan(1000);
    expect(values.filter((v) => v < -0.05).length).toBeGreaterThan(1000);
  });

  it('keeps the contract: tone in [-1, 1], an empathic apology scores negative', () => {
    expect(vaderCompound("I'm so sorry about the delay - that sounds really frustrating.")).toBeLessThan(0);
    for (const t of EDGE_CASES) expect(Math.abs(vaderCompound(t))).toBeLessThanOrEqual(1);
  });
});
