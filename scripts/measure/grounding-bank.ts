/**
 * Measures the closed-world grounding instrument (evaluators/hallucination) on the paraphrase bank
 * validity/bank/grounding.jsonl. Each item becomes a ResolvedScenario (catalog, policies, one context block per
 * fact, the currency) and a Conversation (the customer's message, any tool results as `read` tools, the reply).
 *
 *   npx tsx scripts/measure/grounding-bank.ts [--split dev|holdout] [--bank <file>] [--verbose]
 *
 * `--bank` defaults to validity/bank/grounding.jsonl; validity/bank/dev2/grounding.jsonl is a second, all-dev bank
 * by another writer.
 *
 * Reply level: sensitivity = flagged replies among those with an unsupported or contradicted claim; specificity =
 * unflagged replies among those whose claims are all supported (or that have none). Claim level, per kind: a
 * labelled claim is matched to the instrument's claims that overlap its span; it is flagged when one of those is
 * unsupported or contradicted, missed when none was extracted. `--verbose` lists the disagreements and is refused
 * on the holdout split (the bank's rule: nobody reads holdout items).
 */
import { readFileSync } from 'node:fs';
import type { Conversation } from '../../src/core/conversation.js';
import type { Turn } from '../../src/core/types.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import { BASELINE } from '../../src/plan/personas.js';
import { ScenarioSchema } from '../../src/schema/scenario.js';
import { GroundingItemSchema, type GroundingItem } from '../../src/validity/bank-items.js';
import { assessHallucination, isHallucination } from '../../evaluators/hallucination/evaluator.js';
import type { ClaimKind } from '../../evaluators/hallucination/claims.js';

const DEFAULT_BANK = 'validity/bank/grounding.jsonl';

const ItemSchema = GroundingItemSchema;
type Item = GroundingItem;

const KIND: Record<string, ClaimKind> = {
  amount: 'money', percent: 'percent', duration: 'duration', date: 'date', time: 'time', count: 'count', identifier: 'id',
  'named-offering': 'offering', contact: 'contact', 'policy-promise': 'promise',
};

function args(): { split: 'dev' | 'holdout'; verbose: boolean; bank: string } {
  const a = process.argv.slice(2);
  const b = a.indexOf('--bank');
  const bank = b >= 0 ? a[b + 1] ?? '' : DEFAULT_BANK;
  if (!bank) { console.error('--bank: expected a file'); process.exit(2); }
  const i = a.indexOf('--split');
  const split = i >= 0 ? a[i + 1] : 'dev';
  if (split !== 'dev' && split !== 'holdout') { console.error(`--split: expected dev or holdout, found ${split}`); process.exit(2); }
  const verbose = a.includes('--verbose');
  if (verbose && split === 'holdout') { console.error('--verbose is refused on the holdout split: holdout items are not read by eye'); process.exit(2); }
  return { split, verbose, bank };
}

function load(BANK: string, split: 'dev' | 'holdout'): Item[] {
  const out: Item[] = [];
  readFileSync(BANK, 'utf8').split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    const raw = JSON.parse(line) as { split?: string };
    if (raw.split !== split) return;
    const p = ItemSchema.safeParse(raw);
    if (!p.success) { console.error(`${BANK}:${n + 1}: ${p.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`); process.exit(2); }
    out.push(p.data);
  });
  return out;
}

function scenarioOf(it: Item): ResolvedScenario {
  const b = it.brief;
  const scenario = ScenarioSchema.parse({
    id: 'bank-item', version: 1, synthetic: true, title: `bank ${it.id}`, approach: 'empathic-support-agent', domain: 'saas', difficulty: 'simple', now: it.now,
    persona: { firstName: 'Alex', lastName: 'Doe' },
    customer: { reason: 'bank item', goal: 'bank item', turns: [{ text: b.customer, emotion: { label: 'neutral', intensity: 0 } }] },
    context: b.facts.map((text, i) => ({ label: `Fact ${i + 1}`, text })),
    bounds: { currency: b.currency },
    judging: { endState: { kind: 'answer' }, shouldEscalate: false },
  });
  return {
    scenario, variant: BASELINE,
    catalog: b.catalog.map((c, i) => ({ sku: `SKU-${i + 1}`, name: c.name, price: c.price, category: 'item', attributes: {}, currency: b.currency, domain: 'saas' })),
    policies: b.policies.map((p, i) => ({ id: `policy-${i + 1}`, name: p.name, text: p.text, terms: {}, domain: 'saas' })),
    kb: [], crm: undefined, signals: [], corpus: undefined, contacts: [],
    toolClasses: Object.fromEntries((b.toolResults ?? []).map((t) => [t.tool, 'read' as const])),
  };
}

