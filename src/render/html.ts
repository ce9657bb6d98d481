import { createHash } from 'node:crypto';
import { SECTION_INFO, SectionSchema, type Section } from './definitions.js';
import { escapeHtml, inlineScriptText, jsonForScript } from './escape.js';
import type { HeadlineBlock, RenderedChart, RenderedItem, RenderedTable } from './items.js';
import { REPORT_CSS } from './styles.js';
import { tableHtml } from './table.js';
import type { Bundle } from './bundles.js';

export interface ReportPage {
  title: string;
  generatedAt: string;
  /** Short provenance line under the title (runs, code version). */
  subtitle: string;
  headlines: HeadlineBlock[];
  items: RenderedItem[];
  /** Pre-rendered, escaped transcript browser. */
  transcriptsHtml: string;
  /** The vega bundles to inline; empty = no interactive section. */
  bundles: Bundle[];
}

/** Opens the <details> a link points at (chart points and evidence link to #conv-… anchors inside closed details). */
const OPEN_TARGET_JS = `(function () {
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (!el) return;
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    el.scrollIntoView();
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
})();`;

/** Embeds every interactive chart and marks the page ready (the browser test waits for data-vega="ready"). */
const EMBED_JS = `(function () {
  var root = document.documentElement;
  var jobs = [];
  document.querySelectorAll('script[type="application/json"][data-vega-spec]').forEach(function (el) {
    var target = document.getElementById(el.getAttribute('data-vega-spec'));
    jobs.push(vegaEmbed(target, JSON.parse(el.textContent), { actions: false, renderer: 'svg' }));
  });
  Promise.all(jobs).then(function () { root.setAttribute('data-vega', 'ready'); },
    function (e) { root.setAttribute('data-vega', 'error'); console.error('vega-embed failed', e); });
})();`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Defence in depth behind the escaping: only our own inline scripts (by hash) may run, and nothing may be fetched.
 * vega compiles its expressions with Function(), hence 'unsafe-eval'.
 */
function contentSecurityPolicy(scripts: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(' ')} 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function noData(note: string | undefined): string {
  return `<div class="no-data">No data yet${note ? `: ${escapeHtml(note)}` : '.'}</div>`;
}

function chartFigure(c: RenderedChart): string {
  const body = c.status === 'rendered' && c.svg
    ? `${c.svg}<p class="note">Files: <a href="charts/${c.id}.svg">SVG</a> · <a href="charts/${c.id}.png">PNG</a> · ${c.rowCount} data rows.</p>`
    : c.status === 'error' ? `<div class="error">This chart could not be drawn: ${escapeHtml(c.note)}</div>` : noData(c.note);
  return `<figure class="chart" id="chart-${c.id}" data-status="${c.status}"><h3>${escapeHtml(c.meta.title)} <span class="badge">${escapeHtml(c.meta.audience)}</span></h3>`
    + `<p class="desc">${escapeHtml(c.meta.description)}</p>${body}</figure>`;
}

function tableBlock(t: RenderedTable): string {
  const body = t.status === 'rendered' ? tableHtml(t.meta, t.rows)
    : t.status === 'error' ? `<div class="error">This table could not be built: ${escapeHtml(t.note)}</div>` : noData(t.note);
  return `<section class="report-table" id="table-${t.id}" data-status="${t.status}"><h3>${escapeHtml(t.meta.title)}</h3><p class="desc">${escapeHtml(t.meta.description)}</p>${body}</section>`;
}

function headlinesHtml(blocks: HeadlineBlock[]): string {
  return blocks.map((b) => `<h3>${escapeHtml(b.title)}</h3>`
    + (b.items.length ? `<ul class="headlines">${b.items.map((h) => `<li><strong>${escapeHtml(h.label)}</strong>: ${escapeHtml(h.text)}</li>`).join('')}</ul>` : '')
    + (b.note ? `<p class="note">${escapeHtml(b.note)}</p>` : '')).join('\n');
}

function sectionHtml(section: Section, items: RenderedItem[], transcripts: string): string {
  const info = SECTION_INFO[section];
  const content = items.filter((i) => i.meta.section === section).map((i) => (i.kind === 'chart' ? chartFigure(i) : tableBlock(i))).join('\n');
  const extra = section === 'conversations' ? `<h3>Transcript browser</h3>${transcripts}` : '';
  return `<section id="section-${section}"><h2>${escapeHtml(info.title)}</h2><p class="lead">${escapeHtml(info.lead)}</p>${content}${extra}</section>`;
}

function interactiveHtml(charts: RenderedChart[]): { html: string; count: number } {
  const live = charts.filter((c) => c.status === 'rendered' && c.spec);
  const html = live.map((c) => `<h3>${escapeHtml(c.meta.title)}</h3><div class="vega-target" id="vis-${c.id}"></div>`
    + `<script type="application/json" data-vega-spec="vis-${c.id}">${jsonForScript(c.spec)}</script>`).join('\n');
  return { html, count: live.length };
}

/** The single self-contained report file: inline SVGs first, interactive charts after, no external requests. */
export function reportHtml(page: ReportPage): string {
  const charts = page.items.filter((i): i is RenderedChart => i.kind === 'chart');
  const interactive = page.bundles.length ? interactiveHtml(charts) : { html: '', count: 0 };
  // Hash exactly the text that is inlined, so the CSP admits our scripts and nothing else.
  const scripts = [OPEN_TARGET_JS, ...(interactive.count ? [...page.bundles.map((b) => b.source), EMBED_JS] : [])].map(inlineScriptText);
  const toc = SectionSchema.options.map((s) => `<li><a href="#section-${s}">${escapeHtml(SECTION_INFO[s].title)}</a></li>`).join('')
    + (interactive.count ? '<li><a href="#section-interactive">Interactive charts</a></li>' : '');
  return `<!doctype html>
<html lang="en" data-vega="${interactive.count ? 'pending' : 'none'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(scripts))}">
<title>${escapeHtml(page.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(page.title)}</h1><p class="lead">${escapeHtml(page.subtitle)} · generated ${escapeHtml(page.generatedAt)}</p>
<nav class="toc"><ul><li><a href="#section-summary">Summary</a></li>${toc}</ul></nav></header>
<section id="section-summary"><h2>Summary</h2><p class="lead">Headline numbers with their 95% intervals and sample sizes; the same text is in report.md.</p>${headlinesHtml(page.headlines)}</section>
${SectionSchema.options.map((s) => sectionHtml(s, page.items, page.transcriptsHtml)).join('\n')}
${interactive.count ? `<section id="section-interactive" class="interactive"><h2>Interactive charts</h2><p class="lead">The same data drawn live by vega-embed (tooltips; works offline, the libraries are inlined).</p>${interactive.html}</section>` : ''}
</main>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
