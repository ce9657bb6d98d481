import { readFileSync, statSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, type InputProblem } from '../core/errors.js';

/** Files above this size are refused before parsing: scenario and dataset files are hand-sized. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

interface Parsed {
  data: unknown;
  lineOf(path: (string | number)[]): number | undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const s = JSON.stringify(value);
  return `${typeof value} ${s.length > 60 ? s.slice(0, 57) + '...' : s}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Runs one step of the YAML library; any exception it throws becomes an InputError naming the file. */
function parserStep<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    const alias = /alias/i.test(msg);
    throw new InputError(`${file}: ${alias ? 'too many YAML aliases (a document that expands without bound is refused)' : 'YAML could not be read'}: ${msg}`, [
      { file, path: '', expected: alias ? 'YAML with at most 100 alias expansions' : 'valid YAML', found: msg },
    ]);
  }
}

/** Reads a YAML or JSON file; syntax, encoding and size problems become InputErrors naming the file and line. */
export function readStructured(file: string): Parsed {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new InputError(`${file}: file not found`, [{ file, path: '', expected: 'a readable file', found: 'no such file' }]);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(`${file}: file is ${size} bytes; input files are limited to ${MAX_INPUT_BYTES} bytes`, [
      { file, path: '', expected: `at most ${MAX_INPUT_BYTES} bytes`, found: `${size} bytes` },
    ]);
  }
  const buf = readFileSync(file);
  if (size === 0 || buf.toString('utf8').trim() === '') {
    throw new InputError(`${file}: file is empty`, [{ file, path: '', expected: 'a YAML document', found: 'an empty file' }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError(`${file}: not valid UTF-8 (save it as UTF-8)`, [{ file, path: '', expected: 'UTF-8 text', found: 'bytes that are not UTF-8' }]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineCounter = new LineCounter();
  // The parser's own exceptions (not its reported errors) carry no file: every one is caught and named here.
  const doc: Document = parserStep(file, () => parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true }));
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    const msg = e.message.split('\n')[0] ?? e.message;
    throw new InputError(`${file}${line ? ':' + line : ''}: YAML syntax error: ${msg}`, [
      { file, path: '', expected: 'valid YAML', found: msg, ...(line ? { line } : {}) },
    ]);
  }
  // An alias bomb (aliases of aliases, growing exponentially) stops at 100 alias expansions with an error naming the file.
  const data = parserStep(file, () => doc.toJS({ maxAliasCount: 100 }) as unknown);
  return {
    data,
    lineOf(path) {
      // Walk to the deepest existing node so a missing field points at its parent.
      let node: unknown = doc.contents;
      let last: YamlNode | undefined = doc.contents ?? undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === key);
          if (!pair) break;
          node = pair.value;
          last = (pair.key as YamlNode | null) ?? last;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key];
          if (!node) break;
          last = node as YamlNode;
        } else break;
      }
      const off = last?.range?.[0];
      return off === undefined ? undefined : lineCounter.linePos(off).line;
    },
  };
}

/** Parse and validate one file against a zod schema; every issue names file, field, expectation, value and line. */
export function loadFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const parsed = readStructured(file);
  return validate(file, parsed, schema);
}

interface FlatIssue { path: (string | number)[]; message: string }

/**
 * The part of a strict object's message about one key: "only the fields a, b; unknown field "x" (did you mean "a"?)".
 * Messages of any other shape are kept whole.
 */
function oneKey(message: string, key: string): string {
  const at = message.indexOf('; unknown field ');
  if (at < 0) return message;
  const quoted = JSON.stringify(key);
  const hint = new RegExp(`${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(did you mean "[^"]*"\\?\\))?`).exec(message.slice(at))?.[0] ?? quoted;
  return `${message.slice(0, at)}; unknown field ${hint}`;
}

/**
 * zod reports a failed union as one vague "Invalid input"; users need the branch that got furthest (e.g. the
 * unknown id inside a list, with the valid ids), so unions are unfolded to their most specific issues.
 */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((k): k is string | number => typeof k !== 'symbol')];
    if (issue.code === 'unrecognized_keys') {
      // One problem per unknown key, pointing at the key itself (its line), not at the object holding it.
      for (const k of issue.keys) out.push({ path: [...path, k], message: oneKey(issue.message, k) });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.map((b) => flatten(b, path));
      const depth = (b: FlatIssue[]): number => Math.max(...b.map((i) => i.path.length));
      const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      out.push(...best);
    } else out.push({ path, message: issue.message });
  }
  return out;
}

/** Turns zod issues into problems that name file, field, expectation, what was found and (when known) the line. */
export function zodProblems(file: string, data: unknown, issues: readonly z.core.$ZodIssue[], lineOf?: Parsed['lineOf']): InputProblem[] {
  return flatten(issues).slice(0, 20).map(({ path, message }) => {
    const found = describe(valueAt(data, path));
    const line = lineOf?.(path);
    return { file, path: path.join('.'), expected: message.replace(/^Invalid (input|option): expected /, '').replace(/, received \w+$/, ''), found, ...(line ? { line } : {}) };
  });
}

export function validate<S extends z.ZodType>(file: string, parsed: Parsed, schema: S): z.infer<S> {
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  const problems = zodProblems(file, parsed.data, result.error.issues, parsed.lineOf);
  throw new InputError(`${file}: ${problems.length} problem(s)`, problems);
}
