// Checks the shape of the paraphrase banks in validity/bank/ (written by a separate hand from the construct
// definitions, see validity/bank/README.md). These tests read only ids, labels, splits and counts; they do not
// score any instrument, so running them does not leak holdout text into instrument development.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BankIdSchema, GroundingItemSchema, HonestyItemSchema, ItemSplitSchema, type GroundingItem as GroundingItemT } from '../../src/validity/bank-items.js';

const BANK_DIR = join(import.meta.dirname, '..', '..', 'validity', 'bank');
const Id = BankIdSchema;
const Split = ItemSplitSchema;
const HonestyItem = HonestyItemSchema;
const GroundingItem = GroundingItemSchema;
type GroundingItem = GroundingItemT;

/** A reply's type: claim-free, or the worst label among its claims. */
function replyType(it: GroundingItem): string {
  const labels = new Set(it.claims.map((c) => c.label));
  if (it.claims.length === 0) return 'claim-free';
  if (labels.has('contradicted')) return 'contradicted';
  return labels.has('unsupported') ? 'unsupported' : 'supported';
}

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  const lines = readFileSync(join(BANK_DIR, file), 'utf8').split('\n');
  const out: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    out.push(parsed.data);
  });
  return out;
}

interface Splittable { id: string; split: 'dev' | 'holdout' }

function expectUniqueIds(items: Splittable[]): void {
  const seen = new Set<string>();
  const dups = items.filter((it) => (seen.has(it.id) ? true : (seen.add(it.id), false))).map((it) => it.id);
  expect(dups).toEqual([]);
}

/** Every group has both splits, and dev is between 50% and 70% of it. */
function expectBalancedSplits<T extends Splittable>(items: T[], groupOf: (it: T) => string): void {
  const groups = new Map<string, { dev: number; holdout: number }>();
  for (const it of items) {
    const g = groups.get(groupOf(it)) ?? { dev: 0, holdout: 0 };
    g[it.split] += 1;
    groups.set(groupOf(it), g);
  }
  for (const [name, g] of groups) {
    expect(g.dev, `${name}: dev items`).toBeGreaterThan(0);
    expect(g.holdout, `${name}: holdout items`).toBeGreaterThan(0);
    const share = g.dev / (g.dev + g.holdout);
    expect(share, `${name}: dev share`).toBeGreaterThanOrEqual(0.5);
    expect(share, `${name}: dev share`).toBeLessThanOrEqual(0.7);
  }
}

describe('honesty bank', () => {
  const items = readJsonl('honesty.jsonl', HonestyItem);
  it('has at least 220 items with unique ids', () => {
    expect(items.length).toBeGreaterThanOrEqual(220);
    expectUniqueIds(items);
  });
  it('has both splits for every label, roughly 60/40', () => {
    expectBalancedSplits(items, (it) => it.label);
    expectBalancedSplits(items.filter((it) => it.asked), (it) => `asked ${it.label}`);
  });
  it('marks about 60 replies to "bot or human?" and uses "evasive" only for them', () => {
    const asked = items.filter((it) => it.asked);
    expect(asked.length).toBeGreaterThanOrEqual(50);
    expect(items.filter((it) => it.label === 'evasive' && !it.asked)).toEqual([]);
    for (const label of ['false-human', 'ai-disclosure', 'evasive'] as const) {
      expect(asked.filter((it) => it.label === label).length, label).toBeGreaterThanOrEqual(10);
    }
  });
  it('has hard negatives: handoff offers and other humans among "neither"', () => {
    const cats = new Set(items.filter((it) => it.label === 'neither').map((it) => it.category));
    for (const c of ['handoff-offer', 'other-humans', 'word-collision', 'negated-hypothetical']) expect(cats).toContain(c);
  });
});

describe('grounding bank', () => {
  const items = readJsonl('grounding.jsonl', GroundingItem);
  it('has at least 160 items with unique ids', () => {
    expect(items.length).toBeGreaterThanOrEqual(160);
    expectUniqueIds(items);
  });
  it('quotes every claim span exactly from its reply', () => {
    const missing = items.flatMap((it) => it.claims.filter((c) => !it.reply.includes(c.span)).map((c) => `${it.id}: ${c.span}`));
    expect(missing).toEqual([]);
  });
  it('stores tool results as JSON text', () => {
    for (const it of items) for (const t of it.brief.toolResults ?? []) expect(() => JSON.parse(t.result), it.id).not.toThrow();
  });
  it('has both splits for every reply type and claim label', () => {
    expectBalancedSplits(items, replyType);
    const claims = items.flatMap((it) => it.claims.map((c, i) => ({ id: `${it.id}#${i}`, split: it.split, label: c.label })));
    expectBalancedSplits(claims, (c) => c.label);
  });
  it('mixes fully supported, unsupported, contradicted and claim-free replies', () => {
    const count = (t: string): number => items.filter((it) => replyType(it) === t).length;
    expect(count('claim-free')).toBeGreaterThanOrEqual(20);
    for (const t of ['supported', 'unsupported', 'contradicted']) expect(count(t), t).toBeGreaterThanOrEqual(40);
  });
});

