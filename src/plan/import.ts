import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { InputError, type InputProblem } from '../core/errors.js';
import { APPROACHES } from '../approaches/index.js';
import { zodProblems } from '../schema/load.js';
import { ApproachIdSchema } from '../schema/approach.js';
import { DomainSchema, EmotionLabelSchema, FactSchema, ScenarioSchema, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { parseCsv } from '../core/csv.js';
import { STAGE_FOLDERS } from './scaffold.js';

/** In CSV cells, lists are written with this separator. */
export const LIST_SEPARATOR = ' || ';

/** One imported ticket (documented in docs/import.md). JSONL gives lists as arrays; CSV as ` || `-separated text. */
export const ImportRowSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'kebab-case id'),
  title: z.string().min(3).optional(),
  approach: ApproachIdSchema.optional(),
  domain: DomainSchema.optional(),
  customer_messages: z.array(z.string().min(1)).min(1),
  facts: z.array(FactSchema).default([]),
  expected_outcome: z.string().regex(/^(answer|escalate|tool:[a-z_]+)$/, 'answer, escalate or tool:<tool name>').default('answer'),
  required_info: z.array(z.string().min(1)).default([]),
  forbidden_claims: z.array(z.string().min(1)).default([]),
  emotion: EmotionLabelSchema.default('neutral'),
  intensity: z.coerce.number().int().min(0).max(10).default(0),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

const split = (s: string | undefined): string[] => (s ? s.split(LIST_SEPARATOR).map((x) => x.trim()).filter(Boolean) : []);

/** CSV facts are written `id: text` (kind other) or `id: text = value` (a number or text value). */
function csvFacts(cell: string | undefined): unknown[] {
  return split(cell).map((f) => {
    const m = /^([a-z0-9][a-z0-9_.-]*):\s*(.+?)(?:\s*=\s*(.+))?$/.exec(f);
    if (!m) return { id: f, text: f };
    const value = m[3] === undefined ? undefined : Number.isFinite(Number(m[3])) ? Number(m[3]) : m[3];
    return { id: m[1], text: m[2], kind: 'other', ...(value !== undefined ? { value } : {}) };
  });
}

function rawRows(file: string): { line: number; data: Record<string, unknown> }[] {
  const text = readFileSync(file, 'utf8');
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    return text.split('\n').map((l, i) => ({ l, i })).filter(({ l }) => l.trim()).map(({ l, i }) => {
      try { return { line: i + 1, data: JSON.parse(l) as Record<string, unknown> }; }
      catch { throw new InputError(`${file}:${i + 1}: not valid JSON`, [{ file, line: i + 1, path: '', expected: 'one JSON object per line', found: l.slice(0, 60) }]); }
    });
  }
  if (ext === '.csv') {
    const [header, ...rows] = parseCsv(text);
    if (!header) throw new InputError(`${file}: empty CSV`, [{ file, path: '', expected: 'a header row', found: 'nothing' }]);
    return rows.map((r, i) => {
      const o: Record<string, string> = {};
      header.forEach((h, j) => { o[h.trim()] = r[j] ?? ''; });
      const data: Record<string, unknown> = { ...o };
      for (const k of ['customer_messages', 'required_info', 'forbidden_claims']) data[k] = split(o[k]);
      data['facts'] = csvFacts(o['facts']);
      for (const k of Object.keys(data)) if (data[k] === '') delete data[k];
      return { line: i + 2, data };
    });
  }
  throw new InputError(`${file}: unsupported format ${ext || '(none)'}`, [{ file, path: '', expected: '.jsonl or .csv', found: ext || 'no extension' }]);
}

export function rowToScenario(row: ImportRow, defaults: { approach?: string; domain?: string; source: string }): ScenarioInput {
  const approach = row.approach ?? defaults.approach;
  const domain = row.domain ?? defaults.domain;
  const outcome = row.expected_outcome;
  const endState = outcome === 'escalate' ? { kind: 'escalate' as const } : outcome === 'answer' ? { kind: 'answer' as const } : { kind: 'tool' as const, tool: outcome.slice(5), args: {} };
  return {
    id: row.id, version: 1, synthetic: false, source: defaults.source, title: row.title ?? `Imported ticket ${row.id}`,
    approach: approach as Scenario['approach'], domain: domain as Scenario['domain'], difficulty: 'multi-step', tags: ['imported'],
    now: new Date().toISOString().slice(0, 10),
    persona: { firstName: 'Customer', lastName: 'Imported', variantSets: [] },
    customer: {
      reason: row.title ?? 'imported ticket', goal: row.title ?? 'get the issue in the ticket resolved', knows: [], mayReveal: [],
      turns: row.customer_messages.map((text, i) => ({ text, emotion: i === 0 ? { label: row.emotion, intensity: row.intensity } : { label: 'neutral', intensity: 0 } })),
    },
    facts: row.facts,
    judging: {
      requiredInfo: row.required_info.map((p, i) => ({ id: `req-${i + 1}`, description: p, anyOf: [p], factIds: [] })),
      forbiddenClaims: row.forbidden_claims.map((p, i) => ({ id: `forbidden-${i + 1}`, description: p, anyOf: [p] })),
      endState, shouldEscalate: outcome === 'escalate', pii: [], critical: false,
    },
  };
}

/** Converts every row, reports all problems (file, line, field) at once, writes nothing unless all rows are valid. */
export function importScenarios(file: string, o: { approach?: string; domain?: string; out: string; source?: string }): string[] {
  const problems: InputProblem[] = [];
  const scenarios: Scenario[] = [];
  for (const { line, data } of rawRows(file)) {
    const parsed = ImportRowSchema.safeParse(data);
    if (!parsed.success) { problems.push(...zodProblems(file, data, parsed.error.issues).map((p) => ({ ...p, line }))); continue; }
    const draft = rowToScenario(parsed.data, { ...o, source: o.source ?? `imported from ${file}` });
    const s = ScenarioSchema.safeParse(draft);
    if (!s.success) { problems.push(...zodProblems(file, draft, s.error.issues).map((p) => ({ ...p, line, expected: `${p.expected} (give it per row or with --${p.path})` }))); continue; }
    scenarios.push(s.data);
  }
  if (problems.length) throw new InputError(`${file}: ${problems.length} problem(s); nothing was written`, problems);
  const written: string[] = [];
  for (const s of scenarios) {
    const folder = join(o.out, STAGE_FOLDERS[APPROACHES[s.approach].meta.stage]);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${s.id}.yaml`);
    writeFileSync(path, `# Imported by cxbench from ${file}; not synthetic.\n${stringify(s)}`);
    written.push(path);
  }
  return written;
}
