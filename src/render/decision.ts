import type { DecisionCell } from '../report/decision-cells.js';
import type { GovernanceRow } from '../report/decision-governance.js';
import type { ManagerRow } from '../report/decision-managers.js';
import type { ValidityMark } from '../report/validity-marks.js';
import { escapeHtml, escapeMarkdown } from './escape.js';

/** A file beside the report that holds a full table (CSV, and Parquet when DuckDB could write it). */
export interface ExportLink { id: string; title: string; rows: number; csv: string; parquet?: string }
/** A chart written to charts/ only (SVG and PNG), listed as a link. */
export interface FileChart { id: string; title: string }
export interface InstrumentLine { metric: string; title: string; mark: ValidityMark }

export interface DecisionPage {
  managers: ManagerRow[];
  governance: GovernanceRow[];
  /** One sentence per flagged primary bias test. */
  flagged: string[];
  /** The instruments behind the governance and managers' figures, with their validity. */
  instruments: InstrumentLine[];
  exports: ExportLink[];
  fileCharts: FileChart[];
  /** Tables the page needed that are not in the database, with the reason. */
  notes: string[];
  /** The command that opens this database in the viewer, e.g. `npx cxbench view out/cxbench.duckdb`. */
  viewerCommand: string;
}

function markHtml(m: ValidityMark | undefined): string {
  return m ? ` <span class="mark mark-${m.level}" title="${escapeHtml(m.detail)}">${escapeHtml(m.text)}</span>` : '';
}

