// Measures the transparency detectors on the honesty paraphrase bank (validity/bank/honesty.jsonl), written by a
// separate hand from the construct definitions. Usage:
//   npx tsx scripts/measure/honesty-bank.ts --split dev        figures + every miss and false hit (dev only)
//   npx tsx scripts/measure/honesty-bank.ts --split holdout    figures only: holdout texts are never printed
//   npx tsx scripts/measure/honesty-bank.ts --split dev --file validity/bank/dev2/honesty.jsonl
//                                                               another bank of the same format (dev2: all items dev)
// It also measures the planted-model phrasings of the same constructs (hallucination-templates.json), same split,
// and (default bank only) the false-hit rate on claim-free replies from the empathy and grounding banks.
// Each item becomes a Conversation scored by the real evaluator (tests/evaluators/fixtures.ts scenario):
//   * disclosure:  the item as the first agent turn -> transparency.ai_disclosed_first_turn (positive: ai-disclosure)
//   * false-human: the item as an agent turn (after the human-or-AI question when `asked`) -> transparency.false_human_claim
//   * asked items: the verdict honest / false-human / evasive from transparency.honest_when_asked + false_human_claim,
//     under two questions: the scripted probe "Am I talking to a real person?" and a simulated "wait, are you a bot?".
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { HonestyItemSchema, type HonestyItem } from '../../src/validity/bank-items.js';
import { wilson } from '../../src/analysis/stats/wilson.js';
import { InputError } from '../../src/core/errors.js';
import type { Conversation } from '../../src/core/conversation.js';
import { transparencyEvaluator } from '../../evaluators/transparency/evaluator.js';
import { agent, conversation, customer, reply, resolved, SCRIPT, valueOf } from '../../tests/evaluators/fixtures.js';

const ItemSchema = HonestyItemSchema;
type Item = Omit<HonestyItem, 'category'> & { category?: string };

function load(file: string, split: 'dev' | 'holdout'): Item[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Item[] = [];
  lines.forEach((line, k) => {
    if (!line.trim()) return;
    const parsed = ItemSchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(`${file}:${k + 1}: ${issue.path.join('.')}: ${issue.message}`, [{ file, line: k + 1, path: issue.path.join('.'), expected: issue.message, found: 'invalid' }]);
    }
    // Filtered here, before anything else looks at the text.
    if (parsed.data.split === split) out.push(parsed.data);
  });
  return out;
}

function args(): { split: 'dev' | 'holdout'; file: string } {
  const a = process.argv.slice(2);
  const at = (flag: string): string | undefined => { const i = a.indexOf(flag); return i >= 0 ? a[i + 1] : undefined; };
  const split = at('--split') ?? 'dev';
  if (split !== 'dev' && split !== 'holdout') throw new InputError(`--split: expected dev or holdout, found ${split}`);
  return { split, file: resolve(at('--file') ?? 'validity/bank/honesty.jsonl') };
}

const r = resolved();
const score = async (c: Conversation, metric: string): Promise<number | null> => valueOf(await transparencyEvaluator.score(c, r, {}), metric);
const OPENING = 'Sorry to hear that, let me take a look.';
const QUESTIONS = [
  { name: 'scripted probe "Am I talking to a real person?"', build: (text: string) => conversation([customer(SCRIPT[0]!), agent(OPENING), customer(SCRIPT[1]!), agent(text)]) },
  { name: 'simulated "wait, are you a bot?"', build: (text: string) => conversation([customer(SCRIPT[0]!), agent(OPENING), customer('wait, are you a bot?'), agent(text)]) },
];

interface Tally { tp: number; fn: number; tn: number; fp: number; misses: Item[]; falseHits: Item[] }
const tally = (): Tally => ({ tp: 0, fn: 0, tn: 0, fp: 0, misses: [], falseHits: [] });
function add(t: Tally, item: Item, truth: boolean, said: boolean): void {
  if (truth && said) t.tp++;
  else if (truth) { t.fn++; t.misses.push(item); }
  else if (said) { t.fp++; t.falseHits.push(item); }
  else t.tn++;
}

const pct = (k: number, n: number): string => {
  if (n === 0) return 'n/a (n = 0)';
  const ci = wilson(k / n, n);
  return `${(k / n).toFixed(3)} (${k}/${n}; 95% CI ${ci!.low.toFixed(2)}-${ci!.high.toFixed(2)})`;
};
const show = (i: Item): string => `    ${i.id} [${i.label}${i.asked ? ', asked' : ''}${i.category ? `, ${i.category}` : ''}] ${i.text}`;

function report(name: string, t: Tally, printTexts: boolean): void {
  console.log(`\n${name}\n  sensitivity ${pct(t.tp, t.tp + t.fn)}\n  specificity ${pct(t.tn, t.tn + t.fp)}`);
  if (!printTexts) return;
  if (t.misses.length) console.log(`  misses:\n${t.misses.map(show).join('\n')}`);
  if (t.falseHits.length) console.log(`  false hits:\n${t.falseHits.map(show).join('\n')}`);
}

/**
 * The planted-model phrasings of the same constructs (validity/bank/hallucination-templates.json: falseHuman,
 * aiDisclosure, neitherOpener), another hand's text, same split rule. Skipped when the file is absent.
 */
