import type { CatalogItem } from '../../plan/datasets.js';
import { terms, words } from '../text/tokens.js';

export interface ProductMatch {
  item: CatalogItem;
  score: number;
}

const itemFields = (i: CatalogItem): { category: Set<string>; name: Set<string>; attrs: Set<string> } => ({
  category: new Set(terms(i.category.replace(/[-_]/g, ' '))),
  name: new Set(terms(i.name)),
  attrs: new Set(terms(Object.entries(i.attributes).map(([k, v]) => (typeof v === 'boolean' ? (v ? k : '') : `${k} ${v}`)).join(' ').replace(/[-_]/g, ' '))),
});

/**
 * Keyword filter over the catalog, the way a shop's search box scores: category words count most, then name words,
 * then attribute words. A SKU typed verbatim is a certain hit.
 */
export function matchProducts(text: string, catalog: CatalogItem[]): ProductMatch[] {
  const q = new Set(terms(text));
  const raw = new Set(words(text));
  const out: ProductMatch[] = [];
  for (const item of catalog) {
    const f = itemFields(item);
    let score = raw.has(item.sku.toLowerCase()) || text.toLowerCase().includes(item.sku.toLowerCase()) ? 10 : 0;
    for (const t of q) {
      if (f.category.has(t)) score += 2;
      else if (f.name.has(t)) score += 1.5;
      else if (f.attrs.has(t)) score += 1;
    }
    if (score > 0) out.push({ item, score });
  }
  // Stable: score, then cheaper first, then catalog order.
  return out.sort((a, b) => b.score - a.score || a.item.price - b.item.price);
}

/** Items the customer names (SKU, or a name/category word): the basket a quote is built for. */
export function mentionedItems(text: string, catalog: CatalogItem[]): CatalogItem[] {
  const ms = matchProducts(text, catalog);
  const top = ms[0]?.score ?? 0;
  // Relative cut: "the trail jacket and the belt" names two items, not every item sharing a word with them.
  return ms.filter((m) => m.score >= 1.5 && m.score >= top * 0.6).map((m) => m.item);
}

/** Catalog items matching free-text preferences (CRM "preferences" lines), best first. */
export function preferredItems(preferences: string[], catalog: CatalogItem[]): CatalogItem[] {
  return matchProducts(preferences.join(' '), catalog).map((m) => m.item);
}