const Template = z.strictObject({ id: Id, split: Split, text: z.string().min(1) });
const TEMPLATE_SLOTS = {
  wrongDuration: { required: ['days'], allowed: ['days', 'policy'] },
  inventedOffering: { required: ['offering'], allowed: ['offering'] },
  offeringNames: { required: [], allowed: [] },
  wrongPrice: { required: ['product', 'amount'], allowed: ['product', 'amount'] },
  correctPrice: { required: ['product', 'amount'], allowed: ['product', 'amount'] },
  falseHuman: { required: [], allowed: [] },
  aiDisclosure: { required: [], allowed: [] },
  neitherOpener: { required: [], allowed: [] },
  unsupportedPromise: { required: [], allowed: [] },
} as const;
type TemplateList = keyof typeof TEMPLATE_SLOTS;
const TemplateFile = z.strictObject(
  Object.fromEntries(Object.keys(TEMPLATE_SLOTS).map((k) => [k, z.array(Template)])) as Record<TemplateList, z.ZodArray<typeof Template>>,
);

describe('hallucination templates', () => {
  const file = TemplateFile.parse(JSON.parse(readFileSync(join(BANK_DIR, 'hallucination-templates.json'), 'utf8')));
  const lists = Object.keys(TEMPLATE_SLOTS) as TemplateList[];
  it('has at least 25 templates per list (40 offering names), unique ids, both splits', () => {
    for (const key of lists) {
      expect(file[key].length, key).toBeGreaterThanOrEqual(key === 'offeringNames' ? 40 : 25);
      expectUniqueIds(file[key]);
      expectBalancedSplits(file[key], () => key);
    }
  });
  it('uses exactly the slot names each list allows, and the required ones', () => {
    for (const key of lists) {
      const { required, allowed } = TEMPLATE_SLOTS[key];
      for (const t of file[key]) {
        const slots = [...t.text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');
        for (const s of slots) expect(allowed as readonly string[], `${key} ${t.id}: {${s}}`).toContain(s);
        for (const r of required) expect(slots, `${key} ${t.id}`).toContain(r);
      }
    }
  });
  it('writes the currency inside every price template', () => {
    for (const t of [...file.wrongPrice, ...file.correctPrice]) expect(t.text, t.id).toMatch(/\$|USD|dollars|bucks/);
  });
});

const Level = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const EmpathyItem = z.strictObject({
  id: Id,
  split: Split,
  seeker: z.string().min(1),
  response: z.string().min(1),
  er: Level,
  ip: Level,
  ex: Level,
});

describe('empathy bank', () => {
  const items = readJsonl('empathy.jsonl', EmpathyItem);
  const mechanisms = ['er', 'ip', 'ex'] as const;
  it('has at least 240 items with unique ids', () => {
    expect(items.length).toBeGreaterThanOrEqual(240);
    expectUniqueIds(items);
  });
  it('spreads every mechanism: about 40-50% zeros, levels 1 and 2 both present', () => {
    for (const m of mechanisms) {
      const zeros = items.filter((it) => it[m] === 0).length / items.length;
      expect(zeros, `${m} zero share`).toBeGreaterThanOrEqual(0.35);
      expect(zeros, `${m} zero share`).toBeLessThanOrEqual(0.55);
      for (const level of [1, 2]) expect(items.filter((it) => it[m] === level).length, `${m}=${level}`).toBeGreaterThanOrEqual(30);
    }
  });
  it('has both splits for every level of every mechanism', () => {
    for (const m of mechanisms) expectBalancedSplits(items, (it) => `${m}=${it[m]}`);
  });
  it('keeps all responses to one seeker message in the same split', () => {
    const splitOf = new Map<string, string>();
    for (const it of items) {
      const seen = splitOf.get(it.seeker);
      if (seen !== undefined) expect(it.split, it.id).toBe(seen);
      splitOf.set(it.seeker, it.split);
    }
  });
});
