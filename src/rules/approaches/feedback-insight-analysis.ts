import type { RulesBotFactory } from '../bot.js';
import { countCategories, categoryPolarity, topCategories, type CategoryCount } from '../analysis/keyword-count.js';
import { botFrom } from '../dialogue/action.js';

export const TOP_N = 5;

const termList = (c: CategoryCount): string => c.terms.slice(0, 4).map(([t, n]) => `${t} (${n})`).join(', ');

/**
 * Counterpart of feedback-insight analysis: a keyword-counting report. It reads only the items' ids and texts
 * (never the corpus's gold themes), counts its own CX dictionary, and reports the top categories with counted sentiment.
 */
export const feedbackBot: RulesBotFactory = async (r) => {
  const items = (r.corpus?.items ?? []).map((it) => ({ id: it.id, text: it.text }));
  return botFrom(async () => {
    const counts = countCategories(items);
    const top = topCategories(counts, TOP_N);
    const matched = new Set(counts.flatMap((c) => c.itemIds));
    const themes = top.map((c) => ({
      label: c.category.label,
      sentiment: categoryPolarity(c),
      rootCause: `Most frequent keywords: ${termList(c)}`,
      evidenceIds: c.itemIds,
      action: c.category.action,
    }));
    const lines = top.map((c, i) => `${i + 1}. ${c.category.label}: ${c.itemIds.length} items (${c.negative} negative, ${c.neutral} neutral, ${c.positive} positive); keywords: ${termList(c)}.`);
    const text = [
      `Automated keyword report over ${items.length} feedback items.`,
      top.length ? 'Top categories by number of mentions:' : 'No category reached the minimum of two mentions.',
      ...lines,
      `${items.length - matched.size} items matched no dictionary category.`,
    ].join('\n');
    return { text, calls: [{ name: 'submit_insights', arguments: { themes } }] };
  });
};
