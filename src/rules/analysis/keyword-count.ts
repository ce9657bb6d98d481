import { stem, words } from '../text/tokens.js';
import { CX_DICTIONARY, NEGATIVE_WORDS, NEGATORS, POSITIVE_WORDS, type CxCategory } from './cx-dictionary.js';

export type Polarity = 'negative' | 'neutral' | 'positive';

export interface CategoryCount {
  category: CxCategory;
  itemIds: string[];
  negative: number;
  positive: number;
  neutral: number;
  /** Dictionary terms seen, with counts, most frequent first. */
  terms: [string, number][];
}

const NEG = new Set(NEGATIVE_WORDS);
const POS = new Set(POSITIVE_WORDS);
const NEGATE = new Set(NEGATORS);

/** Counting polarity: opinion words; "not good" counts as negative and "no problem" as nothing. */
export function polarity(text: string): Polarity {
  const ws = words(text);
  let neg = 0;
  let pos = 0;
  ws.forEach((w, i) => {
    const negated = NEGATE.has(ws[i - 1] ?? '') || NEGATE.has(ws[i - 2] ?? '');
    if (POS.has(w)) { if (negated) neg++; else pos++; }
    else if (NEG.has(w) && !negated) neg++;
  });
  return neg > pos ? 'negative' : pos > neg ? 'positive' : 'neutral';
}

/** Which dictionary keywords occur in a text (single words by stem, phrases as phrases). */
export function keywordHits(text: string, cat: CxCategory): string[] {
  const ws = words(text);
  const stems = new Set(ws.map(stem));
  const joined = ` ${ws.join(' ')} `;
  return cat.keywords.filter((k) => {
    const kw = words(k);
    return kw.length > 1 ? joined.includes(` ${kw.join(' ')} `) : stems.has(stem(kw[0] ?? ''));
  });
}

/** Counts, per dictionary category, the items that mention it and their polarity. */
export function countCategories(items: { id: string; text: string }[]): CategoryCount[] {
  return CX_DICTIONARY.map((category) => {
    const termCounts = new Map<string, number>();
    const c: CategoryCount = { category, itemIds: [], negative: 0, positive: 0, neutral: 0, terms: [] };
    for (const it of items) {
      const hits = keywordHits(it.text, category);
      if (!hits.length) continue;
      c.itemIds.push(it.id);
      c[polarity(it.text)]++;
      for (const h of hits) termCounts.set(h, (termCounts.get(h) ?? 0) + 1);
    }
    c.terms = [...termCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return c;
  });
}

/** Top-N categories by item count (ties in dictionary order), at least `minItems` mentions each. */
export function topCategories(counts: CategoryCount[], n: number, minItems = 2): CategoryCount[] {
  return counts
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.itemIds.length >= minItems)
    .sort((a, b) => b.c.itemIds.length - a.c.itemIds.length || a.i - b.i)
    .slice(0, n)
    .map(({ c }) => c);
}

export function categoryPolarity(c: CategoryCount): Polarity {
  if (c.negative >= c.positive && c.negative >= c.neutral) return 'negative';
  return c.positive >= c.neutral ? 'positive' : 'neutral';
}
