/**
 * The values each filter can take in one file (runs, approaches, models, persona groups, metrics ...), for the
 * viewer's drop-downs. Cached per file until its size or modification time changes.
 */
import type { ViewerFiles } from '../files.js';

export interface Facets {
  runs: { run_id: string; started_at: string; suite_name: string; status: string }[];
  approaches: string[];
  stages: string[];
  models: string[];
  arms: string[];
  statuses: string[];
  groups: string[];
  attributes: string[];
  variantSets: string[];
  epochs: number[];
  /** Metrics with stored scores, with the catalogue's title, unit and direction when the catalogue has them. */
  metrics: { metric: string; title: string | null; unit: string | null; direction: string | null }[];
  conversations: number;
}

const DISTINCT: [Exclude<keyof Facets, 'runs' | 'metrics' | 'conversations' | 'epochs'>, string][] = [
  ['approaches', 'approach'], ['stages', 'stage'], ['models', 'model'], ['arms', 'arm'], ['statuses', 'status'],
  ['groups', 'persona_group'], ['attributes', 'attribute'], ['variantSets', 'variant_set'],
];

const cache = new Map<string, Facets>();

export async function facets(files: ViewerFiles, db: number): Promise<Facets> {
  const key = `${files.file(db).path}|${files.stamp(db)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const a = `d${db}`;
  const cols = DISTINCT.map(([, c]) => `list(DISTINCT ${c} ORDER BY ${c}) AS ${c}`).join(', ');
  const [row] = await files.all<Record<string, unknown>>([db], `SELECT ${cols}, list(DISTINCT epoch ORDER BY epoch) AS epoch, count(*)::INTEGER AS n FROM ${a}.conversations`);
  const runs = await files.all<Facets['runs'][number]>([db], `SELECT run_id, started_at, suite_name, status FROM ${a}.runs ORDER BY started_at DESC`);
  const hasCatalogue = (await files.all([db], `SELECT 1 FROM information_schema.tables WHERE table_catalog = '${a}' AND table_name = 'metrics'`)).length > 0;
  const metrics = await files.all<Facets['metrics'][number]>([db], hasCatalogue
    ? `SELECT s.metric, any_value(m.title) AS title, any_value(m.unit) AS unit, any_value(m.direction) AS direction
       FROM (SELECT DISTINCT metric FROM ${a}.scores) s LEFT JOIN ${a}.metrics m USING (metric) GROUP BY s.metric ORDER BY s.metric`
    : `SELECT DISTINCT metric, NULL AS title, NULL AS unit, NULL AS direction FROM ${a}.scores ORDER BY metric`);
  const out = { runs, metrics, conversations: Number(row?.['n'] ?? 0), epochs: ((row?.['epoch'] ?? []) as number[]).map(Number) } as Facets;
  for (const [name, col] of DISTINCT) out[name] = (row?.[col] ?? []) as string[];
  cache.set(key, out);
  return out;
}
