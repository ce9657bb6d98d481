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
  let md: string;

  beforeAll(async () => {
    const f = await createFixture({ plantXss: true, modern: true, unpriced: true });
    store = f.store;
    dir = f.dir;
    result = await buildReport(store, join(dir, 'out'), { title: 'Fixture <report>', strict: true, generatedAt: '2026-11-25T12:00:00Z' });
    html = readFileSync(result.html, 'utf8');
    md = readFileSync(result.markdown, 'utf8');
  }, 60_000);
  afterAll(() => store.close());

  test('renders every chart definition to an SVG and a PNG file of sane size', () => {
    const defs = loadDefinitions();
    expect(result.charts.map((c) => c.id).sort()).toEqual(defs.charts.map((c) => c.id).sort());
    for (const c of result.charts) {
      expect(c.status, `${c.id}: ${c.note}`).toBe('rendered');
      expect(readFileSync(c.svg!, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
      const png = readFileSync(c.png!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(2000);
      // PNG header: width and height (big-endian) at bytes 16 and 20; no chart wider than a slide at 2x.
      expect(png.readUInt32BE(16), c.id).toBeLessThan(4000);
    }
    expect(readdirSync(join(dir, 'out', 'charts')).length).toBe(result.charts.length * 2);
  });

  test('renders every table definition with rows and writes each in full as CSV and Parquet beside the report', () => {
    for (const t of result.tables) expect(t.status, `${t.id}: ${t.note}`).toBe('rendered');
    for (const t of result.tables) expect(existsSync(t.csv!), t.id).toBe(true);
    const files = readdirSync(join(dir, 'out', 'tables'));
    expect(files).toContain('full-bias-gaps.csv');
    expect(files).toContain('full-aggregates.parquet');
    // Nulls stay empty in the CSV (unknown price), never 0.
    const roi = readFileSync(join(dir, 'out', 'tables', 'full-roi.csv'), 'utf8').split('\n');
    const gpt = roi.find((l) => l.startsWith('*,gpt-x,'))!;
    expect(gpt.split(',')[6]).toBe('');
  });

  test('writes one static HTML file: the decision page first, inline SVGs once, no script, no external reference', () => {
    expect(html).toContain('<title>Fixture &lt;report&gt;</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html.indexOf('id="decision-managers"')).toBeLessThan(html.indexOf('<svg'));
    const onPage = loadDefinitions().charts.filter((c) => c.meta.placement === 'page').length;
    expect((html.match(/<svg /g) ?? []).length).toBe(onPage);
    expect(html.length).toBeLessThan(2_000_000);
    const tags = attributeNames(html);
    expect(tags.filter((t) => /\ssrc=/.test(t))).toEqual([]);
    expect(tags.filter((t) => /^<(link|iframe|object|embed|img)\b/i.test(t))).toEqual([]);
    expect(tags.filter((t) => /\shref="https?:/.test(t))).toEqual([]);
    expect(tags.filter((t) => /\son[a-z]+=/i.test(t))).toEqual([]);
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;none&#39;/);
    // Transcripts go to the viewer, not into the page.
    expect(html).not.toContain('class="conv"');
    expect(html).toContain('npx cxbench view');
  });

  test('escapes planted markup everywhere: suite name, bias group, chart labels', () => {
    expect(html).not.toContain(XSS_SCRIPT);
    expect(html).not.toContain(XSS_IMG);
    // Stored text is only ever text: no tag it carries exists in the page (SVG text nodes hold it escaped).
    expect(html).not.toMatch(/<img\b/i);
    expect(attributeNames(html).filter((t) => /\son[a-z]+=/i.test(t))).toEqual([]);
    expect(html).toContain('fixture-suite&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('female&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(md).not.toMatch(/<script|<img/);
  });

  test('the managers\' table: pooled rows first, intervals, baseline marked, unknown price never $0', () => {
    const managers = html.slice(html.indexOf('table class="decision managers"'), html.indexOf('id="decision-governance"'));
    expect(managers.indexOf('<strong>rules</strong> <span class="badge baseline">baseline</span>')).toBeGreaterThan(0);
    expect(managers).toMatch(/<em>all approaches pooled<\/em>/);
    expect(managers).toMatch(/\d+\.\d% \[\d+\.\d–\d+\.\d\]/);
    expect(managers).toContain('unknown price');
    expect(managers).toContain('<strong>No clear difference</strong>');
    // The gpt-x rows: no dollar figure anywhere in its cost cells.
    const gptRows = managers.split('<tr').filter((r) => r.includes('<strong>gpt-x</strong>'));
    expect(gptRows.length).toBe(3);
    for (const r of gptRows) expect(r).not.toMatch(/\$\d/);
    expect(md).toContain('| gpt-x | all approaches pooled |');
  });

  test('governance: bias verdict, instruments with their measured validity, screens labelled', () => {
    const gov = html.slice(html.indexOf('id="decision-governance"'), html.indexOf('id="decision-researchers"'));
    expect(gov).toContain('validated: sensitivity 0.950');
    expect(gov).toContain('sensitivity 0.420: undercounts');
    expect(gov).toContain('validity not measured');
    expect(gov).toMatch(/gap flagged|no gap flagged|not testable/);
    const everyMetric = readFileSync(join(dir, 'out', 'charts', 'metric-approach-model.svg'), 'utf8');
    expect(everyMetric).toContain('empathy.lex (higher-better) · unvalidated screen');
    expect(everyMetric).toContain('halluc.any (lower-better) · sensitivity 0.610: undercounts');
  });

  test('break-even above 100% is marked unreachable; unknown price says so', () => {
    const svg = readFileSync(join(dir, 'out', 'charts', 'break-even.svg'), 'utf8');
    expect(svg).toContain('unreachable: needs 140% resolved');
    expect(svg).toContain('break-even unknown: unknown price');
    expect(readFileSync(join(dir, 'out', 'charts', 'roi-savings.svg'), 'utf8')).toContain('unknown: unknown price');
  });

  test('Markdown: decision tables and headlines with n and interval; comparisons read p < 0.05', () => {
    expect(md).toMatch(/gpt-x vs rules \(all approaches\)\*\*: resolution difference [+-]?\d+\.\d% \(95% CI -?\d+\.\d%–\d+\.\d%; n = 17 paired/);
    expect(md).toContain('36 conversations stored: 35 done, 1 infrastructure errors');
    expect(md).toContain('![Resolution rate by journey stage, approach and model](charts/resolution-heatmap.png)');
    expect(md).toContain('## For managers');
    expect(md).not.toContain('&lt; 0.05');
    expect(md).not.toContain('&lt;0.05');
  });

  test('no hint to run `cxbench analyse` for tables analyse does not write', () => {
    expect(html).not.toMatch(/judge_validation[^<]*cxbench analyse/);
    expect(html).not.toMatch(/validity_[a-z_]+ does not exist yet \(run `cxbench analyse`\)/);
  });
});

describe('buildReport before analysis and on an empty database', () => {
  test('charts over missing analysis tables say "no data yet" and write no files; raw-table charts still render', async () => {
    const f = await createFixture({ analysed: false });
    try {
      const r = await buildReport(f.store, join(f.dir, 'out'), { png: false });
      const byId = new Map(r.charts.map((c) => [c.id, c]));
      expect(byId.get('resolution-heatmap')).toMatchObject({ status: 'no-data' });
      expect(byId.get('resolution-heatmap')?.note).toMatch(/aggregates does not exist yet/);
      expect(byId.get('resolution-heatmap')?.svg).toBeUndefined();
      expect(byId.get('latency')?.status).toBe('rendered');
      expect(byId.get('conversation-outcomes')?.status).toBe('rendered');
      const html = readFileSync(r.html, 'utf8');
      expect(html).toContain('<strong>Resolution rate by journey stage, approach and model</strong>: table aggregates does not exist yet (run `cxbench analyse`)');
      expect(html).toContain('No data yet: no resolution scores');
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
      expect(html).toContain('No data yet: no conversations stored.');
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
