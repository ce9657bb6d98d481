/**
 * How fast `cxbench view` starts and answers. Builds (or takes) a database, starts the CLI as a child process and
 * times the moment it prints its URL, then times the API calls a person makes: a page of the conversation list (first
 * and deep pages), filters (status, model + persona group, a metric's value, free text in messages, a sort by cost),
 * the filter drop-downs, the scenario grid, one transcript, a diff of two runs, and the CSV of every conversation.
 * Each call is timed once (first) and then REPEAT more times (median, max): a diff is computed on its first call only.
 *
 *   npx tsx scripts/measure/viewer.ts                          # synthetic 50,000-conversation database
 *   npx tsx scripts/measure/viewer.ts --conversations 5000     # smaller synthetic database
 *   npx tsx scripts/measure/viewer.ts --db out/cxbench.duckdb  # an existing database (start time, same calls)
 *   add --built to start the compiled CLI (bin/cxbench.js, after `npm run build`) instead of the sources via tsx;
 *   add --browser to time the first pages in Debian's Chromium too (navigation to rendered).
 *
 * The synthetic database: two runs of N/2 cells each over the same cells (10 approaches x 100 scenarios x 10 persona
 * variants x 5 models, epochs as needed), 8 messages per conversation, 30 scores with evidence, 4 model calls; 1 % of
 * cells fail. Values are deterministic hashes filled by INSERT ... SELECT, so it measures the viewer, not generation.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../src/store/db.js';

const { values: args } = parseArgs({ options: {
  conversations: { type: 'string', default: '50000' }, db: { type: 'string' }, built: { type: 'boolean', default: false },
  repeat: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false }, browser: { type: 'boolean', default: false },
} });
const ROOT = resolve(import.meta.dirname, '..', '..');
const N = Number(args.conversations);
const REPEAT = Number(args.repeat);

async function buildSynthetic(path: string, n: number): Promise<void> {
  const half = Math.floor(n / 2);
  const store = await openStore(path, { memoryLimit: '1GB' });
  try {
    await store.exec(`INSERT INTO runs VALUES ('run-a', 'synthetic', 'cfg-a', '{}', 'measure', '{}', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z', 'finished', ${half}, NULL),
      ('run-b', 'synthetic', 'cfg-b', '{}', 'measure', '{}', '2026-12-02T10:00:00Z', '2026-12-02T12:00:00Z', 'finished', ${n - half}, NULL)`);
    // Cell j (0..half-1) is the same cell in both runs: run b's conversation i = half + j has another key and status.
    await store.exec(`INSERT INTO conversations
      SELECT 'cell-' || i, CASE WHEN i < ${half} THEN 'run-a' ELSE 'run-b' END, 'approach-' || (j // 100 % 10), 'stage', 'dialogue',
        'scn-' || (j // 10 % 100), 1, 'retail', CASE WHEN v = 0 THEN 'baseline' ELSE 'race-gender' END, 'v' || v,
        CASE WHEN v = 0 THEN 'none' ELSE 'race-gender' END, CASE WHEN v = 0 THEN 'base' WHEN v <= 2 THEN 'ref' ELSE 'g' || ((v - 3) // 2) END,
        v <= 2, CASE WHEN mdl = 0 THEN 'rules' ELSE 'model-' || mdl END, CASE WHEN mdl = 0 THEN 'traditional' ELSE 'gai' END,
        j // 5000, CASE WHEN hash(i) % 100 = 0 THEN 'infra-error' ELSE 'done' END,
        CASE WHEN hash(i) % 100 = 0 THEN 'HTTP 503 from provider' END, 'script-complete', 8, 1000.0 + hash(i) % 5000,
        CASE WHEN mdl = 0 THEN 0 WHEN mdl = 4 THEN NULL ELSE (hash(i) % 1000) / 100000.0 END, '2026-12-01T10:00:00Z', '2026-12-01T10:01:00Z'
      FROM (SELECT i, i % ${half} AS j, (i % ${half}) % 10 AS v, (i % ${half}) // 1000 % 5 AS mdl FROM range(${n}) t(i))`);
    await store.exec(`INSERT INTO messages
      SELECT c.cell_key, k, CASE WHEN k % 2 = 0 THEN 'customer' ELSE 'agent' END,
        CASE WHEN k % 2 = 0 THEN 'Hello, I need help with order ' || (hash(c.cell_key) % 100000) || '. It has not arrived and I am worried about the delivery date.'
             ELSE 'Thank you for waiting. I can see order ' || (hash(c.cell_key || k) % 100000) || ' and I will check the courier status for you right away; ' || repeat('details ', 10) END,
        NULL, NULL
      FROM conversations c CROSS JOIN range(8) t(k)`);
    await store.exec(`INSERT INTO scores
      SELECT c.cell_key, 'metric.m' || lpad(m::VARCHAR, 2, '0'),
        CASE WHEN m = 0 THEN (hash(c.cell_key) % 100 < 60)::INTEGER::DOUBLE WHEN m % 7 = 3 THEN NULL ELSE (hash(c.cell_key || m) % 1000) / 1000.0 END,
        'synthetic explanation', '[{"turn":1,"quote":"order","note":"synthetic"}]', 'deterministic:measure@1', '2026-12-01T10:02:00Z'
      FROM conversations c CROSS JOIN range(30) t(m)`);
    await store.exec(`UPDATE scores SET metric = 'resolution.resolved' WHERE metric = 'metric.m00'`);
    await store.exec(`INSERT INTO model_calls
      SELECT c.cell_key, k, 'agent', c.model, 1200, 180, 0, 0, 0, 400.0, CASE WHEN c.model = 'model-4' THEN NULL ELSE 0.0005 END,
        'measure', false, false, 0, NULL, NULL, NULL
      FROM conversations c CROSS JOIN range(4) t(k)`);
    await store.exec(`CHECKPOINT`);
  } finally {
    store.close();
  }
}

/** Starts the CLI and resolves with its URL and the milliseconds until it printed it. */
function startCli(db: string): Promise<{ url: string; ms: number; stop: () => void }> {
  const argv = args.built ? [join(ROOT, 'bin/cxbench.js')] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
  const t0 = performance.now();
  const child = spawn(process.execPath, [...argv, 'view', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/\S+\/)/.exec(out);
      if (m) ok({ url: m[1]!, ms: performance.now() - t0, stop: () => child.kill('SIGINT') });
    });
    child.on('exit', (code) => fail(new Error(`viewer exited ${code}: ${err}`)));
  });
}

