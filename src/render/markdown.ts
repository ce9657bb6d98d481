import { SECTION_INFO, SectionSchema } from './definitions.js';
import { decisionMarkdown, type DecisionPage } from './decision.js';
import { escapeMarkdown } from './escape.js';
import { MAX_PAGE_TABLE_ROWS } from './html.js';
import type { HeadlineBlock, RenderedItem } from './items.js';
import { tableMarkdown } from './table.js';

export interface SummaryDoc {
  title: string;
  generatedAt: string;
  subtitle: string;
  decision: DecisionPage;
  headlines: HeadlineBlock[];
  items: RenderedItem[];
  tableFiles: Record<string, { csv: string; parquet?: string }>;
}

/** report.md: the decision tables, the headline statements (each with n and interval) and the chart index, for a memo. */
export function reportMarkdown(doc: SummaryDoc): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, '', `${escapeMarkdown(doc.subtitle)} · generated ${escapeMarkdown(doc.generatedAt)}`, ''];
  out.push(decisionMarkdown(doc.decision), '');
  for (const b of doc.headlines) {
    out.push(`## ${escapeMarkdown(b.title)}`, '');
    for (const h of b.items) out.push(`- **${escapeMarkdown(h.label)}**: ${escapeMarkdown(h.text)}`);
    if (b.note) out.push(`_${escapeMarkdown(b.note)}_`);
    out.push('');
  }
  for (const section of SectionSchema.options) {
    const items = doc.items.filter((i) => i.meta.section === section);
    if (items.length === 0) continue;
    out.push(`## ${escapeMarkdown(SECTION_INFO[section].title)}`, '');
    for (const i of items) {
      if (i.kind === 'chart') {
        out.push(i.status === 'rendered'
          ? `- ${escapeMarkdown(i.meta.title)}: ![${escapeMarkdown(i.meta.title)}](charts/${i.id}.png) ([SVG](charts/${i.id}.svg))`
          : `- ${escapeMarkdown(i.meta.title)}: no data${i.note ? ` (${escapeMarkdown(i.note)})` : ''}`);
      } else if (i.meta.inMarkdown) {
        const file = doc.tableFiles[i.id];
        out.push('', `### ${escapeMarkdown(i.meta.title)}`, '', escapeMarkdown(i.meta.description), '');
        if (i.status !== 'rendered') out.push(`No data${i.note ? ` (${escapeMarkdown(i.note)})` : ''}.`, '');
        else if (i.rows.length > MAX_PAGE_TABLE_ROWS) out.push(`${i.rows.length} rows: see [${file?.csv ?? 'the CSV'}](${file?.csv ?? ''}).`, '');
        else out.push(tableMarkdown(i.meta, i.rows), '');
      }
    }
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
