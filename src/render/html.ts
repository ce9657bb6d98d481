import { SECTION_INFO, SectionSchema, type Section } from './definitions.js';
import { decisionHtml, type DecisionPage } from './decision.js';
import { escapeHtml } from './escape.js';
import type { HeadlineBlock, RenderedChart, RenderedItem, RenderedTable } from './items.js';
import { REPORT_CSS } from './styles.js';
import { tableHtml } from './table.js';

export interface ReportPage {
  title: string;
  generatedAt: string;
  /** Short provenance line under the title (runs, code version). */
  subtitle: string;
  decision: DecisionPage;
  headlines: HeadlineBlock[];
  /** Charts and tables placed on the page (files-only items are linked from the decision page). */
  items: RenderedItem[];
  /** Where each table's full rows were written (id -> CSV path), for tables too long to print. */
  tableFiles: Record<string, { csv: string; parquet?: string }>;
}

/** A table with more rows than this is not printed: the page links its CSV and Parquet instead. */
export const MAX_PAGE_TABLE_ROWS = 30;

/**
 * No script runs in the report: the page is static HTML with inline SVG, so stored model output can only ever be
 * text, and nothing may be fetched. The CSP says so to the browser as well.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', "base-uri 'none'", "form-action 'none'",
].join('; ');

function noData(note: string | undefined): string {
  return `<div class="no-data">No data${note ? `: ${escapeHtml(note)}` : '.'}</div>`;
}

function chartFigure(c: RenderedChart): string {
  const body = c.status === 'rendered' && c.svg
    ? `${c.svg}<p class="note">Files: <a href="charts/${c.id}.svg">SVG</a> · <a href="charts/${c.id}.png">PNG</a> · ${c.rowCount} data rows.</p>`
    : c.status === 'error' ? `<div class="error">This chart could not be drawn: ${escapeHtml(c.note)}</div>` : noData(c.note);
  return `<figure class="chart" id="chart-${c.id}" data-status="${c.status}"><h3>${escapeHtml(c.meta.title)}</h3>`
    + `<p class="desc">${escapeHtml(c.meta.description)}</p>${body}</figure>`;
}

function fileLinks(f: { csv: string; parquet?: string } | undefined): string {
  if (!f) return '';
  return `<a href="${escapeHtml(f.csv)}">CSV</a>${f.parquet ? ` · <a href="${escapeHtml(f.parquet)}">Parquet</a>` : ''}`;
}

function tableBlock(t: RenderedTable, files: ReportPage['tableFiles']): string {
  const links = fileLinks(files[t.id]);
  const body = t.status === 'error' ? `<div class="error">This table could not be built: ${escapeHtml(t.note)}</div>`
    : t.status !== 'rendered' ? noData(t.note)
      : t.rows.length > MAX_PAGE_TABLE_ROWS
        ? `<p class="files-only">${t.rows.length} rows: too many to read here. ${links ? `Full table: ${links}, or` : 'Open it'} in the viewer (<code>npx cxbench view</code>).</p>`
        : tableHtml(t.meta, t.rows) + (links ? `<p class="note">Also as ${links}.</p>` : '');
  return `<section class="report-table" id="table-${t.id}" data-status="${t.status}"><h3>${escapeHtml(t.meta.title)}</h3><p class="desc">${escapeHtml(t.meta.description)}</p>${body}</section>`;
}

function headlinesHtml(blocks: HeadlineBlock[]): string {
  return blocks.map((b) => `<h3>${escapeHtml(b.title)}</h3>`
    + (b.items.length ? `<ul class="headlines">${b.items.map((h) => `<li><strong>${escapeHtml(h.label)}</strong>: ${escapeHtml(h.text)}</li>`).join('')}</ul>` : '')
    + (b.note ? `<p class="note">${escapeHtml(b.note)}</p>` : '')).join('\n');
}

/** Items without data take one line each at the end of their section: what is missing and which command makes it. */
function missingList(items: RenderedItem[]): string {
  if (items.length === 0) return '';
  return `<h3>Not in this database</h3><ul class="compact no-data-list">${items.map((i) => `<li id="${i.kind}-${i.id}" data-status="no-data">`
    + `<strong>${escapeHtml(i.meta.title)}</strong>: ${escapeHtml(i.note ?? 'no data')}</li>`).join('')}</ul>`;
}

function sectionHtml(section: Section, items: RenderedItem[], files: ReportPage['tableFiles']): string {
  const mine = items.filter((i) => i.meta.section === section);
  if (mine.length === 0) return '';
  const info = SECTION_INFO[section];
  const shown = mine.filter((i) => i.status !== 'no-data');
  const content = shown.map((i) => (i.kind === 'chart' ? chartFigure(i) : tableBlock(i, files))).join('\n');
  return `<section id="section-${section}"><h2>${escapeHtml(info.title)}</h2><p class="lead">${escapeHtml(info.lead)}</p>${content}`
    + `${missingList(mine.filter((i) => i.status === 'no-data'))}</section>`;
}

/** The single self-contained report file: the decision page first, then the key charts, then the summary in words. */
export function reportHtml(page: ReportPage): string {
  const sections = SectionSchema.options.filter((s) => page.items.some((i) => i.meta.section === s));
  const toc = [
    '<li><a href="#decision-managers">Managers</a></li>', '<li><a href="#decision-governance">Governance</a></li>',
    '<li><a href="#decision-researchers">Researchers: full tables</a></li>',
    ...sections.map((s) => `<li><a href="#section-${s}">${escapeHtml(SECTION_INFO[s].title)}</a></li>`),
    '<li><a href="#section-summary">Summary in words</a></li>',
  ].join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<title>${escapeHtml(page.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(page.title)}</h1><p class="lead">${escapeHtml(page.subtitle)} · generated ${escapeHtml(page.generatedAt)}</p>
<nav class="toc"><ul>${toc}</ul></nav></header>
${decisionHtml(page.decision)}
${sections.map((s) => sectionHtml(s, page.items, page.tableFiles)).join('\n')}
<section id="section-summary"><h2>Summary in words</h2><p class="lead">The same statements as report.md, each with its interval and sample size.</p>${headlinesHtml(page.headlines)}</section>
</main>
</body>
</html>
`;
}
