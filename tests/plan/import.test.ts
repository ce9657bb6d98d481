import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { importScenarios } from '../../src/plan/import.js';
import { loadFile } from '../../src/schema/load.js';
import { ScenarioSchema } from '../../src/schema/scenario.js';

describe('importScenarios', () => {
  it('turns CSV tickets into valid scenarios that are marked as not synthetic, with their source', () => {
    const out = mkdtempSync(join(tmpdir(), 'cxb-import-'));
    const files = importScenarios('tests/fixtures/import/tickets.csv', { out, source: 'fixture tickets' });
    expect(files).toHaveLength(2);
    const s = loadFile(files.find((f) => f.endsWith('tk-1001.yaml'))!, ScenarioSchema);
    expect(s.synthetic).toBe(false);
    expect(s.source).toBe('fixture tickets');
    expect(s.customer.turns.map((t) => t.text)).toEqual(['I was charged twice this month!', 'Can you refund it?']);
    expect(s.customer.turns[0]!.emotion).toEqual({ label: 'angry', intensity: 7 });
    expect(s.facts).toEqual([
      { id: 'bill-amount', text: 'The March bill is 42.50 USD', kind: 'other', value: 42.5 },
      { id: 'refund-days', text: 'Refunds take 5 business days', kind: 'other', value: 5 },
    ]);
    expect(s.judging.requiredInfo[0]!.anyOf).toEqual(['5 business days']);
    const offer = loadFile(files.find((f) => f.endsWith('tk-1002.yaml'))!, ScenarioSchema);
    expect(offer.title).toBe('Wants a 40% discount, "now"');
    expect(offer.judging.endState).toEqual({ kind: 'tool', tool: 'make_offer', args: {} });
  });

  it('reports every bad row with its line and writes nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'cxb-import-'));
    let err: unknown;
    try { importScenarios('tests/fixtures/import/tickets.jsonl', { out }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(InputError);
    const p = (err as InputError).problems;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 2, path: 'approach' });
    expect(readdirSync(out)).toEqual([]);
    // With a default approach the same file imports.
    expect(importScenarios('tests/fixtures/import/tickets.jsonl', { out, approach: 'empathic-support-agent' })).toHaveLength(2);
  });

  it('rejects malformed JSON lines and unknown formats clearly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-import-'));
    writeFileSync(join(dir, 'x.jsonl'), '{"id": "a"}\n{oops\n');
    expect(() => importScenarios(join(dir, 'x.jsonl'), { out: dir })).toThrow(/:2: not valid JSON/);
    writeFileSync(join(dir, 'x.xlsx'), 'x');
    expect(() => importScenarios(join(dir, 'x.xlsx'), { out: dir })).toThrow(/unsupported format/);
  });
});