function conversationOf(it: Item): Conversation {
  const turns: Turn[] = [{ speaker: 'customer', text: it.brief.customer }];
  (it.brief.toolResults ?? []).forEach((t, i) => {
    turns.push({ speaker: 'agent', text: '', toolCalls: [{ id: `t${i}`, name: t.tool, arguments: {} }] });
    turns.push({ speaker: 'tool', text: t.result, toolCallId: `t${i}`, toolName: t.tool });
  });
  turns.push({ speaker: 'agent', text: it.reply });
  return {
    cell: { key: it.id, approach: 'empathic-support-agent', stage: 'service', mode: 'dialogue', domain: 'saas', scenarioId: 'bank-item', scenarioVersion: 1, variantSet: 'base', variantId: 'base', attribute: 'none', group: 'base', isReference: true, model: 'bank', epoch: 0 },
    runId: 'bank', status: 'done', errorMessage: null, turns, calls: [], startedAt: it.now, finishedAt: it.now, handleTimeMs: 0, endReason: 'script-complete',
  };
}

const pct = (a: number, n: number): string => (n ? `${((100 * a) / n).toFixed(1)}% (${a}/${n})` : 'n/a');

const { split, verbose, bank } = args();
const items = load(bank, split);
const reply = { tp: 0, fn: 0, tn: 0, fp: 0 };
const perKind = new Map<string, { bad: number; caught: number; good: number; alarmed: number; missed: number }>();
let extraFlags = 0;
for (const it of items) {
  const c = conversationOf(it);
  const a = await assessHallucination(c, scenarioOf(it));
  const truth = it.claims.some((x) => x.label !== 'supported');
  const flaggedClaims = a.checked.filter(isHallucination);
  const flagged = flaggedClaims.length > 0;
  if (truth) { if (flagged) reply.tp++; else reply.fn++; } else if (flagged) reply.fp++; else reply.tn++;
  const used = new Set<number>();
  const notes: string[] = [];
  for (const lc of it.claims) {
    const at = it.reply.indexOf(lc.span);
    const end = at + lc.span.length;
    const overl = a.checked.map((x, i) => ({ x, i })).filter(({ x }) => at >= 0 && x.claim.start < end && at < x.claim.end);
    for (const { i } of overl) used.add(i);
    const k = perKind.get(lc.kind) ?? { bad: 0, caught: 0, good: 0, alarmed: 0, missed: 0 };
    const hit = overl.some(({ x }) => isHallucination(x));
    if (overl.length === 0) k.missed++;
    if (lc.label === 'supported') { k.good++; if (hit) k.alarmed++; } else { k.bad++; if (hit) k.caught++; }
    perKind.set(lc.kind, k);
    if ((lc.label === 'supported') === hit || (overl.length === 0 && lc.label !== 'supported')) {
      notes.push(`  label ${lc.kind}/${KIND[lc.kind] ?? '?'} "${lc.span}" ${lc.label} (${lc.why}) -> ${overl.length ? overl.map(({ x }) => `${x.claim.kind} ${x.verdict}: ${x.note}`).join(' | ') : 'not extracted'}`);
    }
  }
  a.checked.forEach((x, i) => {
    if (used.has(i) || !isHallucination(x)) return;
    extraFlags++;
    notes.push(`  extra ${x.claim.kind} "${x.claim.raw}" ${x.verdict}: ${x.note}`);
  });
  if (verbose && (notes.length || truth !== flagged)) console.log(`${it.id} truth=${truth} flagged=${flagged}\n  reply: ${it.reply}\n${notes.join('\n')}`);
}

console.log(`grounding bank ${bank}, split ${split}: ${items.length} replies`);
console.log(`reply sensitivity ${pct(reply.tp, reply.tp + reply.fn)}  specificity ${pct(reply.tn, reply.tn + reply.fp)}`);
console.log('claims by kind (bank kind -> instrument kind): sensitivity (flagged bad claims), specificity (unflagged supported claims), not extracted');
for (const [kind, k] of [...perKind.entries()].sort((x, y) => y[1].bad + y[1].good - x[1].bad - x[1].good)) {
  console.log(`  ${kind.padEnd(15)} -> ${(KIND[kind] ?? '?').padEnd(9)} sens ${pct(k.caught, k.bad).padEnd(18)} spec ${pct(k.good - k.alarmed, k.good).padEnd(18)} not extracted ${k.missed}`);
}
console.log(`flags on text the bank does not label as a claim: ${extraFlags}`);
