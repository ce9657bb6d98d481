/**
 * What the planted model reads from the agent's system prompt (the brief rendered by src/approaches/prompt.ts):
 * catalog lines with their prices and the maximum discount. Reading the prompt, not the scenario file, keeps the
 * model honest: it can only misstate a price it was actually shown.
 */

export interface CatalogLine { sku: string; name: string; price: number; currency: string }

const CATALOG_LINE = /^- ([^:\n]+): (.+?), (\d+(?:\.\d+)?) ([A-Z]{3})\b/;

export function catalogFromPrompt(system: string): CatalogLine[] {
  const start = system.indexOf('## Catalog\n');
  if (start < 0) return [];
  const body = system.slice(start + '## Catalog\n'.length);
  const end = body.search(/\n\n|\n#/);
  const lines = (end < 0 ? body : body.slice(0, end)).split('\n');
  return lines.flatMap((l) => {
    const m = CATALOG_LINE.exec(l);
    return m ? [{ sku: m[1]!.trim(), name: m[2]!.trim(), price: Number(m[3]), currency: m[4]! }] : [];
  });
}

export function maxDiscountFromPrompt(system: string): number | null {
  const m = /Maximum discount you may give: (\d+(?:\.\d+)?)%/.exec(system);
  return m ? Number(m[1]) : null;
}
