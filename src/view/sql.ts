/**
 * Small helpers for the viewer's SQL: every value from a request is a bound parameter; identifiers (table and column
 * names) come only from closed lists or from the database's own catalogue, quoted.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { z } from 'zod';
import { BadRequest } from './bad-request.js';

/** A WHERE clause built from conditions and their parameters, in order. */
export class Where {
  readonly parts: string[] = [];
  readonly params: DuckDBValue[] = [];
  add(condition: string, ...params: DuckDBValue[]): this {
    this.parts.push(condition);
    this.params.push(...params);
    return this;
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** A quoted identifier: a name read from the database's catalogue can hold any character. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Paging and sorting parameters shared by every table endpoint (query strings: all values arrive as text). */
export const PagingShape = {
  page: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(PAGE_SIZE),
  sort: z.string().max(200).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
  /** `csv` streams every matching row as a download instead of one page as JSON. */
  format: z.enum(['json', 'csv']).default('json'),
};

export const DbShape = { db: z.coerce.number().int().min(0).default(0) };

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  limit: number;
}

/** ORDER BY for a sort key chosen from a closed map of expressions (an unknown key is a bad request). */
export function orderBy(sorts: Record<string, string>, key: string | undefined, dir: 'asc' | 'desc', fallback: string, tiebreak: string): string {
  if (key !== undefined && !Object.hasOwn(sorts, key)) throw new BadRequest(`sort: unknown column ${key}; valid: ${Object.keys(sorts).join(', ')}`);
  const expr = (key ? sorts[key] : undefined) ?? fallback;
  return `ORDER BY ${expr} ${dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, ${tiebreak}`;
}
