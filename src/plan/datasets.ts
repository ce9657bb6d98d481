import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InputError, type InputProblem } from '../core/errors.js';
import { loadFile } from '../schema/load.js';
import {
  DatasetFileSchema,
  type Catalog, type Crm, type DatasetFile, type FeedbackCorpus, type IdeaPool, type KnowledgeBase, type PersonaSet, type Policies, type Signals,
} from '../schema/datasets.js';

export type CatalogItem = Catalog['items'][number] & { currency: string; domain: string };
export type Policy = Policies['items'][number] & { domain: string };
export type KbArticle = KnowledgeBase['articles'][number] & { domain: string };
export type CrmProfile = Crm['profiles'][number];
export type Signal = Signals['items'][number];

/** Every dataset entry by id, with the file it came from (for error messages). */
export interface DatasetIndex {
  catalog: Map<string, CatalogItem>;
  policies: Map<string, Policy>;
  kb: Map<string, KbArticle>;
  contacts: Map<string, string[]>;
  crm: Map<string, CrmProfile>;
  signals: Map<string, Signal>;
  corpora: Map<string, FeedbackCorpus | IdeaPool>;
  personaSets: Map<string, PersonaSet>;
  files: string[];
}

export function listFiles(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (exts.some((e) => name.endsWith(e))) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export function emptyIndex(): DatasetIndex {
  return { catalog: new Map(), policies: new Map(), kb: new Map(), contacts: new Map(), crm: new Map(), signals: new Map(), corpora: new Map(), personaSets: new Map(), files: [] };
}

function put<T>(map: Map<string, T>, id: string, value: T, file: string, what: string, dupes: InputProblem[], seen: Map<string, string>): void {
  const k = `${what}:${id}`;
  const prev = seen.get(k);
  if (prev) dupes.push({ file, path: id, expected: `a unique ${what} id`, found: `a duplicate of the one in ${prev}` });
  seen.set(k, file);
  map.set(id, value);
}

/** Loads every YAML/JSON file under `dir`; all problems across files are reported together. */
export function loadDatasets(dir: string): DatasetIndex {
  const idx = emptyIndex();
  const problems: InputProblem[] = [];
  const seen = new Map<string, string>();
  let files: string[];
  try {
    files = listFiles(dir, ['.yaml', '.yml', '.json']);
  } catch {
    throw new InputError(`datasets folder "${dir}" not found`, [{ file: dir, path: '', expected: 'a folder of dataset files', found: 'nothing' }]);
  }
  for (const file of files) {
    const rel = relative(process.cwd(), file) || file;
    let data: DatasetFile;
    try {
      data = loadFile(rel, DatasetFileSchema);
    } catch (e) {
      if (e instanceof InputError) { problems.push(...e.problems); continue; }
      throw e;
    }
    idx.files.push(rel);
    addToIndex(idx, data, rel, problems, seen);
  }
  if (problems.length) throw new InputError(`datasets: ${problems.length} problem(s)`, problems);
  return idx;
}

const adders = {
  catalog: (idx, d, f, p, s) => { for (const it of d.items) put(idx.catalog, it.sku, { ...it, currency: d.currency, domain: d.domain }, f, 'catalog sku', p, s); },
  policies: (idx, d, f, p, s) => { for (const it of d.items) put(idx.policies, it.id, { ...it, domain: d.domain }, f, 'policy', p, s); },
  kb: (idx, d, f, p, s) => {
    for (const a of d.articles) put(idx.kb, a.id, { ...a, domain: d.domain }, f, 'kb article', p, s);
    idx.contacts.set(d.domain, [...(idx.contacts.get(d.domain) ?? []), ...d.contacts]);
  },
  crm: (idx, d, f, p, s) => { for (const it of d.profiles) put(idx.crm, it.id, it, f, 'crm profile', p, s); },
  signals: (idx, d, f, p, s) => { for (const it of d.items) put(idx.signals, it.id, it, f, 'signal', p, s); },
  feedback: (idx, d, f, p, s) => put(idx.corpora, d.id, d, f, 'corpus', p, s),
  ideas: (idx, d, f, p, s) => put(idx.corpora, d.id, d, f, 'corpus', p, s),
  personas: (idx, d, f, p, s) => put(idx.personaSets, d.id, d, f, 'persona set', p, s),
} satisfies {
  [K in DatasetFile['kind']]: (idx: DatasetIndex, d: Extract<DatasetFile, { kind: K }>, file: string, problems: InputProblem[], seen: Map<string, string>) => void;
};

function addToIndex(idx: DatasetIndex, d: DatasetFile, file: string, problems: InputProblem[], seen: Map<string, string>): void {
  (adders[d.kind] as (idx: DatasetIndex, d: DatasetFile, f: string, p: InputProblem[], s: Map<string, string>) => void)(idx, d, file, problems, seen);
}
