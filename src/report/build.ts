import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { metricCatalog } from '../../evaluators/index.js';
import type { Store } from '../store/db.js';
import { loadDefinitions, type ChartDef, type TableDef } from '../render/definitions.js';
import { reportHtml } from '../render/html.js';
import type { ItemStatus, RenderedChart, RenderedTable } from '../render/items.js';
import { reportMarkdown } from '../render/markdown.js';
import { svgToPng } from '../render/png.js';
import { runQuery } from '../render/query.js';
import { renderSvg, withValues } from '../render/vega.js';
import { loadDecisionData } from './decision-data.js';
import { decisionPageFrom, validitySource } from './decision-page.js';
import { registerMarks } from './marks-table.js';
import { exportTables } from './exports.js';
import { computeHeadlines } from './headlines.js';

export interface BuildReportOptions {
  /** Page and Markdown title. Default "cxbench report". */
  title?: string;
  /** Folder with charts/ and tables/ definitions. Default: the project's reports/. */
  reportsDir?: string;
  /** Write charts/<id>.png beside the SVGs. Default true. */
  png?: boolean;
  /**
   * Transcripts are not embedded any more (they made the page 175 screens tall): `npx cxbench view` shows them.
   * Accepted and ignored so existing callers keep compiling.
   */
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
  tables: { id: string; status: ItemStatus; note?: string; csv?: string; parquet?: string }[];
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
  if (q.rows.length === 0) return { ...base, status: 'no-data', note: def.meta.empty ?? 'the query returned no rows' };
  try {
    const { svg, warnings } = await renderSvg(withValues(def.spec, q.rows), `s-${def.id}`);
    return { ...base, status: 'rendered', svg, rowCount: q.rows.length, warnings };
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
  if (q.rows.length === 0) return { ...base, status: 'no-data', note: def.meta.empty ?? 'the query returned no rows' };
  return { ...base, status: 'rendered', rows: q.rows };
}

async function subtitle(store: Store): Promise<string> {
  const q = await runQuery(store, `SELECT DISTINCT suite_name, run_id, code_version FROM runs ORDER BY run_id`);
  if (q.kind !== 'rows' || q.rows.length === 0) return 'no run recorded';
  const suites = [...new Set(q.rows.map((r) => String(r.suite_name)))].join(', ');
  const codes = [...new Set(q.rows.map((r) => String(r.code_version)))].join(', ');
  const ids = q.rows.map((r) => String(r.run_id));
  return `suite ${suites} · ${ids.length} run(s): ${ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ')} · code ${codes}`;
}

/**
 * Builds the report from the database: report.html (one static, offline file: the decision page first, then the
 * key charts), report.md (memo summary), charts/<id>.svg and .png, and tables/<id>.csv and .parquet (every table in
 * full). Transcripts stay in the database for the viewer (`npx cxbench view`).
 */
export async function buildReport(store: Store, outDir: string, opts: BuildReportOptions = {}): Promise<BuildReportResult> {
  const out = resolve(outDir);
  const chartsDir = join(out, 'charts');
  // Stale images from an earlier build would contradict the new report, so the charts folder is rebuilt whole.
  rmSync(chartsDir, { recursive: true, force: true });
  mkdirSync(chartsDir, { recursive: true });
  const strict = opts.strict ?? false;
  const defs = loadDefinitions(opts.reportsDir);
  const catalog = metricCatalog();
  const data = await loadDecisionData(store);
  // Charts and tables join report_marks to label figures from screens and unmeasured instruments.
  await registerMarks(store, data.metrics, validitySource(data, catalog));

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

  const exports = await exportTables(store, out, tables.map((t) => ({
    id: t.id, title: t.meta.title, sql: defs.tables.find((d) => d.id === t.id)!.sql, rows: t.rows.length,
  })));
  const tableFiles = Object.fromEntries(exports.map((e) => [e.id, { csv: e.csv, ...(e.parquet ? { parquet: e.parquet } : {}) }]));
  const fileCharts = charts.filter((c) => c.meta.placement === 'files' && c.status === 'rendered').map((c) => ({ id: c.id, title: c.meta.title }));
  const decision = decisionPageFrom(data, catalog, { exports, fileCharts, dbPath: store.path });

  const headlines = await computeHeadlines(store, { validity: validitySource(data, catalog) });
  const title = opts.title ?? 'cxbench report';
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const sub = await subtitle(store);
  const onPage = [...charts, ...tables].filter((i) => i.meta.placement === 'page');

  const htmlPath = join(out, 'report.html');
  writeFileSync(htmlPath, reportHtml({ title, generatedAt, subtitle: sub, decision, headlines, items: onPage, tableFiles }));
  const mdPath = join(out, 'report.md');
  writeFileSync(mdPath, reportMarkdown({ title, generatedAt, subtitle: sub, decision, headlines, items: onPage, tableFiles }));

  return {
    html: htmlPath,
    markdown: mdPath,
    charts: chartOutputs,
    tables: tables.map((t) => ({ id: t.id, status: t.status, note: t.note, ...(tableFiles[t.id] ? { csv: join(out, tableFiles[t.id]!.csv) } : {}) })),
  };
}
