import { readFileSync } from 'node:fs';
import type { InputProblem } from '../core/errors.js';
import { zodProblems } from '../schema/load.js';
import type { AuditRecord } from './record.js';
import { toTruth, truthPairProblem, TruthLineSchema, type Truth } from './truth.js';

/**
 * A `--truth` JSONL file: one `{"id", "expected_writes", "should_escalate", "outcome"}` per line, for transcripts
 * whose export cannot carry it (the CSV form, or a log exported before labelling). Every id must name a conversation
 * of the audited file, and a conversation's truth is given once: here or in its metadata, not both.
 */
export function applyTruthFile(file: string, records: AuditRecord[]): InputProblem[] {
  const problems: InputProblem[] = [];
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch { return [{ file, path: '', expected: 'a readable JSONL file', found: 'no such file' }]; }
  const byId = new Map(records.map((r) => [r.id, r]));
  const given = new Map<string, { line: number; truth: Truth }>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let data: unknown;
    try { data = JSON.parse(raw); } catch (e) {
      problems.push({ file, line, path: '', expected: 'one JSON object per line', found: e instanceof Error ? e.message : 'not JSON' });
      return;
    }
    const parsed = TruthLineSchema.safeParse(data);
    if (!parsed.success) { problems.push(...zodProblems(file, data, parsed.error.issues).map((p) => ({ ...p, line }))); return; }
    const t = parsed.data;
    const pair = truthPairProblem(t);
    if (pair) { problems.push({ file, line, ...pair }); return; }
    const rec = byId.get(t.id);
    if (!rec) { problems.push({ file, line, path: 'id', expected: 'the id of a conversation in the audited file', found: JSON.stringify(t.id) }); return; }
    const prev = given.get(t.id);
    if (prev) { problems.push({ file, line, path: 'id', expected: 'one truth line per conversation', found: `${JSON.stringify(t.id)}, also on line ${prev.line}` }); return; }
    if (rec.truth) { problems.push({ file, line, path: 'id', expected: 'truth given once: in the truth file or in the metadata', found: `${JSON.stringify(t.id)} also has truth in ${rec.file}:${rec.line}` }); return; }
    const truth = toTruth(t);
    if (truth) given.set(t.id, { line, truth });
  });
  if (problems.length === 0) for (const [id, g] of given) byId.get(id)!.truth = g.truth;
  return problems;
}
