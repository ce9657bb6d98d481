import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../store/db.js';
import { vegaBundles } from '../render/bundles.js';
import { loadDefinitions, type ChartDef, type TableDef } from '../render/definitions.js';
import { reportHtml } from '../render/html.js';
import type { ItemStatus, RenderedChart, RenderedTable } from '../render/items.js';
import { reportMarkdown } from '../render/markdown.js';
import { svgToPng } from '../render/png.js';
import { runQuery } from '../render/query.js';
import { loadTranscripts, transcriptsHtml } from '../render/transcripts.js';
import { renderSvg, withValues } from '../render/vega.js';
import { computeHeadlines } from './headlines.js';

export interface BuildReportOptions {
  /** Page and Markdown title. Default "cxbench report". */
  title?: string;
  /** Folder with charts/ and tables/ definitions. Default: the project's reports/. */
  reportsDir?: string;
  /** Inline vega, vega-lite and vega-embed (+~840 KB) for the interactive section. Default true. */
  interactive?: boolean;
  /** Write charts/<id>.png beside the SVGs. Default true. */
  png?: boolean;
  /** Cap the transcript browser for very large runs. Default: every conversation. */
  maxTranscripts?: number;
  /** Throw on a broken chart or table definition instead of showing the error in the report. Default false. */
  strict?: boolean;
  /** Timestamp printed in the report; pass a fixed value for byte-identical rebuilds. Default: now. */
  generatedAt?: string;
}

export interface ChartOutput {
  id: string;
  status: ItemStatus;
  note?: string;
  svg?: string;
  png?: string;
  /** vega / vega-lite warnings while compiling the spec: advice for the chart author. */
  warnings?: string[];
}
export interface BuildReportResult {
  html: string;
  markdown: string;
  charts: ChartOutput[];
  tables: { id: string; status: ItemStatus; note?: string }[];
}

function fail(strict: boolean, what: string, message: string): void {
  if (strict) throw new Error(`${what}: ${message}`);
}

async function renderChart(store: Store, def: ChartDef, strict: boolean): Promise<RenderedChart> {
  const base = { kind: 'chart' as const, id: def.id, meta: def.meta, rowCount: 0 };
  const q = await runQuery(store, def.sql);
  if (q.kind === 'error') {
    fail(strict, `chart ${def.id} query`, q.message);
    return { ...base, status: 'error', note: q.message };
  }
  if (q.kind === 'missing') return { ...base, status: 'no-data', note: q.message };
  if (q.rows.length === 0) return { ...base, status: 'no-data', note: 'the query returned no rows' };
  const spec = withValues(def.spec, q.rows);
  try {
    const { svg, warnings } = await renderSvg(spec, `s-${def.id}`);
    return { ...base, status: 'rendered', svg, spec, rowCount: q.rows.length, warnings };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    fail(strict, `chart ${def.id} spec`, message);
    return { ...base, status: 'error', note: message };
  }
}

async function renderTable(store: Store, def: TableDef, strict: boolean): Promise<RenderedTable> {
  const base = { kind: 'table' as const, id: def.id, meta: def.meta, rows: [] };
  const q = await runQuery(store, def.sql);
  if (q.kind === 'error') {
    fail(strict, `table ${def.id} query`, q.message);
    return { ...base, status: 'error', note: q.message };
  }
  if (q.kind === 'missing') return { ...base, status: 'no-data', note: q.message };
  if (q.rows.length === 0) return { ...base, status: 'no-data', note: 'the query returned no rows' };
  return { ...base, status: 'rendered', rows: q.rows };
}

async function subtitle(store: Store): Promise<string> {
  const q = await runQuery(store, 'SELECT DISTINCT suite_name, run_id, code_version FROM runs ORDER BY run_id');
  if (q.kind !== 'rows' || q.rows.length === 0) return 'no run recorded';
  const suites = [...new Set(q.rows.map((r) => String(r.suite_name)))].join(', ');
  const codes = [...new Set(q.rows.map((r) => String(r.code_version)))].join(', ');
  return `suite ${suites} · ${q.rows.length} run(s): ${q.rows.map((r) => String(r.run_id)).join(', ')} · code ${codes}`;
}

/**
 * Builds the report from the database: report.html (self-contained, offline), report.md (memo summary),
 * charts/<id>.svg and charts/<id>.png. Charts without data show a "no data yet" note and write no files.
 */
export async function buildReport(store: Store, outDir: string, opts: BuildReportOptions = {}): Promise<BuildReportResult> {
  const out = resolve(outDir);
  const chartsDir = join(out, 'charts');
  // Stale images from an earlier build would contradict the new report, so the charts folder is rebuilt whole.
  rmSync(chartsDir, { recursive: true, force: true });
  mkdirSync(chartsDir, { recursive: true });
  const strict = opts.strict ?? false;
  const defs = loadDefinitions(opts.reportsDir);

  const charts: RenderedChart[] = [];
  for (const def of defs.charts) charts.push(await renderChart(store, def, strict));
  const tables: RenderedTable[] = [];
  for (const def of defs.tables) tables.push(await renderTable(store, def, strict));

  const chartOutputs: ChartOutput[] = charts.map((c) => {
    if (c.status !== 'rendered' || !c.svg) return { id: c.id, status: c.status, note: c.note };
    const svgPath = join(chartsDir, `${c.id}.svg`);
    writeFileSync(svgPath, c.svg);
    const warnings = c.warnings?.length ? { warnings: c.warnings } : {};
    if (opts.png === false) return { id: c.id, status: c.status, svg: svgPath, ...warnings };
    const pngPath = join(chartsDir, `${c.id}.png`);
    writeFileSync(pngPath, svgToPng(c.svg));
    return { id: c.id, status: c.status, svg: svgPath, png: pngPath, ...warnings };
  });

  const headlines = await computeHeadlines(store);
  const { transcripts, total } = await loadTranscripts(store, opts.maxTranscripts);
  const title = opts.title ?? 'cxbench report';
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const sub = await subtitle(store);
  const items = [...charts, ...tables];

  const htmlPath = join(out, 'report.html');
  writeFileSync(htmlPath, reportHtml({
    title, generatedAt, subtitle: sub, headlines, items,
    transcriptsHtml: transcriptsHtml(transcripts, total),
    bundles: opts.interactive === false ? [] : vegaBundles(),
  }));
  const mdPath = join(out, 'report.md');
  writeFileSync(mdPath, reportMarkdown({ title, generatedAt, subtitle: sub, headlines, items }));

  return {
    html: htmlPath,
    markdown: mdPath,
    charts: chartOutputs,
    tables: tables.map((t) => ({ id: t.id, status: t.status, note: t.note })),
  };
}
