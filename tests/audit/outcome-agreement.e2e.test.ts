import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { weightedKappaQuadratic } from '../../evaluators/judge/agreement.js';
import { query } from '../helpers/db.js';
import { ROOT, runCli } from '../helpers/cli.js';

// The audit fixture (tests/fixtures/audit/retail.jsonl) was written with its own tool names and the team's own outcome
// labels, by another hand than the resolution scorer's. Resolution read from tool classes must agree with those labels.
const fx = (name: string): string => join(ROOT, 'tests/fixtures/audit', name);

describe('audited resolution against the file\'s own outcome labels', () => {
  it('agrees with every labelled outcome (kappa >= 0.8) and leaves unlabelled conversations not scorable', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'cxb-audit-kappa-')), 'audit.duckdb');
    const r = await runCli(['audit', fx('retail.jsonl'), '--tool-classes', fx('tools.yaml'), '--knowledge', fx('knowledge.md'), '--policy', fx('policy.md'), '--catalog', fx('catalog.csv'), '--db', db, '--no-report']);
    expect(r.code).toBe(0);
    const [run] = await query<{ manifest_json: string }>(db, 'SELECT manifest_json FROM runs LIMIT 1');
    // Outcome labels of conversations that also give the expected end state (writes, escalation); an outcome label
    // alone is not an end state, so resolution is not scorable there (null), never guessed.
    const convs = (JSON.parse(run!.manifest_json) as { conversations: { id: string; truth: { outcome?: string; actions?: unknown } | null }[] }).conversations;
    const labels = new Map(convs.flatMap((c) => (c.truth?.outcome && c.truth.actions ? [[c.id, c.truth.outcome === 'success' ? 1 : 0] as const] : [])));
    expect(labels.size).toBeGreaterThanOrEqual(8);
    const scores = await query<{ scenario_id: string; value: number | null }>(db,
      `SELECT c.scenario_id, s.value FROM scores s JOIN conversations c USING (cell_key) WHERE s.metric = 'resolution.resolved'`);
    const pairs: [number, number][] = scores.flatMap((s) => (labels.has(s.scenario_id) && s.value !== null ? [[labels.get(s.scenario_id)!, s.value]] : []));
    expect(pairs.length).toBe(labels.size);
    expect(new Set(pairs.map((p) => p[0])).size).toBe(2);
    expect(weightedKappaQuadratic(pairs)!).toBeGreaterThanOrEqual(0.8);
    for (const s of scores.filter((x) => !labels.has(x.scenario_id))) expect(s.value).toBeNull();
  }, 120_000);
});
