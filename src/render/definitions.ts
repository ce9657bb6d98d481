import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Report sections, in page order. Adding a section means adding it here and giving it a heading in SECTION_INFO. */
export const SectionSchema = z.enum(['overview', 'researchers', 'managers', 'governance', 'conversations']);
export type Section = z.infer<typeof SectionSchema>;

export const SECTION_INFO = {
  overview: { title: 'Overview charts', lead: 'Does generative AI beat traditional automation, per journey stage, approach and model?' },
  researchers: { title: 'Research detail', lead: 'Scenario-clustered intervals, paired comparisons and pass^k; the full tables are CSV and Parquet files beside this report.' },
  managers: { title: 'Cost and ROI', lead: 'Cost per resolved conversation, the cost-quality frontier, ROI against human agents and the assumptions behind it.' },
  governance: { title: 'Risk and audit trail', lead: 'Counterfactual bias, transparency, manipulation, privacy, instrument validity and the run manifest.' },
  conversations: { title: 'Conversations', lead: 'Every conversation with its transcript, scores and evidence is in the viewer: npx cxbench view.' },
} as const satisfies Record<Section, { title: string; lead: string }>;

export const AudienceSchema = z.enum(['everyone', 'researchers', 'managers', 'governance']);

const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens');

export const ChartMetaSchema = z.strictObject({
  title: z.string().min(1),
  section: SectionSchema,
  description: z.string().min(1),
  audience: AudienceSchema,
  /** Position inside its section; ties break on the id. */
  order: z.number().int().default(100),
  /**
   * page: drawn in report.html (keep to the charts a reader decides from); files: written to charts/ (SVG, PNG) or
   * tables/ (CSV, Parquet) and linked from the page, for detail that would make the page long.
   */
  placement: z.enum(['page', 'files']).default('page'),
  /** What an empty result means, shown instead of "the query returned no rows" (e.g. "no judge was configured"). */
  empty: z.string().min(1).optional(),
});
export type ChartMeta = z.infer<typeof ChartMetaSchema>;

/** How a table cell is printed. */
export const ColumnFormatSchema = z.enum(['text', 'int', 'num', 'pct', 'usd', 'p', 'bool', 'ms']);
export type ColumnFormat = z.infer<typeof ColumnFormatSchema>;

export const TableMetaSchema = ChartMetaSchema.extend({
  /** Optional per-column label and format; columns not listed print as text with their SQL name. */
  /** Also print this table in report.md (keep memo tables short). */
  inMarkdown: z.boolean().default(false),
  columns: z.record(z.string(), z.strictObject({ label: z.string().optional(), format: ColumnFormatSchema.default('text') })).default({}),
});
export type TableMeta = z.infer<typeof TableMetaSchema>;

/** A Vega-Lite spec is an object; vega-lite itself validates the rest when it compiles. */
export const VegaLiteSpecSchema = z.record(z.string(), z.unknown());
export type VegaLiteSpec = z.infer<typeof VegaLiteSpecSchema>;

export interface ChartDef { kind: 'chart'; id: string; meta: ChartMeta; sql: string; spec: VegaLiteSpec }
export interface TableDef { kind: 'table'; id: string; meta: TableMeta; sql: string }
export interface Definitions { charts: ChartDef[]; tables: TableDef[] }

/** The `reports/` folder: searched upwards from this module so it is found from src/ (tsx) and from dist/ alike. */
export function defaultReportsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'reports');
    if (existsSync(join(candidate, 'charts'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the reports/ definitions folder above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${path}: ${z.prettifyError(r.error)}`);
  return r.data;
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
}

function requireFiles(folder: string, names: string[]): void {
  const missing = names.filter((n) => !existsSync(join(folder, n)));
  if (missing.length) throw new Error(`${folder}: missing ${missing.join(', ')}`);
}

const byOrder = <T extends { id: string; meta: { section: Section; order: number } }>(a: T, b: T): number =>
  SectionSchema.options.indexOf(a.meta.section) - SectionSchema.options.indexOf(b.meta.section) || a.meta.order - b.meta.order || a.id.localeCompare(b.id);

/** Loads every chart (query.sql + spec.vl.json + chart.json) and table (query.sql + table.json) definition. */
export function loadDefinitions(reportsDir: string = defaultReportsDir()): Definitions {
  const root = resolve(reportsDir);
  const charts: ChartDef[] = subfolders(join(root, 'charts')).map((id) => {
    const folder = join(root, 'charts', id);
    parseWith(IdSchema, id, folder);
    requireFiles(folder, ['query.sql', 'spec.vl.json', 'chart.json']);
    return {
      kind: 'chart',
      id,
      meta: parseWith(ChartMetaSchema, readJson(join(folder, 'chart.json')), join(folder, 'chart.json')),
      sql: readFileSync(join(folder, 'query.sql'), 'utf8'),
      spec: parseWith(VegaLiteSpecSchema, readJson(join(folder, 'spec.vl.json')), join(folder, 'spec.vl.json')),
    };
  });
  const tables: TableDef[] = subfolders(join(root, 'tables')).map((id) => {
    const folder = join(root, 'tables', id);
    parseWith(IdSchema, id, folder);
    requireFiles(folder, ['query.sql', 'table.json']);
    return {
      kind: 'table',
      id,
      meta: parseWith(TableMetaSchema, readJson(join(folder, 'table.json')), join(folder, 'table.json')),
      sql: readFileSync(join(folder, 'query.sql'), 'utf8'),
    };
  });
  const ids = [...charts, ...tables].map((d) => d.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`report definition id "${dup}" is used by both a chart and a table`);
  return { charts: charts.sort(byOrder), tables: tables.sort(byOrder) };
}
