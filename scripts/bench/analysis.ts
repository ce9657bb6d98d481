/**
 * Times `analyse()` on 1,000,000 score rows: 100 scenarios (10 approaches x 10), 10 persona variants (baseline plus a
 * race-gender set of 2 reference and 4 x 2 other names), 4 models (3 GAI + rules), 5 epochs = 20,000 conversations
 * x 50 metrics. Values are deterministic hashes, filled by INSERT ... SELECT from range(), so the bench measures
 * analysis, not data generation.  Run: npx tsx scripts/bench/analysis.ts [bootstrapB]
 * It then times the report build the CLI runs (`cxbench report`: analyse + buildReport with the CLI's transcript cap).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../src/analysis/index.js';
import { buildReport } from '../../src/report/index.js';
import { REPORT_TRANSCRIPT_CAP } from '../../src/cli/commands/report.js';
import { BiasMarginsSchema, RoiInputsSchema } from '../../src/schema/config.js';
import { openStore } from '../../src/store/db.js';

const REAL_BINARY = ['offer.made', 'resolution.escalated', 'resolution.resolved', 'halluc.any', 'safety.critical_failure'];
const REAL_CONTINUOUS = ['offer.discount_pct', 'offer.price', 'style.agent_chars', 'style.warmth', 'empathy.lex'];
const METRICS = [
  ...REAL_BINARY.map((m) => ({ m, binary: true })),
  ...REAL_CONTINUOUS.map((m) => ({ m, binary: false })),
  ...Array.from({ length: 40 }, (_, i) => ({ m: `synthetic.m${String(i).padStart(2, '0')}`, binary: i % 2 === 0 })),
];
const B = Number(process.argv[2] ?? 10_000);

const dir = mkdtempSync(join(tmpdir(), 'cxbench-bench-analysis-'));
const store = await openStore(join(dir, 'bench.duckdb'));
try {
  const t0 = performance.now();
  await store.exec(`INSERT INTO conversations
    SELECT 'cell-' || i, 'bench', 'approach-' || (i // 2000), 'stage', 'dialogue', 'scn-' || (i // 200), 1, 'retail',
           CASE WHEN v = 0 THEN 'base' ELSE 'rg' END, 'v' || v,
           CASE WHEN v = 0 THEN 'none' ELSE 'race-gender' END,
           CASE WHEN v = 0 THEN 'base' WHEN v <= 2 THEN 'ref' ELSE 'g' || ((v - 3) // 2) END,
           v <= 2, CASE WHEN mdl = 3 THEN 'rules' ELSE 'model-' || mdl END, CASE WHEN mdl = 3 THEN 'traditional' ELSE 'gai' END,
           i % 5, CASE WHEN hash(i) % 100 = 0 THEN 'infra-error' ELSE 'done' END, NULL, 'script-complete', 6, 1000.0, NULL, 't0', 't1'
    FROM (SELECT i, (i // 20) % 10 AS v, (i // 5) % 4 AS mdl FROM range(20000) t(i))`);
  const metricValues = METRICS.map(({ m, binary }) => `('${m}', ${binary})`).join(', ');
  await store.exec(`INSERT INTO scores
    SELECT c.cell_key, m.metric,
           CASE WHEN m.bin THEN (hash(c.cell_key || m.metric) % 100 < 60)::INTEGER::DOUBLE
                ELSE (hash(c.cell_key || m.metric) % 10000) / 1000.0 END,
           '', '[]', 'bench', 't2'
    FROM conversations c CROSS JOIN (VALUES ${metricValues}) m(metric, bin)`);
  await store.exec(`INSERT INTO model_calls
    SELECT cell_key, r.idx, r.role, model, 1000, 200, 0, 0, 0, 500.0, CASE WHEN model = 'rules' THEN 0 ELSE 0.001 END, 'bench', false, false, 0, NULL, NULL, NULL
    FROM conversations CROSS JOIN (VALUES (0, 'agent'), (1, 'judge')) r(idx, role)`);
  await store.exec(`INSERT INTO metrics SELECT metric, 'bench', metric, CASE WHEN bin THEN 'rate' ELSE 'score' END,
    CASE WHEN bin THEN 'higher-better' ELSE 'neutral' END, '' FROM (VALUES ${metricValues}) m(metric, bin)`);
  const [n] = await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM scores`);
  const fill = performance.now() - t0;
  const rssBefore = process.memoryUsage().rss;
  const summary = await analyse(store, { seed: 20261125, bootstrapB: B, roi: RoiInputsSchema.parse({}), biasMargins: BiasMarginsSchema.parse({}) });
  const rssAfter = process.memoryUsage().rss;
  console.log(`score rows: ${n?.n}; fill ${(fill / 1000).toFixed(1)} s`);
  console.log(`analyse(): ${(summary.elapsedMs / 1000).toFixed(2)} s with bootstrap B = ${B}; rss ${(rssBefore / 2 ** 20).toFixed(0)} -> ${(rssAfter / 2 ** 20).toFixed(0)} MiB`);
  console.log(JSON.stringify(summary.tables));
  const t1 = performance.now();
  const r = await buildReport(store, join(dir, 'report'), { maxTranscripts: REPORT_TRANSCRIPT_CAP });
  console.log(`buildReport(): ${((performance.now() - t1) / 1000).toFixed(2)} s (${r.charts.filter((c) => c.status === 'rendered').length} charts rendered); analyse + report ${((summary.elapsedMs + performance.now() - t1) / 1000).toFixed(2)} s`);
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
