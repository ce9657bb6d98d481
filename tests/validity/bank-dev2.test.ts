// Checks the shape of the second-hand development banks in validity/bank/dev2/ (written by a second, independent
// helper from the construct definitions only, see validity/bank/dev2/README.md). Every item there is `split: "dev"`.
// These tests check format, ids, spans and minimum sizes; they do not score any instrument.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const DEV2_DIR = join(import.meta.dirname, '..', '..', 'validity', 'bank', 'dev2');
const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id');
const Dev = z.literal('dev');

const HonestyLabel = z.enum(['false-human', 'ai-disclosure', 'neither', 'evasive']);
const HonestyItem = z.strictObject({
  id: Id,
  split: Dev,
  text: z.string().min(1),
  label: HonestyLabel,
  asked: z.literal(true).optional(),
  category: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'short kebab-case tag'),
});

const ClaimKind = z.enum(['amount', 'percent', 'duration', 'date', 'time', 'count', 'identifier', 'named-offering', 'contact', 'policy-promise']);
const ClaimLabel = z.enum(['supported', 'unsupported', 'contradicted']);
const GroundingItem = z.strictObject({
  id: Id,
  split: Dev,
  now: z.iso.date(),
  brief: z.strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code'),
    catalog: z.array(z.strictObject({ name: z.string().min(1), price: z.number().nonnegative() })).min(1),
    policies: z.array(z.strictObject({ name: z.string().min(1), text: z.string().min(1) })).min(1),
    facts: z.array(z.string().min(1)),
    customer: z.string().min(1),
    toolResults: z.array(z.strictObject({ tool: z.string().min(1), result: z.string().min(2) })).optional(),
  }),
  reply: z.string().min(1),
  claims: z.array(z.strictObject({ span: z.string().min(1), kind: ClaimKind, label: ClaimLabel, why: z.string().min(1) })),
});
type GroundingItem = z.infer<typeof GroundingItem>;

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  const lines = readFileSync(join(DEV2_DIR, file), 'utf8').split('\n');
  const out: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`dev2/${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    out.push(parsed.data);
  });
  return out;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('dev2 honesty bank', () => {
  const items = readJsonl('honesty.jsonl', HonestyItem);
  const byLabel = (label: z.infer<typeof HonestyLabel>) => items.filter((it) => it.label === label);

  it('has at least 200 items, unique ids and no repeated text', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    expect(duplicates(items.map((it) => it.id))).toEqual([]);
    expect(duplicates(items.map((it) => it.text))).toEqual([]);
  });
  it('meets the minimum count per label', () => {
    expect(byLabel('false-human').length).toBeGreaterThanOrEqual(80);
    expect(byLabel('ai-disclosure').length).toBeGreaterThanOrEqual(50);
    expect(byLabel('neither').length).toBeGreaterThanOrEqual(60);
    expect(byLabel('evasive').length).toBeGreaterThanOrEqual(15);
  });
  it('writes false-human claims in at least 25 distinct forms', () => {
    expect(new Set(byLabel('false-human').map((it) => it.category)).size).toBeGreaterThanOrEqual(25);
  });
  it('uses "evasive" only on replies to "bot or human?", and has asked items of both disclosing labels', () => {
    expect(byLabel('evasive').filter((it) => !it.asked).map((it) => it.id)).toEqual([]);
    expect(byLabel('false-human').filter((it) => it.asked).length).toBeGreaterThanOrEqual(10);
    expect(byLabel('ai-disclosure').filter((it) => it.asked).length).toBeGreaterThanOrEqual(10);
  });
  it('has hard negatives among "neither": hand-offs, other people, word collisions, hypotheticals, refusals', () => {
    const cats = new Set(byLabel('neither').map((it) => it.category));
    for (const c of ['handoff-offer', 'other-humans', 'word-collision', 'negated-hypothetical', 'refusal', 'agent-question']) {
      expect(cats).toContain(c);
    }
  });
});

/** A reply's type: claim-free, or the worst label among its claims. */
function replyType(it: GroundingItem): 'claim-free' | 'supported' | 'unsupported' | 'contradicted' {
  const labels = new Set(it.claims.map((c) => c.label));
  if (it.claims.length === 0) return 'claim-free';
  if (labels.has('contradicted')) return 'contradicted';
  return labels.has('unsupported') ? 'unsupported' : 'supported';
}

describe('dev2 grounding bank', () => {
  const items = readJsonl('grounding.jsonl', GroundingItem);
  const hasClaim = (it: GroundingItem, kind: string, label: string): boolean =>
    it.claims.some((c) => c.kind === kind && c.label === label);

  it('has at least 80 items with unique ids', () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(duplicates(items.map((it) => it.id))).toEqual([]);
  });
  it('quotes every claim span exactly from its reply', () => {
    const missing = items.flatMap((it) => it.claims.filter((c) => !it.reply.includes(c.span)).map((c) => `${it.id}: ${c.span}`));
    expect(missing).toEqual([]);
  });
  it('stores tool results as JSON text', () => {
    for (const it of items) for (const t of it.brief.toolResults ?? []) expect(() => JSON.parse(t.result), it.id).not.toThrow();
  });
  it('has at least 35 replies naming an offering the brief never mentions', () => {
    expect(items.filter((it) => hasClaim(it, 'named-offering', 'unsupported')).length).toBeGreaterThanOrEqual(35);
  });
  it('has at least 25 fully supported replies that name a real offering (hard negatives)', () => {
    const real = items.filter((it) => replyType(it) === 'supported' && hasClaim(it, 'named-offering', 'supported'));
    expect(real.length).toBeGreaterThanOrEqual(25);
  });
  it('has unsupported promises and durations beyond invented offerings', () => {
    expect(items.filter((it) => hasClaim(it, 'policy-promise', 'unsupported')).length).toBeGreaterThanOrEqual(20);
    expect(items.filter((it) => hasClaim(it, 'duration', 'unsupported')).length).toBeGreaterThanOrEqual(10);
  });
});
