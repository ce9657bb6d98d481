import { z } from 'zod';

/**
 * What two shard databases must share before their cells may be pooled. A cell key already pins approach prompt
 * version, scenario version, persona variant, model, epoch and generation settings, so equal keys mean the same
 * experiment cell; these checks cover what the key does not: the code that drove and scored it, the evaluator
 * versions behind the stored scores, the price table behind the stored costs, and the rest of the config (epochs,
 * persona sets, judge, ROI inputs) that decides which cells exist and how the pooled set will be analysed.
 *
 * Deliberately NOT compared: `output` (each machine writes its own folder), `concurrency` (machine capacity, no
 * effect on results), the shard itself (runs.shard) and the Node version (recorded, not a result input).
 */
export const MERGE_FIELDS = ['schema version', 'config', 'code version', 'scenario versions', 'approach prompt versions', 'evaluator versions', 'price table'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const ManifestPartsSchema = z.object({
  codeVersion: z.string(),
  priceTable: z.string(),
  approaches: z.array(z.object({ name: z.string(), version: z.number() })),
  evaluators: z.array(z.object({ name: z.string(), version: z.union([z.number(), z.string()]) })),
  scenarios: z.array(z.string()),
});

/** Config keys that may differ between shards (see above). */
const MACHINE_LOCAL_CONFIG_KEYS = ['output', 'concurrency'] as const;

export type Fingerprint = Record<MergeField, string>;

export interface RunRow {
  run_id: string;
  config_json: string;
  code_version: string;
  manifest_json: string;
}

const sortedList = (xs: string[]): string => [...new Set(xs)].sort().join(', ');

/** The comparable summary of one stored run. Lists are sorted, so plan order never causes a false mismatch. */
export function fingerprintOf(run: RunRow, schemaVersion: string): Fingerprint {
  const config = JSON.parse(run.config_json) as Record<string, unknown>;
  for (const k of MACHINE_LOCAL_CONFIG_KEYS) delete config[k];
  const m = ManifestPartsSchema.parse(JSON.parse(run.manifest_json));
  return {
    'schema version': schemaVersion,
    config: canonicalJson(config),
    'code version': run.code_version,
    'scenario versions': sortedList(m.scenarios),
    'approach prompt versions': sortedList(m.approaches.map((a) => `${a.name}@p${a.version}`)),
    'evaluator versions': sortedList(m.evaluators.map((e) => `${e.name}@${e.version}`)),
    'price table': m.priceTable,
  };
}

/** JSON with object keys sorted at every level, so key order in the stored config never matters. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export interface Difference {
  field: MergeField;
  /** Human-readable: for the config, the first differing key and both values; for lists, what only one side has. */
  detail: string;
}

/** The first field in which two fingerprints differ, or null when the runs may be merged. */
export function firstDifference(a: Fingerprint, b: Fingerprint): Difference | null {
  for (const field of MERGE_FIELDS) {
    if (a[field] === b[field]) continue;
    return { field, detail: field === 'config' ? configDetail(a.config, b.config) : listDetail(a[field], b[field]) };
  }
  return null;
}

function configDetail(a: string, b: string): string {
  const x = JSON.parse(a) as Record<string, unknown>;
  const y = JSON.parse(b) as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
    const [u, v] = [canonicalJson(x[k]), canonicalJson(y[k])];
    if (u !== v) return `config.${k}: ${clip(u)} vs ${clip(v)}`;
  }
  return 'config differs';
}

function listDetail(a: string, b: string): string {
  const xs = new Set(a.split(', '));
  const ys = new Set(b.split(', '));
  const onlyA = [...xs].filter((x) => !ys.has(x));
  const onlyB = [...ys].filter((y) => !xs.has(y));
  if (onlyA.length + onlyB.length === 0) return `${clip(a)} vs ${clip(b)}`;
  return `${clip(onlyA.join(', ') || '(nothing)')} vs ${clip(onlyB.join(', ') || '(nothing)')}`;
}

const clip = (s: string | undefined): string => (s === undefined ? 'unset' : s.length > 120 ? `${s.slice(0, 117)}...` : s);