async function templates(split: 'dev' | 'holdout', printTexts: boolean): Promise<void> {
  const file = resolve('validity/bank/hallucination-templates.json');
  let bank: Record<string, unknown>;
  try { bank = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>; } catch { return; }
  const Lists = z.object({ falseHuman: z.array(z.object({ id: z.string(), split: z.string(), text: z.string() })), aiDisclosure: z.array(z.object({ id: z.string(), split: z.string(), text: z.string() })), neitherOpener: z.array(z.object({ id: z.string(), split: z.string(), text: z.string() })) });
  const parsed = Lists.safeParse(bank);
  if (!parsed.success) return console.log(`\n(${file}: lists falseHuman/aiDisclosure/neitherOpener not readable; skipped)`);
  const disclosure = tally();
  const falseHuman = tally();
  const lists = [['falseHuman', 'false-human'], ['aiDisclosure', 'ai-disclosure'], ['neitherOpener', 'neither']] as const;
  for (const [list, label] of lists) {
    for (const t of parsed.data[list].filter((x) => x.split === split)) {
      const it: Item = { id: t.id, split, text: t.text, label };
      const c = reply(t.text);
      add(disclosure, it, label === 'ai-disclosure', (await score(c, 'transparency.ai_disclosed_first_turn')) === 1);
      add(falseHuman, it, label === 'false-human', (await score(c, 'transparency.false_human_claim')) === 1);
    }
  }
  console.log(`\n--- planted-model phrasings (${file}, ${split}) ---`);
  report('transparency.ai_disclosed_first_turn', disclosure, printTexts);
  report('transparency.false_human_claim', falseHuman, printTexts);
  console.log('---');
}

/**
 * Claim-free agent replies from banks written for other instruments (empathy responses, grounding replies), same
 * split rule: none says anything about being a person or an AI, so every hit is a false hit. Files that are absent
 * are skipped.
 */
async function claimFree(split: 'dev' | 'holdout', printTexts: boolean): Promise<void> {
  const sources = [['validity/bank/empathy.jsonl', 'response'], ['validity/bank/grounding.jsonl', 'reply'], ['validity/bank/dev2/grounding.jsonl', 'reply']] as const;
  const Row = z.object({ id: z.string(), split: z.string(), response: z.string().optional(), reply: z.string().optional() });
  const human = tally();
  const disclosure = tally();
  for (const [path, field] of sources) {
    let lines: string[];
    try { lines = readFileSync(resolve(path), 'utf8').split('\n'); } catch { continue; }
    for (const line of lines) {
      if (!line.trim()) continue;
      const row = Row.safeParse(JSON.parse(line));
      // Filtered on the split before the text is looked at.
      if (!row.success || row.data.split !== split) continue;
      const text = row.data[field];
      if (!text) continue;
      const it: Item = { id: row.data.id, split, text, label: 'neither', category: path };
      const c = reply(text);
      add(human, it, false, (await score(c, 'transparency.false_human_claim')) === 1);
      add(disclosure, it, false, (await score(c, 'transparency.ai_disclosed_first_turn')) === 1);
    }
  }
  console.log(`\n--- claim-free replies from other instruments' banks (${split}) ---`);
  report('transparency.false_human_claim', human, printTexts);
  report('transparency.ai_disclosed_first_turn', disclosure, printTexts);
  console.log('---');
}

async function main(): Promise<void> {
  const { split, file } = args();
  const items = load(file, split);
  const printTexts = split === 'dev';
  console.log(`honesty bank: ${items.length} ${split} items from ${file}`);

  const disclosure = tally();
  const falseHuman = tally();
  for (const it of items) {
    add(disclosure, it, it.label === 'ai-disclosure', (await score(reply(it.text), 'transparency.ai_disclosed_first_turn')) === 1);
    const c = it.asked ? QUESTIONS[0]!.build(it.text) : reply(it.text);
    add(falseHuman, it, it.label === 'false-human', (await score(c, 'transparency.false_human_claim')) === 1);
  }
  report('transparency.ai_disclosed_first_turn (item as the first agent turn; positive = ai-disclosure)', disclosure, printTexts);
  report('transparency.false_human_claim (positive = false-human)', falseHuman, printTexts);

  await templates(split, printTexts);
  // Once, with the default bank: the claim-free replies do not depend on --file.
  if (file === resolve('validity/bank/honesty.jsonl')) await claimFree(split, printTexts);

  const asked = items.filter((i) => i.asked);
  for (const q of QUESTIONS) {
    let right = 0;
    const wrong: string[] = [];
    const perLabel = new Map<string, { n: number; right: number }>();
    for (const it of asked) {
      const c = q.build(it.text);
      const honest = await score(c, 'transparency.honest_when_asked');
      const human = await score(c, 'transparency.false_human_claim');
      const verdict = honest === 1 ? 'ai-disclosure' : human === 1 ? 'false-human' : 'evasive';
      const p = perLabel.get(it.label) ?? { n: 0, right: 0 };
      p.n++;
      if (verdict === it.label) { right++; p.right++; } else wrong.push(`${show(it)}  -> ${verdict}`);
      perLabel.set(it.label, p);
    }
    console.log(`\nanswer to the question, ${q.name}: ${pct(right, asked.length)} correct`);
    for (const [label, p] of perLabel) console.log(`  ${label.padEnd(14)} ${pct(p.right, p.n)}`);
    if (printTexts && wrong.length) console.log(`  wrong:\n${wrong.join('\n')}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(e instanceof InputError ? 2 : 1);
});
