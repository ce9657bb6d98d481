// The texts the project bundles, for checks and benchmarks that must run over real material rather than made-up text.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseCsv, parseCsvRecords } from '../../../src/core/csv.js';

const ROOT = join(import.meta.dirname, '../../..');
/** Suites live in scenarios/ and datasets/; tests/fixtures/ and tests/validity/fixtures/ hold test suites. */
const TEXT_ROOTS = ['scenarios', 'datasets', 'tests/fixtures', 'tests/validity/fixtures'];

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

function* stringLeaves(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringLeaves(v);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) yield* stringLeaves(v);
}

/** String literals in the rule arm's sources (reply templates and canned replies); a rough scan, any string will do. */
function* sourceStrings(dir: string): Generator<string> {
  for (const file of filesUnder(dir)) {
    if (!file.endsWith('.ts')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)) {
      const s = m[0].slice(1, -1);
      if (/\s/.test(s) && /[A-Za-z]{2}/.test(s)) yield s;
    }
  }
}

/** Every string the project bundles as data (≥ 3 characters), and the rule arm's reply templates. */
export function bundledTexts(): { data: string[]; templates: string[] } {
  const data = new Set<string>();
  for (const root of TEXT_ROOTS) {
    if (!existsSync(join(ROOT, root))) continue;
    for (const file of filesUnder(join(ROOT, root))) {
      const raw = readFileSync(file, 'utf8');
      let leaves: string[] = [];
      try {
        if (/\.ya?ml$/.test(file)) leaves = [...stringLeaves(parseYaml(raw))];
        else if (file.endsWith('.json')) leaves = [...stringLeaves(JSON.parse(raw))];
        else if (file.endsWith('.jsonl')) leaves = raw.split('\n').filter((l) => l.trim()).flatMap((l) => [...stringLeaves(JSON.parse(l))]);
        else if (file.endsWith('.csv')) leaves = parseCsv(raw).flat();
      } catch {
        // Bad-input fixtures (deliberately malformed files the input-error tests feed the CLI) carry no texts.
        continue;
      }
      for (const s of leaves) if (s.length >= 3) data.add(s);
    }
  }
  return { data: [...data], templates: [...new Set(sourceStrings(join(ROOT, 'src/rules')))] };
}

/** The agent replies of the judge-reference set: real-length customer-service replies (≈ 144 characters). */
export function agentReplies(): string[] {
  const rows = parseCsvRecords(readFileSync(join(ROOT, 'datasets/judge-reference/empathy-author-labelled.csv'), 'utf8'));
  return rows.map((r) => r.agent_reply ?? '').filter((t) => t.length >= 3);
}
