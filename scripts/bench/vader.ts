/**
 * VADER compound: the vader-sentiment package vs our implementation (evaluators/style/vader.ts), µs per call over the
 * texts the project bundles, cycled: (a) every string of 3+ characters of its suites, datasets and fixtures, (b) the
 * agent replies of the judge reference set (reply-shaped texts, what the scoring worker sees). Each side is warmed up
 * first (which also loads our lexicon) and checked to give the same numbers.
 *
 *   npx tsx scripts/bench/vader.ts [calls=20000]
 */
import vader from 'vader-sentiment';
import { vaderCompound } from '../../evaluators/style/vader.js';
import { agentReplies, bundledTexts } from '../../tests/evaluators/style/bundled-texts.js';

const CALLS = Number(process.argv[2] ?? 20_000);
const { data } = bundledTexts();
const replies = agentReplies();

const library = (t: string): number => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;

function time(f: (t: string) => number, texts: string[]): number {
  let sink = 0;
  for (let i = 0; i < Math.min(CALLS, 2000); i++) sink += f(texts[i % texts.length]!); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) sink += f(texts[i % texts.length]!);
  const us = ((performance.now() - t0) * 1000) / CALLS;
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return us;
}

for (const [name, texts] of [['bundled strings', data], ['agent replies (judge reference)', replies]] as const) {
  const differ = texts.filter((t) => !Object.is(library(t), vaderCompound(t)));
  if (differ.length) throw new Error(`${differ.length} texts differ, e.g. ${JSON.stringify(differ[0])}`);
  const mean = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  const lib = time(library, texts);
  const ours = time(vaderCompound, texts);
  console.log(`${name}: ${texts.length} texts, mean ${mean.toFixed(0)} chars, ${CALLS} calls each`);
  console.log(`  vader-sentiment ${lib.toFixed(2)} µs/call   ours ${ours.toFixed(2)} µs/call   ${(lib / ours).toFixed(1)}x`);
}
