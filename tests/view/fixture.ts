/**
 * A small real study for the viewer's tests, run through the real pipeline (tests/helpers/fixture-run.ts) on the
 * fixture suite: the rules arm and a GAI arm served by the loopback mock (no price: its cost is unknown), scored by
 * the bundled evaluators. Two runs in file A (the second with another temperature, so new cell keys for the same
 * cells, another GAI reply and one planted infrastructure failure) and a copy of file A after the first run as file B.
 * The first run's GAI replies carry planted markup, to prove the viewer never runs stored text.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVALUATORS, metricCatalog } from '../../evaluators/index.js';
import { ProviderError } from '../../src/core/errors.js';
import { startMockOpenAI } from '../../src/mock/openai-server.js';
import type { ModelClient } from '../../src/run/model-client.js';
import { openStore } from '../../src/store/db.js';
import { writeMetricCatalog } from '../../src/store/writer.js';
import { ROOT } from '../helpers/cli.js';
import { query, runFixture } from '../helpers/fixture-run.js';

export const XSS_SCRIPT = '<script>window.__pwned=1</script>';
export const XSS_IMG = '<img src=x onerror="window.__pwned=1">';
export const GAI_MODEL = 'openai-compatible:mock-gai';
export const PLANTED_ERROR = 'HTTP 503 from provider (planted by the viewer fixture)';

export interface ViewerFixture {
  dir: string;
  /** Two runs: run1 (planted markup in GAI replies), run2 (other temperature, other replies, one failed cell). */
  dbA: string;
  /** A copy of dbA after run1 only. */
  dbB: string;
  run1: string;
  run2: string;
}

function config(dir: string, name: string, url: string, temperature: number): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, [
    `name: viewer-${name}`,
    `scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]`,
    `datasets: ${ROOT}/tests/fixtures/suite/datasets`,
    `output: ${dir}/out`,
    `temperature: ${temperature}`,
    `models: [rules, { id: "${GAI_MODEL}", baseUrl: "${url}" }]`,
  ].join('\n'));
  return path;
}

/** Fails the first GAI call of a run with a server error: one infrastructure failure, stored with its message. */
function failFirstGaiCall(): (c: ModelClient) => ModelClient {
  let failed = false;
  return (c) => (c.id !== GAI_MODEL ? c : {
    spec: c.spec, id: c.id,
    generate: async (req, signal) => {
      if (!failed) { failed = true; throw new ProviderError('server', PLANTED_ERROR, 503); }
      return c.generate(req, signal);
    },
  });
}

export async function buildViewerFixture(): Promise<ViewerFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'cxbench-view-'));
  const dbA = join(dir, 'a', 'cxbench.duckdb');
  const dbB = join(dir, 'b', 'cxbench.duckdb');
  let phase = 1;
  const mock = await startMockOpenAI({
    responder: () => ({
      content: phase === 1
        ? `I'm an AI assistant. ${XSS_SCRIPT} I can help with that ${XSS_IMG} right away.`
        : "I'm an AI assistant. Let me check the details and sort this out for you.",
    }),
  });
  try {
    const opts = { evaluators: EVALUATORS };
    await runFixture(dbA, {}, opts, config(dir, 'run1', mock.url, 0));
    phase = 2;
    mkdirSync(join(dir, 'b'), { recursive: true });
    copyFileSync(dbA, dbB);
    await runFixture(dbA, {}, { ...opts, wrapClient: failFirstGaiCall() }, config(dir, 'run2', mock.url, 0.3));
  } finally {
    await mock.close();
  }
  // runFixture writes the test evaluator's catalogue only: the viewer shows the bundled metrics' titles.
  for (const db of [dbA, dbB]) {
    const store = await openStore(db);
    try { await writeMetricCatalog(store, metricCatalog()); } finally { store.close(); }
  }
  const runs = await query<{ run_id: string }>(dbA, 'SELECT run_id FROM runs ORDER BY started_at');
  return { dir, dbA, dbB, run1: runs[0]!.run_id, run2: runs[1]!.run_id };
}
