import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/db.js';
import type { ExportLink } from '../render/decision.js';

/**
 * Full tables beside the report (tables/<id>.csv and .parquet), written by DuckDB's COPY so numbers keep their
 * full precision and nulls stay empty (never 0). The HTML shows the decision page and links here.
 */

/** The analysis tables exported whole (every column), beside the report's own table definitions. */
export const FULL_TABLES = [
  { table: 'aggregates', title: 'Every metric by approach and model, with intervals (all columns)' },
  { table: 'comparisons', title: 'Every paired comparison (all columns)' },
  { table: 'bias_gaps', title: 'Every counterfactual bias test (all columns)' },
  { table: 'pass_k', title: 'pass^k per approach and model' },
  { table: 'costs', title: 'Costs by approach, model and role (all columns)' },
  { table: 'roi', title: 'ROI per approach and model, with assumptions (all columns)' },
  { table: 'instrument_validity', title: 'Measured validity of each text instrument' },
  { table: 'instrument_agreement', title: 'Deterministic instrument against its judge, per model' },
] as const;

const quote = (path: string): string => `'${path.replace(/'/g, "''")}'`;
/** A definition's query as a COPY source: trailing semicolons and comments would end the sub-query early. */
const asSource = (sql: string): string => sql.replace(/--[^\n]*$/gm, '').trim().replace(/;+\s*$/, '');

export interface ExportRequest { id: string; title: string; sql: string; rows: number }

async function copyOne(store: Store, dir: string, req: ExportRequest): Promise<ExportLink | null> {
  const csv = join(dir, `${req.id}.csv`);
  const parquet = join(dir, `${req.id}.parquet`);
  const src = asSource(req.sql);
  try {
    await store.exec(`COPY (${src}) TO ${quote(csv)} (FORMAT csv, HEADER true)`);
  } catch {
    return null;
  }
  const link: ExportLink = { id: req.id, title: req.title, rows: req.rows, csv: `tables/${req.id}.csv` };
  try {
    await store.exec(`COPY (${src}) TO ${quote(parquet)} (FORMAT parquet)`);
    link.parquet = `tables/${req.id}.parquet`;
  } catch {
    // Parquet is a convenience; the CSV is the table.
  }
  return link;
}

/** Rewrites <out>/tables/ from scratch (stale files would contradict the report) and returns the links to show. */
export async function exportTables(store: Store, outDir: string, defs: ExportRequest[]): Promise<ExportLink[]> {
  const dir = join(outDir, 'tables');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const links: ExportLink[] = [];
  for (const d of defs) {
    if (d.rows === 0) continue;
    const link = await copyOne(store, dir, d);
    if (link) links.push(link);
  }
  for (const t of FULL_TABLES) {
    let rows = 0;
    try {
      const [r] = await store.all<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${t.table}`);
      rows = Number(r?.n ?? 0);
    } catch {
      continue; // not in this database
    }
    if (rows === 0) continue;
    const link = await copyOne(store, dir, { id: `full-${t.table.replace(/_/g, '-')}`, title: t.title, sql: `SELECT * FROM ${t.table}`, rows });
    if (link) links.push(link);
  }
  return links;
}
