import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { APPROACHES } from '../approaches/index.js';
import type { Approach } from '../approaches/approach.js';
import type { ToolClassMap } from '../approaches/tool-classes.js';
import { InputError, type InputProblem } from '../core/errors.js';
import { sha256 } from '../plan/cells.js';
import { ApproachIdSchema } from '../schema/approach.js';
import { DomainSchema, type Domain } from '../schema/scenario.js';
import { loadMaterial, type AuditMaterial } from './material.js';
import { readCsv } from './read-csv.js';
import { readJsonl, type ReadResult } from './read-jsonl.js';
import { applyTruthFile } from './read-truth.js';
import type { AuditRecord } from './record.js';
import { loadToolClassMap, toolClassProblems } from './tool-map.js';

export interface AuditOptions {
  file: string;
  toolClasses?: string;
  allowUnmapped?: boolean;
  knowledge?: string[];
  policy?: string[];
  catalog?: string;
  truth?: string;
  /** Stored as the conversations' model; default: the file's base name. */
  label?: string;
  approach?: string;
  domain?: string;
  /** Use the system message as grounding material (default true). */
  useBrief?: boolean;
}

/** Everything an audit needs, read and checked; nothing has touched the database yet. */
export interface AuditPlan {
  file: string;
  fileSha256: string;
  label: string;
  approach: Approach;
  domain: Domain;
  records: AuditRecord[];
  toolClasses: ToolClassMap;
  toolClassesFile: string | undefined;
  allowUnmapped: boolean;
  material: AuditMaterial;
  useBrief: boolean;
}

export const DEFAULT_AUDIT_APPROACH = 'empathic-support-agent';
export const DEFAULT_AUDIT_DOMAIN: Domain = 'fashion-ecommerce';
/** More problems than this are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 50;

const cmd = (path: string, expected: string, found: string): InputProblem => ({ file: 'command line', path, expected, found });

function readTranscripts(file: string): { text: string; read: (f: string, t: string) => ReadResult } {
  const ext = extname(file).toLowerCase();
  const read = ext === '.jsonl' || ext === '.ndjson' ? readJsonl : ext === '.csv' ? readCsv : undefined;
  if (!read) throw new InputError(`${file}: unsupported transcript format`, [{ file, path: '', expected: 'a .jsonl (chat messages per line) or .csv (conversation_id,turn,speaker,text) file', found: ext || 'no extension' }]);
  try { statSync(file); } catch { throw new InputError(`${file}: file not found`, [{ file, path: '', expected: 'a readable transcript file', found: 'no such file' }]); }
  return { text: readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), read };
}

function fail(what: string, problems: InputProblem[]): never {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS);
  if (problems.length > shown.length) shown.push({ file: problems[0]!.file, path: '', expected: 'no further problems', found: `${problems.length - shown.length} more not listed` });
  throw new InputError(`${what}: ${problems.length} problem(s); nothing was stored`, shown);
}

/**
 * Reads and checks everything before anything is stored: options, the transcript file (every line), the truth file,
 * the tool-class map against every tool called, and the material. Any problem throws an InputError (exit 2).
 */
export function planAudit(o: AuditOptions): AuditPlan {
  const approachId = o.approach ?? DEFAULT_AUDIT_APPROACH;
  const options: InputProblem[] = [];
  const a = ApproachIdSchema.safeParse(approachId);
  if (!a.success) options.push(cmd('--approach', `a known approach id: ${ApproachIdSchema.options.join(', ')}`, JSON.stringify(approachId)));
  const d = DomainSchema.safeParse(o.domain ?? DEFAULT_AUDIT_DOMAIN);
  if (!d.success) options.push(cmd('--domain', `one of ${DomainSchema.options.join(', ')}`, JSON.stringify(o.domain)));
  const label = (o.label ?? basename(o.file, extname(o.file))).trim();
  if (!label) options.push(cmd('--label', 'a non-empty label', JSON.stringify(o.label ?? '')));
  if (options.length || !a.success || !d.success) fail('invalid options', options);

  const toolClasses = o.toolClasses ? loadToolClassMap(o.toolClasses) : {};
  const { text, read } = readTranscripts(o.file);
  const { records, problems } = read(o.file, text);
  const seen = new Map<string, AuditRecord>();
  for (const r of records) {
    const prev = seen.get(r.id);
    if (prev) problems.push({ file: r.file, line: r.line, path: 'id', expected: 'a conversation id used once in the file', found: `${JSON.stringify(r.id)}, also on line ${prev.line}` });
    else seen.set(r.id, r);
  }
  if (!problems.length && !records.length) problems.push({ file: o.file, path: '', expected: 'at least one conversation', found: 'none' });
  if (problems.length) fail(o.file, problems);
  if (o.truth) {
    const truthProblems = applyTruthFile(o.truth, records);
    if (truthProblems.length) fail(o.truth, truthProblems);
  }
  const classProblems = toolClassProblems(records, toolClasses, o.toolClasses, o.allowUnmapped ?? false);
  if (classProblems.length) fail('tool classes', classProblems);
  const material = loadMaterial({ ...(o.knowledge ? { knowledge: o.knowledge } : {}), ...(o.policy ? { policy: o.policy } : {}), ...(o.catalog ? { catalog: o.catalog } : {}) }, d.data);

  return {
    file: o.file, fileSha256: sha256(text), label, approach: APPROACHES[a.data], domain: d.data, records, toolClasses,
    toolClassesFile: o.toolClasses, allowUnmapped: o.allowUnmapped ?? false, material, useBrief: o.useBrief ?? true,
  };
}