/** A cell: the figure, and its small note unless the row is compact (per-approach rows keep to one line). */
function cellHtml(c: DecisionCell, compact = false): string {
  return `<td${c.tone ? ` class="tone-${c.tone}"` : ''}><span class="fig">${escapeHtml(c.text)}</span>`
    + `${c.note && !compact ? `<small>${escapeHtml(c.note)}</small>` : ''}</td>`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function verdictHtml(r: ManagerRow): string {
  const [head = '', ...rest] = r.verdict.text.split(': ');
  // A per-approach baseline row needs no repeated explanation.
  const tail = r.verdict.kind === 'baseline' && !r.pooled ? '' : [rest.join(': '), ...r.caveats].filter(Boolean).join('; ');
  return `<td class="verdict v-${r.verdict.kind.replace(/[^a-z]+/g, '-')}"><strong>${escapeHtml(capitalise(head))}</strong>${tail ? `<small>${escapeHtml(tail)}</small>` : ''}</td>`;
}

/** A column's validity mark, shown once in its header: every row of a column comes from the same instrument. */
function headCell(label: string, mark: ValidityMark | undefined): string {
  return `<th scope="col">${escapeHtml(label)}${markHtml(mark)}</th>`;
}

const MANAGER_HEAD = ['Agent (model)', 'Approach (sample)', 'Resolved, % [95% CI]', 'Difference to the baseline, paired, pp [95% CI]', 'Cost per resolved conversation',
  'Critical failures, % [95% CI]', 'Bias flags', 'AI disclosed in first turn, % [95% CI]', 'Verdict'];

function managerRowHtml(r: ManagerRow): string {
  const compact = !r.pooled;
  const who = `<td class="who"><strong>${escapeHtml(r.model)}</strong>${r.baseline ? ' <span class="badge baseline">baseline</span>' : ''}</td>`;
  const approach = `<td class="approach">${r.pooled ? '<em>all approaches pooled</em>' : escapeHtml(r.approach)}<small>${escapeHtml(r.sample)}</small></td>`;
  return `<tr class="${r.pooled ? 'pooled' : 'approach'}${r.baseline ? ' baseline' : ''}">${who}${approach}`
    + [r.resolution, r.delta, r.costPerResolved, r.critical, r.bias, r.disclosure].map((c) => cellHtml(c, compact)).join('') + `${verdictHtml(r)}</tr>`;
}

export function managersHtml(rows: ManagerRow[]): string {
  if (rows.length === 0) return '<p class="no-data">No data yet: no resolution scores (run the suite, then `cxbench report`).</p>';
  const marks: (ValidityMark | undefined)[] = [undefined, undefined, undefined, undefined, undefined, rows.find((r) => r.critical.mark)?.critical.mark,
    undefined, rows.find((r) => r.disclosure.mark)?.disclosure.mark, undefined];
  const head = `<thead><tr>${MANAGER_HEAD.map((h, i) => headCell(h, marks[i])).join('')}</tr></thead>`;
  const pooled = rows.filter((r) => r.pooled).map(managerRowHtml).join('\n');
  const per = rows.filter((r) => !r.pooled).map(managerRowHtml).join('\n');
  const perHead = per ? `<tr class="group"><th colspan="${MANAGER_HEAD.length}" scope="rowgroup">Per approach: exploratory (Holm across approaches); notes are in the CSV and the viewer</th></tr>` : '';
  const onlyBaseline = rows.every((r) => r.baseline)
    ? '<p class="note">Only the traditional rules arm ran: add a model (for example <code>-m rules,openai:gpt-4o-mini</code>) to compare against it.</p>' : '';
  return `${onlyBaseline}<div class="table-wrap"><table class="decision managers">${head}<tbody>${pooled}</tbody><tbody>${perHead}${per}</tbody></table></div>`;
}

const GOV_HEAD = ['Agent (model)', 'Bias verdict (primary tests)', 'AI disclosed in first turn', 'False claims to be human', 'Honest when asked',
  'Cross-customer PII leaks', 'Own data over-exposed', 'Any manipulation'];

export function governanceHtml(rows: GovernanceRow[], flagged: string[], instruments: InstrumentLine[]): string {
  if (rows.length === 0) return '<p class="no-data">No data yet: no conversations stored.</p>';
  const cells = (r: GovernanceRow): DecisionCell[] => [r.bias, r.disclosure, r.falseHuman, r.honestAsked, r.leak, r.overexposure, r.manipulation];
  const marks = GOV_HEAD.map((_h, i) => (i === 0 ? undefined : rows.map((r) => cells(r)[i - 1]!.mark).find(Boolean)));
  const body = rows.map((r) => `<tr${r.baseline ? ' class="baseline"' : ''}><td class="who"><strong>${escapeHtml(r.model)}</strong>${r.baseline ? ' <span class="badge baseline">baseline</span>' : ''}</td>`
    + cells(r).map((c) => cellHtml(c)).join('') + '</tr>').join('\n');
  const table = `<div class="table-wrap"><table class="decision governance"><thead><tr>${GOV_HEAD.map((h, i) => headCell(h, marks[i])).join('')}</tr></thead><tbody>${body}</tbody></table></div>`;
  const flags = flagged.length
    ? `<h4>Flagged bias tests (primary, approaches pooled)</h4><ul class="compact">${flagged.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`
    : '';
  return table + flags + instrumentsHtml(instruments);
}

/** Each instrument with its validity; when they all share one reason (no measurement at all), it is said once. */
function instrumentsHtml(instruments: InstrumentLine[]): string {
  if (instruments.length === 0) return '';
  const first = instruments[0]!.mark;
  if (instruments.length > 1 && instruments.every((i) => i.mark.text === first.text && i.mark.detail === first.detail)) {
    return `<h4>Instruments behind these figures</h4><p class="compact">${markHtml(first)} for ${instruments.map((i) => `<code>${escapeHtml(i.metric)}</code>`).join(', ')}: ${escapeHtml(first.detail)}.</p>`;
  }
  return `<h4>Instruments behind these figures</h4><ul class="compact instruments">${instruments.map((i) => `<li><code>${escapeHtml(i.metric)}</code> ${escapeHtml(i.title)}:${markHtml(i.mark)} <span class="note">${escapeHtml(i.mark.detail)}</span></li>`).join('')}</ul>`;
}


export function researchersHtml(exports: ExportLink[], fileCharts: FileChart[], viewerCommand: string): string {
  const files = exports.length
    ? `<ul class="files">${exports.map((e) => `<li>${escapeHtml(e.title)} (${e.rows} rows): <a href="${escapeHtml(e.csv)}">CSV</a>${e.parquet ? ` · <a href="${escapeHtml(e.parquet)}">Parquet</a>` : ''}</li>`).join('')}</ul>`
    : '<p class="no-data">No tables with data yet.</p>';
  const charts = fileCharts.length
    ? `<p>More charts as files: ${fileCharts.map((c) => `${escapeHtml(c.title)} (<a href="charts/${escapeHtml(c.id)}.svg">SVG</a>, <a href="charts/${escapeHtml(c.id)}.png">PNG</a>)`).join(' · ')}.</p>`
    : '';
  return `<p>Full tables sit beside this file in <code>tables/</code>, one CSV (and Parquet) per table: ${exports.length} files with data.</p>${files}${charts}`
    + `<p class="viewer">Transcripts with their scores and evidence, filters, sortable tables and run diffs are in the viewer: run <code>${escapeHtml(viewerCommand)}</code> in the project folder. They are not copied into this file.</p>`;
}

export function decisionHtml(p: DecisionPage): string {
  const notes = p.notes.length ? `<ul class="compact note">${p.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  return `<section id="section-decision" class="decision-page">
<h2 id="decision-managers">For managers: which agent on which approach, against the rules arm?</h2>
<p class="lead">Each row is an agent (model) on an approach, compared with the baseline (the traditional rules arm) on the same scenarios. Brackets are 95% intervals over scenarios; "unknown" is never a zero.</p>
${managersHtml(p.managers)}${notes}
<h2 id="decision-governance">For governance: risks per model, all approaches pooled</h2>
<p class="lead">Every figure carries its instrument's measured validity; marked figures come from instruments below the bar, unvalidated screens or instruments never measured.</p>
${governanceHtml(p.governance, p.flagged, p.instruments)}
<h2 id="decision-researchers">For researchers: paired comparisons and full tables</h2>
${researchersHtml(p.exports, p.fileCharts, p.viewerCommand)}
</section>`;
}

const mdCell = (c: DecisionCell): string => escapeMarkdown(`${c.text}${c.mark ? ` (${c.mark.text})` : ''}`);

/** The decision tables for report.md (figures and marks; the small notes stay in the HTML). */
export function decisionMarkdown(p: DecisionPage): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const out = ['## For managers', ''];
  if (p.managers.length) {
    out.push(line(MANAGER_HEAD.map(escapeMarkdown)), line(MANAGER_HEAD.map(() => '---')));
    for (const r of p.managers) {
      out.push(line([escapeMarkdown(r.model + (r.baseline ? ' (baseline)' : '')), escapeMarkdown(r.pooled ? 'all approaches pooled' : r.approach),
        mdCell(r.resolution), mdCell(r.delta), mdCell(r.costPerResolved), mdCell(r.critical), mdCell(r.bias), mdCell(r.disclosure),
        escapeMarkdown([r.verdict.text, ...r.caveats].join('; '))]));
    }
  } else out.push('No data yet.');
  out.push('', '## For governance', '');
  if (p.governance.length) {
    out.push(line(GOV_HEAD.map(escapeMarkdown)), line(GOV_HEAD.map(() => '---')));
    for (const r of p.governance) {
      out.push(line([escapeMarkdown(r.model + (r.baseline ? ' (baseline)' : '')), ...[r.bias, r.disclosure, r.falseHuman, r.honestAsked, r.leak, r.overexposure, r.manipulation].map(mdCell)]));
    }
  } else out.push('No data yet.');
  for (const f of p.flagged) out.push(`- ${escapeMarkdown(f)}`);
  out.push('', `Full tables: \`tables/\` beside this file (CSV and Parquet). Transcripts: \`${p.viewerCommand}\`.`, '');
  return out.join('\n');
}
