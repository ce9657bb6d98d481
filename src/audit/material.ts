import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { parseCsvRows } from '../core/csv.js';
import { InputError, type InputProblem } from '../core/errors.js';
import type { CatalogItem, KbArticle, Policy } from '../plan/datasets.js';
import { MAX_INPUT_BYTES, zodProblems } from '../schema/load.js';

/** Grounding material for every audited conversation: what the agent was allowed to know and say. */
export interface AuditMaterial {
  kb: KbArticle[];
  policies: Policy[];
  catalog: CatalogItem[];
  files: string[];
}

export interface TextBlock { id: string; title: string; text: string }

function readText(file: string): string {
  let size: number;
  try { size = statSync(file).size; } catch { throw new InputError(`${file}: file not found`, [{ file, path: '', expected: 'a readable file', found: 'no such file' }]); }
  if (size > MAX_INPUT_BYTES) throw new InputError(`${file}: too large`, [{ file, path: '', expected: `at most ${MAX_INPUT_BYTES} bytes`, found: `${size} bytes` }]);
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

/**
 * A text or Markdown file as blocks: one per Markdown heading (its title the heading), text before the first heading
 * a block titled by the file name. A file without headings is one block.
 */
export function textBlocks(file: string, text: string): TextBlock[] {
  const stem = basename(file, extname(file));
  const blocks: TextBlock[] = [];
  let title = stem;
  let lines: string[] = [];
  const flush = (): void => {
    const body = lines.join('\n').trim();
    if (body) blocks.push({ id: `${stem}#${blocks.length + 1}`, title, text: body });
    lines = [];
  };
  for (const l of text.split(/\r?\n/)) {
    const h = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(l);
    if (h) { flush(); title = h[1]!; } else lines.push(l);
  }
  flush();
  return blocks;
}

const TEXT_EXTS = ['.md', '.markdown', '.txt'];

function blocksOf(files: string[], what: string): TextBlock[] {
  return files.flatMap((f) => {
    const ext = extname(f).toLowerCase();
    if (!TEXT_EXTS.includes(ext)) throw new InputError(`${f}: ${what} files are text`, [{ file: f, path: '', expected: `a ${TEXT_EXTS.join(', ')} file`, found: ext || 'no extension' }]);
    const blocks = textBlocks(f, readText(f));
    if (!blocks.length) throw new InputError(`${f}: empty`, [{ file: f, path: '', expected: `${what} text`, found: 'an empty file' }]);
    return blocks;
  });
}

/** One catalog entry: a name and a price; the rest optional. */
export const CatalogEntrySchema = z.strictObject({
  name: z.string().min(1),
  price: z.coerce.number().nonnegative(),
  sku: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  stock: z.coerce.number().int().nonnegative().optional(),
  currency: z.string().length(3).optional(),
});
const CatalogJsonSchema = z.union([z.array(CatalogEntrySchema).min(1), z.strictObject({ currency: z.string().length(3).optional(), items: z.array(CatalogEntrySchema).min(1) })]);

/** A catalog as CSV (columns name, price; optional sku, category, stock, currency) or JSON (a list, or {currency, items}). */
export function loadCatalog(file: string, domain: string): CatalogItem[] {
  const text = readText(file);
  const ext = extname(file).toLowerCase();
  const problems: InputProblem[] = [];
  let entries: z.infer<typeof CatalogEntrySchema>[] = [];
  let currency: string | undefined;
  if (ext === '.csv') {
    const [header, ...rows] = parseCsvRows(text);
    const names = header?.cells.map((h) => h.trim()) ?? [];
    for (const { cells, line } of rows) {
      const data: Record<string, string> = {};
      names.forEach((n, i) => { if ((cells[i] ?? '') !== '') data[n] = cells[i]!; });
      const p = CatalogEntrySchema.safeParse(data);
      if (p.success) entries.push(p.data); else problems.push(...zodProblems(file, data, p.error.issues).map((x) => ({ ...x, line })));
    }
    if (!rows.length) problems.push({ file, path: '', expected: 'a header row (name,price,...) and at least one item', found: 'no items' });
  } else if (ext === '.json') {
    let data: unknown;
    try { data = JSON.parse(text); } catch (e) { throw new InputError(`${file}: not valid JSON`, [{ file, path: '', expected: 'JSON', found: e instanceof Error ? e.message : 'not JSON' }]); }
    const p = CatalogJsonSchema.safeParse(data);
    if (p.success) { entries = Array.isArray(p.data) ? p.data : p.data.items; currency = Array.isArray(p.data) ? undefined : p.data.currency; }
    else problems.push(...zodProblems(file, data, p.error.issues));
  } else problems.push({ file, path: '', expected: 'a .csv or .json catalog', found: ext || 'no extension' });
  if (problems.length) throw new InputError(`${file}: ${problems.length} problem(s) in the catalog`, problems);
  return entries.map((e, i) => ({
    sku: e.sku ?? `item-${i + 1}`, name: e.name, price: e.price, category: e.category ?? 'catalog', attributes: {},
    ...(e.stock !== undefined ? { stock: e.stock } : {}), currency: e.currency ?? currency ?? 'USD', domain,
  }));
}

export function loadMaterial(o: { knowledge?: string[]; policy?: string[]; catalog?: string }, domain: string): AuditMaterial {
  const kb = blocksOf(o.knowledge ?? [], 'knowledge').map((b): KbArticle => ({ id: b.id, title: b.title, text: b.text, questions: [], domain }));
  const policies = blocksOf(o.policy ?? [], 'policy').map((b): Policy => ({ id: b.id, name: b.title, text: b.text, terms: {}, domain }));
  const catalog = o.catalog ? loadCatalog(o.catalog, domain) : [];
  return { kb, policies, catalog, files: [...(o.knowledge ?? []), ...(o.policy ?? []), ...(o.catalog ? [o.catalog] : [])] };
}
