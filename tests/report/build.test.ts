import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReport, type BuildReportResult } from '../../src/report/build.js';
import { loadDefinitions } from '../../src/render/definitions.js';
import type { Store } from '../../src/store/db.js';
import { createFixture, XSS_IMG, XSS_SCRIPT } from './fixture.js';

/** Every start tag with its quoted attribute values blanked, so only real attribute names remain to inspect. */
function attributeNames(markup: string): string[] {
  return [...markup.matchAll(/<[a-zA-Z][^<>]*>/g)].map((m) => m[0].replace(/"[^"]*"/g, '""').replace(/'[^']*'/g, "''"));
}

describe('buildReport on an analysed fixture database', () => {
  let store: Store;
  let dir: string;
  let result: BuildReportResult;
  let html: string;

  beforeAll(async () => {
    const f = await createFixture({ plantXss: true });
    store = f.store;
    dir = f.dir;
    result = await buildReport(store, join(dir, 'out'), { title: 'Fixture <report>', strict: true, generatedAt: '2026-11-25T12:00:00Z' });
    html = readFileSync(result.html, 'utf8');
  }, 60_000);
  afterAll(() => store.close());

  test('renders every chart definition to an SVG and a PNG file', () => {
    const defs = loadDefinitions();
    expect(result.charts.map((c) => c.id).sort()).toEqual(defs.charts.map((c) => c.id).sort());
    for (const c of result.charts) {
      expect(c.status, `${c.id}: ${c.note}`).toBe('rendered');
      expect(readFileSync(c.svg!, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
      const png = readFileSync(c.png!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(2000);
    }
    expect(readdirSync(join(dir, 'out', 'charts')).length).toBe(result.charts.length * 2);
  });

  test('renders every table definition with rows', () => {
    for (const t of result.tables) expect(t.status, `${t.id}: ${t.note}`).toBe('rendered');
  });

  test('writes one self-contained HTML file: inline SVGs, inlined vega bundles, no external references', () => {
    expect(html).toContain('<title>Fixture &lt;report&gt;</title>');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(result.charts.length);
    expect(html).toContain('vegaEmbed(');
    expect(html.length).toBeGreaterThan(800_000);
    // Outside the inlined scripts: nothing that loads a resource (our relative chart file links are plain <a> navigation).
    const tags = attributeNames(html.replace(/<script[\s\S]*?<\/script>/g, ''));
    expect(tags.filter((t) => /\ssrc=/.test(t))).toEqual([]);
    expect(tags.filter((t) => /^<(link|iframe|object|embed|img)\b/i.test(t))).toEqual([]);
    expect(tags.filter((t) => /\shref="https?:/.test(t))).toEqual([]);
    // No event-handler attribute anywhere in our markup.
    expect(tags.filter((t) => /\son[a-z]+=/i.test(t))).toEqual([]);
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
  });

  test('escapes planted markup everywhere: transcript, scenario id, chart JSON', () => {
    expect(html).not.toContain(XSS_SCRIPT);
    expect(html).not.toContain(XSS_IMG);
    expect(html).not.toContain('onerror="window');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    // The chart data carrying the planted scenario id is JSON in a script block with '<' escaped.
    expect(html).toContain('\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e');
    const md = readFileSync(result.markdown, 'utf8');
    expect(md).not.toMatch(/<script|<img/);
  });

  test('links chart points to transcript anchors that exist', () => {
    const anchors = [...html.matchAll(/xlink:href="#(conv-[A-Za-z0-9_-]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(10);
    for (const a of new Set(anchors)) expect(html).toContain(`id="${a}"`);
  });

  test('headline numbers carry n and an interval, in HTML and Markdown', () => {
    const md = readFileSync(result.markdown, 'utf8');
    expect(md).toMatch(/gpt-x vs rules \(all approaches\)\*\*: resolution difference [+-]?\d+\.\d% \(95% CI -?\d+\.\d%–\d+\.\d%; n = 17 paired/);
    expect(md).toMatch(/gpt-x: Resolved\*\*: \d+\.\d% \(95% CI \(cluster-se\) \d+\.\d%–\d+\.\d%; n = 17 conversations, 6 scenarios\)/);
    expect(md).toContain('36 conversations stored: 35 done, 1 infrastructure errors');
    // The fixture's paired CI excludes 0 but its Holm p is 0.08: the verdict must not overclaim.
    expect(md).toContain('Holm p = 0.080 (paired-t): GAI better before multiplicity correction only (not significant after Holm)');
    expect(md).toContain('![Resolution rate by journey stage, approach and model](charts/resolution-heatmap.png)');
    expect(md).toMatch(/empathy\.lex\*\*: scored by the deterministic fallback fallback:empathy-lex@1/);
    expect(html).toContain('n = 17 conversations, 6 scenarios');
  });

  test('labels deterministic fallbacks in the transcript browser', () => {
    expect(html).toContain('deterministic fallback</span>');
  });
});

describe('buildReport before analysis and on an empty database', () => {
  test('charts over missing analysis tables say "no data yet" and write no files; raw-table charts still render', async () => {
    const f = await createFixture({ analysed: false });
    try {
      const r = await buildReport(f.store, join(f.dir, 'out'), { interactive: false, png: false });
      const byId = new Map(r.charts.map((c) => [c.id, c]));
      expect(byId.get('resolution-heatmap')).toMatchObject({ status: 'no-data' });
      expect(byId.get('resolution-heatmap')?.note).toMatch(/aggregates does not exist yet/);
      expect(byId.get('resolution-heatmap')?.svg).toBeUndefined();
      expect(byId.get('latency')?.status).toBe('rendered');
      expect(byId.get('conversation-outcomes')?.status).toBe('rendered');
      const html = readFileSync(r.html, 'utf8');
      expect(html).toContain('No data yet: table aggregates does not exist yet');
      expect(html).not.toContain('vegaEmbed(');
      expect(existsSync(join(f.dir, 'out', 'charts', 'resolution-heatmap.svg'))).toBe(false);
    } finally {
      f.store.close();
    }
  }, 60_000);

  test('an empty database gives a complete report of notes', async () => {
    const f = await createFixture({ empty: true });
    try {
      const r = await buildReport(f.store, join(f.dir, 'out'), { strict: true });
      expect(r.charts.every((c) => c.status === 'no-data')).toBe(true);
      const html = readFileSync(r.html, 'utf8');
      expect(html).toContain('No data yet: no conversations are stored.');
      expect(readFileSync(r.markdown, 'utf8')).toContain('0 conversations stored');
    } finally {
      f.store.close();
    }
  }, 60_000);

  test('strict mode names the broken definition', async () => {
    const f = await createFixture({ empty: true });
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const defs = join(f.dir, 'defs');
    mkdirSync(join(defs, 'charts', 'broken'), { recursive: true });
    writeFileSync(join(defs, 'charts', 'broken', 'chart.json'), JSON.stringify({ title: 't', section: 'overview', description: 'd', audience: 'everyone' }));
    writeFileSync(join(defs, 'charts', 'broken', 'query.sql'), 'SELECT nonexistent_column FROM runs');
    writeFileSync(join(defs, 'charts', 'broken', 'spec.vl.json'), '{"mark":"bar"}');
    try {
      await expect(buildReport(f.store, join(f.dir, 'out'), { reportsDir: defs, strict: true })).rejects.toThrow(/chart broken query/);
      const r = await buildReport(f.store, join(f.dir, 'out'), { reportsDir: defs });
      expect(r.charts[0]).toMatchObject({ id: 'broken', status: 'error' });
    } finally {
      f.store.close();
    }
  }, 60_000);
});
