import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDefinitions, SectionSchema } from '../../src/render/definitions.js';

function defsDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cxbench-defs-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const meta = (extra: object = {}): string => JSON.stringify({ title: 'T', section: 'overview', description: 'D', audience: 'everyone', ...extra });

describe('the project report definitions', () => {
  const defs = loadDefinitions();
  test('cover every section, and the sections the brief asks for', () => {
    const sections = new Set([...defs.charts, ...defs.tables].map((d) => d.meta.section));
    expect([...sections].sort()).toEqual([...SectionSchema.options].sort());
    const ids = defs.charts.map((c) => c.id);
    for (const id of ['resolution-heatmap', 'gai-vs-traditional', 'cost-quality-frontier', 'bias-gaps', 'adverse-impact', 'conversation-outcomes']) expect(ids).toContain(id);
  });
  test('every spec leaves data to the engine (rows are injected as values)', () => {
    for (const c of defs.charts) expect(c.spec.data, c.id).toBeUndefined();
  });
  test('are sorted by section, then order', () => {
    const order = defs.charts.map((c) => SectionSchema.options.indexOf(c.meta.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('loadDefinitions validation', () => {
  test('loads a chart folder and a table folder', () => {
    const root = defsDir({
      'charts/a-chart/chart.json': meta({ order: 5 }), 'charts/a-chart/query.sql': 'SELECT 1 AS v', 'charts/a-chart/spec.vl.json': '{"mark":"point"}',
      'tables/a-table/table.json': meta({ columns: { v: { format: 'pct' } } }), 'tables/a-table/query.sql': 'SELECT 1 AS v',
    });
    const d = loadDefinitions(root);
    expect(d.charts[0]).toMatchObject({ id: 'a-chart', meta: { order: 5, audience: 'everyone' }, sql: 'SELECT 1 AS v', spec: { mark: 'point' } });
    expect(d.tables[0]?.meta.columns.v).toEqual({ format: 'pct' });
    expect(d.tables[0]?.meta.inMarkdown).toBe(false);
  });
  test('rejects an unknown section, a missing file, a bad id and unknown keys', () => {
    const spec = { 'charts/x/query.sql': 'SELECT 1', 'charts/x/spec.vl.json': '{}' };
    expect(() => loadDefinitions(defsDir({ ...spec, 'charts/x/chart.json': meta({ section: 'marketing' }) }))).toThrow(/chart\.json[\s\S]*section/);
    expect(() => loadDefinitions(defsDir({ 'charts/x/chart.json': meta(), 'charts/x/query.sql': 'SELECT 1' }))).toThrow(/missing spec\.vl\.json/);
    expect(() => loadDefinitions(defsDir({ 'charts/Bad_Id/chart.json': meta(), 'charts/Bad_Id/query.sql': '', 'charts/Bad_Id/spec.vl.json': '{}' }))).toThrow(/lower-case/);
    expect(() => loadDefinitions(defsDir({ ...spec, 'charts/x/chart.json': meta({ colour: 'red' }) }))).toThrow(/colour/);
  });
});