async function time(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let dir: string | undefined;
let db = args.db ? resolve(args.db) : '';
if (!db) {
  dir = mkdtempSync(join(tmpdir(), 'cxbench-measure-viewer-'));
  db = join(dir, 'synthetic.duckdb');
  const t0 = performance.now();
  await buildSynthetic(db, N);
  console.log(`built ${N.toLocaleString('en-US')} conversations in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${(statSync(db).size / 2 ** 20).toFixed(0)} MiB`);
}
const starts: number[] = [];
for (let i = 0; i < 3; i++) {
  const s = await startCli(db);
  starts.push(s.ms);
  s.stop();
  await new Promise((r) => setTimeout(r, 300));
}
console.log(`start (CLI ${args.built ? 'compiled' : 'via tsx'}, to URL printed): ${starts.map((x) => Math.round(x)).join(', ')} ms (median ${Math.round(median(starts))} ms)`);

const viewer = await startCli(db);
try {
  const first = await time(`${viewer.url}api/conversations?limit=50`);
  console.log(`first request (attach + page 1): ${first.ms.toFixed(0)} ms`);
  const facets = await (await fetch(`${viewer.url}api/facets`)).json() as { models: string[]; groups: string[]; runs: { run_id: string }[]; conversations: number };
  const cell = ((await (await fetch(`${viewer.url}api/conversations?limit=1&page=${Math.min(777, facets.conversations - 1)}`)).json()) as { rows: { cell_key: string }[] }).rows[0]?.cell_key ?? '';
  const runs = facets.runs.map((r) => r.run_id).sort();
  const calls: [string, string][] = [
    ['conversation list, page 1 (50 rows)', 'api/conversations?limit=50'],
    ['conversation list, a deep page (offset 25,000, or the last page)', `api/conversations?limit=50&page=${Math.min(500, Math.floor((facets.conversations - 1) / 50))}`],
    ['filter: failed conversations', 'api/conversations?status=failed'],
    ['filter: model + persona group', `api/conversations?model=${encodeURIComponent(facets.models.at(-1) ?? '')}&group=${encodeURIComponent(facets.groups.at(-1) ?? '')}`],
    ['filter: resolution.resolved = 0, sorted by cost', 'api/conversations?metric=resolution.resolved&op=eq&value=0&sort=cost&dir=desc'],
    ['filter: free text in messages', 'api/conversations?q=courier%20status'],
    ['filter drop-downs (facets, cached after the first)', 'api/facets'],
    ['scenario x agent grid (50 rows)', 'api/grid'],
    ['one transcript', `api/conversation?cell=${cell}`],
    ...(runs.length >= 2 ? [
      [`diff of two runs (changed, page 1)`, `api/diff?a=0&b=0&runA=${runs[0]}&runB=${runs[1]}`],
      [`diff: another tab (status changed), sorted`, `api/diff?a=0&b=0&runA=${runs[0]}&runB=${runs[1]}&change=status&sort=model`],
    ] as [string, string][] : []),
    ['CSV of every conversation', 'api/conversations?format=csv'],
  ];
  console.log('\n| call | first ms | then median ms | then max ms | bytes |\n|---|---:|---:|---:|---:|');
  for (const [label, path] of calls) {
    const first = await time(viewer.url + path);
    const t = [];
    for (let i = 0; i < REPEAT; i++) t.push(await time(viewer.url + path));
    if (t.some((x) => x.status !== 200)) throw new Error(`${path}: HTTP ${t.find((x) => x.status !== 200)?.status}: ${await (await fetch(viewer.url + path)).text()}`);
    console.log(`| ${label} | ${first.ms.toFixed(0)} | ${median(t.map((x) => x.ms)).toFixed(0)} | ${Math.max(...t.map((x) => x.ms)).toFixed(0)} | ${t[0]!.bytes.toLocaleString('en-US')} |`);
  }
  if (args.browser) await browserTimes(viewer.url, runs);
} finally {
  viewer.stop();
  if (dir && !args.keep) rmSync(dir, { recursive: true, force: true });
  else if (dir) console.log(`kept ${db}`);
}

/**
 * With --browser: the same study in Debian's Chromium, from navigation to the page rendered (main[data-ready]), for
 * the pages a person opens first. Each page is loaded once to warm the facet cache, then timed.
 */
async function browserTimes(url: string, runs: string[]): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pages: [string, string, string][] = [
      ['runs', '#/runs', 'runs'],
      ['conversations, page 1', '#/conversations', 'conversations'],
      ['conversations, failed', '#/conversations?status=failed', 'conversations'],
      ['scenario x agent grid', '#/grid', 'grid'],
      ...(runs.length >= 2 ? [['diff of two runs', `#/diff?a=0&b=0&runA=${runs[0]}&runB=${runs[1]}`, 'diff'] as [string, string, string]] : []),
    ];
    console.log('\n| page in Chromium | ms to rendered |\n|---|---:|');
    for (const [label, hash, ready] of pages) {
      const t = [];
      for (let i = 0; i < 3; i++) {
        await page.goto('about:blank');
        const t0 = performance.now();
        await page.goto(url + hash);
        await page.locator(`main[data-ready="${ready}"]`).waitFor({ timeout: 60_000 });
        t.push(performance.now() - t0);
      }
      console.log(`| ${label} | ${median(t).toFixed(0)} |`);
    }
  } finally {
    await browser.close();
  }
}
