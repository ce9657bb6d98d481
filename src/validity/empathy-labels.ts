import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import { parseCsvRows } from '../core/csv.js';
import { InputError, type InputProblem } from '../core/errors.js';

/**
 * Human (or bank) EPITOME labels for calibrating the deterministic empathy detectors: one row per (customer message,
 * agent reply) with a level 0/1/2 for each mechanism. CSV (header row) or JSONL (one object a line). Fields:
 * `seeker` or `customer` (the message replied to), `response`, `er`, `ip`, `ex`; optional `id` and `split`
 * (dev | holdout). Any other field is an error, reported with file and line (docs/instruments/empathy.md).
 */

const Level = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const Split = z.enum(['dev', 'holdout']);

const LabelObjectSchema = z.strictObject({
  id: z.string().min(1).optional(),
  split: Split.optional(),
  seeker: z.string().optional(),
  customer: z.string().optional(),
  response: z.string(),
  er: Level,
  ip: Level,
  ex: Level,
});

export interface EmpathyLabel {
  id: string;
  split?: 'dev' | 'holdout';
  customer: string;
  response: string;
  er: 0 | 1 | 2;
  ip: 0 | 1 | 2;
  ex: 0 | 1 | 2;
}

const MAX_PROBLEMS = 20;

/** A level from a CSV cell: exactly "0", "1" or "2" (surrounding spaces allowed). */
const csvLevel = (s: string): unknown => (/^\s*[012]\s*$/.test(s) ? Number(s) : s);

function fromObject(raw: unknown, line: number, file: string, problems: InputProblem[]): EmpathyLabel | null {
  const p = LabelObjectSchema.safeParse(raw);
  const push = (path: string, expected: string, found: string): void => { problems.push({ file, line, path, expected, found }); };
  if (!p.success) {
    for (const i of p.error.issues) {
      const path = i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.');
      const value = i.path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), raw);
      const found = i.code === 'unrecognized_keys' ? 'an unknown field' : value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 40);
      const expected = i.code === 'unrecognized_keys' ? 'only id, split, seeker or customer, response, er, ip, ex' : i.path[0] === 'split' ? 'dev or holdout' : ['er', 'ip', 'ex'].includes(String(i.path[0])) ? 'a level 0, 1 or 2' : 'a string';
      push(path, expected, found);
    }
    return null;
  }
  const d = p.data;
  if ((d.seeker === undefined) === (d.customer === undefined)) {
    push('seeker', 'exactly one of seeker or customer', d.seeker === undefined ? 'neither' : 'both');
    return null;
  }
  const customer = (d.seeker ?? d.customer)!;
  if (!customer.trim()) { push(d.seeker !== undefined ? 'seeker' : 'customer', 'a non-empty message', 'empty text'); return null; }
  if (!d.response.trim()) { push('response', 'a non-empty reply', 'empty text'); return null; }
  return { id: d.id ?? `line ${line}`, ...(d.split ? { split: d.split } : {}), customer, response: d.response, er: d.er, ip: d.ip, ex: d.ex };
}

function jsonlObjects(text: string, file: string, problems: InputProblem[]): { raw: unknown; line: number }[] {
  return text.split(/\r?\n/).flatMap((l, i) => {
    if (!l.trim()) return [];
    try { return [{ raw: JSON.parse(l) as unknown, line: i + 1 }]; }
    catch { problems.push({ file, line: i + 1, path: '', expected: 'one JSON object per line', found: 'text that is not JSON' }); return []; }
  });
}

function csvObjects(text: string, file: string, problems: InputProblem[]): { raw: unknown; line: number }[] {
  const [header, ...body] = parseCsvRows(text);
  if (!header) return [];
  const cols = header.cells.map((h) => h.trim());
  return body.flatMap((r) => {
    if (r.cells.length !== cols.length) {
      problems.push({ file, line: r.line, path: '', expected: `${cols.length} cells (as the header)`, found: `${r.cells.length}` });
      return [];
    }
    const raw = Object.fromEntries(cols.map((c, i) => [c, ['er', 'ip', 'ex'].includes(c) ? csvLevel(r.cells[i]!) : c === 'split' && r.cells[i] === '' ? undefined : r.cells[i]]));
    return [{ raw, line: r.line }];
  });
}

/** Parses labels; every problem (up to 20) is reported at once as an InputError (exit 2). */
export function parseEmpathyLabels(text: string, file: string): EmpathyLabel[] {
  const problems: InputProblem[] = [];
  const ext = extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.jsonl') throw new InputError(`${file}: labels must be a .csv or .jsonl file`, [{ file, path: '', expected: '.csv or .jsonl', found: ext || 'no extension' }]);
  const objects = ext === '.csv' ? csvObjects(text, file, problems) : jsonlObjects(text, file, problems);
  const rows = objects.flatMap((o) => {
    const r = fromObject(o.raw, o.line, file, problems);
    return r ? [r] : [];
  });
  if (problems.length) {
    const shown = problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, MAX_PROBLEMS);
    throw new InputError(`${file}: ${problems.length} problem(s) in the labels${problems.length > MAX_PROBLEMS ? ` (first ${MAX_PROBLEMS} shown)` : ''}`, shown);
  }
  if (!rows.length) throw new InputError(`${file}: no labelled rows`, [{ file, path: '', expected: 'at least one labelled row', found: 'none' }]);
  return rows;
}

export type SplitFilter = 'dev' | 'holdout' | 'all';

/**
 * Reads a labels file and keeps one split. Rows are filtered here, in code, before anything is measured or printed:
 * a developer asks for `dev` and never sees a holdout item.
 */
export function readEmpathyLabels(file: string, split: SplitFilter = 'all'): EmpathyLabel[] {
  let text: string;
  try { text = readFileSync(file, 'utf8'); }
  catch (e) { throw new InputError(`${file}: cannot read the labels (${(e as Error).message})`, [{ file, path: '', expected: 'a readable file', found: 'unreadable' }]); }
  const rows = parseEmpathyLabels(text, file);
  if (split === 'all') return rows;
  const missing = rows.find((r) => r.split === undefined);
  if (missing) throw new InputError(`${file}: --split ${split} needs a split on every row`, [{ file, path: 'split', expected: 'dev or holdout', found: `nothing (row ${missing.id})` }]);
  const kept = rows.filter((r) => r.split === split);
  if (!kept.length) throw new InputError(`${file}: no ${split} rows`, [{ file, path: 'split', expected: `at least one ${split} row`, found: 'none' }]);
  return kept;
}
