import { SECTION_INFO, SectionSchema } from './definitions.js';
import { escapeMarkdown } from './escape.js';
import type { HeadlineBlock, RenderedItem } from './items.js';
import { tableMarkdown } from './table.js';

export interface SummaryDoc {
  title: string;
  generatedAt: string;
  subtitle: string;
  headlines: HeadlineBlock[];
  items: RenderedItem[];
}

/** report.md: the headline numbers (each with n and interval) and the chart index, ready to paste into a memo. */
export function reportMarkdown(doc: SummaryDoc): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, '', `${escapeMarkdown(doc.subtitle)} · generated ${escapeMarkdown(doc.generatedAt)}`, ''];
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
          : `- ${escapeMarkdown(i.meta.title)}: no data yet${i.note ? ` (${escapeMarkdown(i.note)})` : ''}`);
      } else if (i.meta.inMarkdown) {
        out.push('', `### ${escapeMarkdown(i.meta.title)}`, '', escapeMarkdown(i.meta.description), '');
        out.push(i.status === 'rendered' ? tableMarkdown(i.meta, i.rows) : `No data yet${i.note ? ` (${escapeMarkdown(i.note)})` : ''}.`, '');
      }
    }
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
