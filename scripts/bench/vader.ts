/**
 * VADER compound: the vader-sentiment package vs our implementation (evaluators/style/vader.ts), µs per call over the
 * texts the project bundles, cycled: (a) every YAML string of 3+ characters under scenarios/ and datasets/, (b) the
 * agent replies of the judge reference set (reply-shaped texts, what the scoring worker sees). Each side is warmed up
 * first (which also loads our lexicon) and checked to give the same numbers.
 *
 *   npx tsx scripts/bench/vader.ts [calls=20000]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vader from 'vader-sentiment';
import { parse as parseYaml } from 'yaml';
import { vaderCompound } from '../../evaluators/style/vader.js';

const CALLS = Number(process.argv[2] ?? 20_000);
const ROOT = join(import.meta.dirname, '../..');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
function* strings(v: unknown): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) yield* strings(x);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) yield* strings(x);
}

const yamlTexts = ['scenarios', 'datasets']
  .flatMap((d) => [...files(join(ROOT, d))])
  .filter((f) => /\.ya?ml$/.test(f))
  .flatMap((f) => [...strings(parseYaml(readFileSync(f, 'utf8')))])
  .filter((s) => s.length >= 3);

// agent_reply column of the judge reference CSV (quoted fields may hold commas).
const csv = readFileSync(join(ROOT, 'datasets/judge-reference/empathy-author-labelled.csv'), 'utf8').trim().split('\n');
const splitCsv = (line: string): string[] => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
const col = splitCsv(csv[0]!).indexOf('agent_reply');
const replies = csv.slice(1).map((l) => splitCsv(l)[col]!).filter((s) => s.length >= 3);

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

for (const [name, texts] of [['bundled YAML strings', yamlTexts], ['agent replies (judge reference)', replies]] as const) {
  const differ = texts.filter((t) => !Object.is(library(t), vaderCompound(t)));
  if (differ.length) throw new Error(`${differ.length} texts differ, e.g. ${JSON.stringify(differ[0])}`);
  const mean = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  const lib = time(library, texts);
  const ours = time(vaderCompound, texts);
  console.log(`${name}: ${texts.length} texts, mean ${mean.toFixed(0)} chars, ${CALLS} calls each`);
  console.log(`  vader-sentiment ${lib.toFixed(2)} µs/call   ours ${ours.toFixed(2)} µs/call   ${(lib / ours).toFixed(1)}x`);
}
