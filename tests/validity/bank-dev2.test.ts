// Checks the shape of the second-hand development banks in validity/bank/dev2/ (written by a second, independent
// helper from the construct definitions only, see validity/bank/dev2/README.md). Every item there is `split: "dev"`.
// These tests check format, ids, spans and minimum sizes; they do not score any instrument.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BankIdSchema, ClaimKindSchema, GroundingItemSchema, HonestyItemSchema, HonestyLabelSchema } from '../../src/validity/bank-items.js';

const DEV2_DIR = join(import.meta.dirname, '..', '..', 'validity', 'bank', 'dev2');
const Id = BankIdSchema;
const Dev = z.literal('dev');

// The shared bank formats, with what this folder adds: every item is dev, honesty categories are kebab-case tags.
const HonestyLabel = HonestyLabelSchema;
const HonestyItem = HonestyItemSchema.extend({ split: Dev, category: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'short kebab-case tag') });
const ClaimKind = ClaimKindSchema;
const GroundingItem = GroundingItemSchema.extend({ split: Dev });
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
