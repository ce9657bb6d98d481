/**
 * Opens real reports in Debian's Chromium (playwright-core, never a Playwright browser download) from file:// at
 * 1400 x 900: the default suite and a two-arm run (rules + a loopback OpenAI-compatible model that plants markup in
 * every reply) are run through the CLI as a user would, and a fixture with planted markup in stored names. Each
 * report stays under 2 MB and about 20 screens, opens with the managers' table and its intervals, fetches nothing,
 * runs no script and shows stored text only as text.
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVALUATORS, metricCatalog } from '../../evaluators/index.js';
import { analyse } from '../../src/analysis/index.js';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { loadSuite, type SuiteOverrides } from '../../src/plan/suite.js';
import { buildReport } from '../../src/report/build.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';
import { writeMetricCatalog } from '../../src/store/writer.js';
import { createFixture, XSS_IMG, XSS_SCRIPT } from '../report/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('skipping browser tests: install Debian chromium (apt-get install -y chromium) to run browser tests');

const WIDTH = 1400;
const SCREEN = 900;
/** "About 20 screens": the page may not grow past this many 1400 x 900 screens. */
const MAX_SCREENS = 20;
const MAX_BYTES = 2_000_000;

interface Measured { bytes: number; height: number; width: number; consoleErrors: string[]; requests: string[] }

async function open(browser: Browser, file: string): Promise<{ page: Page; m: Measured }> {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: SCREEN } });
  const m: Measured = { bytes: statSync(file).size, height: 0, width: 0, consoleErrors: [], requests: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') m.consoleErrors.push(msg.text()); });
  page.on('pageerror', (e) => m.consoleErrors.push(e.message));
  page.on('request', (r) => m.requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  // Page functions are passed as strings: the project compiles without the DOM lib.
  m.height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  m.width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  return { page, m };
}

/** The managers' table starts on the first screen, with a pooled row whose resolution carries an interval. */
async function expectDecisionFirst(page: Page): Promise<void> {
  const table = page.locator('table.decision.managers');
  const box = await table.boundingBox();
  expect(box, 'managers table').not.toBeNull();
  expect(box!.y).toBeLessThan(SCREEN / 2);
  const firstRow = page.locator('table.decision.managers tbody tr.pooled').first();
  const rowBox = await firstRow.boundingBox();
  expect(rowBox!.y + rowBox!.height).toBeLessThan(SCREEN);
  expect(await firstRow.locator('td').nth(2).textContent()).toMatch(/^\d+\.\d% \[\d+\.\d–\d+\.\d\]$/);
  expect(await page.locator('table.decision.managers th').first().textContent()).toBe('Agent (model)');
}

/**
 * What `cxbench run` does with the project's cxbench.config.yaml (npm start): run, score, analyse, report. In-process
 * through the same library calls, so the test measures the report and not the command-line wrapper.
 */
async function runAndReport(overrides: SuiteOverrides): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'cxbench-browser-'));
  const suite = loadSuite('cxbench.config.yaml', { ...overrides, output: out });
  const store = await openStore(join(out, 'cxbench.duckdb'));
  try {
    await writeMetricCatalog(store, metricCatalog());
    await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent' });
    const c = suite.config;
    await analyse(store, { seed: c.seed, bootstrapB: 10_000, roi: c.roi, biasMargins: c.biasMargins });
    return (await buildReport(store, join(out, 'report'), { title: `cxbench report: ${c.name}` })).html;
  } finally {
    store.close();
  }
}

function expectSmallAndQuiet(m: Measured): void {
  expect(m.bytes).toBeLessThan(MAX_BYTES);
  expect(m.height).toBeLessThanOrEqual(MAX_SCREENS * SCREEN);
  expect(m.width).toBeLessThanOrEqual(WIDTH);
  expect(m.requests.filter((r) => !r.startsWith('file://'))).toEqual([]);
  expect(m.consoleErrors).toEqual([]);
}

describe.skipIf(!hasChromium)('report.html in Chromium', () => {
  let browser: Browser;
  let mock: MockServer | undefined;
  const measured: Record<string, Measured> = {};

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    // The figures a reader of the closing note wants: bytes and pixels per report.
    for (const [k, m] of Object.entries(measured)) console.log(`${k}: ${m.bytes} bytes, ${m.height} px tall (${(m.height / SCREEN).toFixed(1)} screens of ${WIDTH} x ${SCREEN})`);
  });

  test('planted markup in stored names stays text; nothing runs, nothing is fetched', async () => {
    const f = await createFixture({ plantXss: true, modern: true, unpriced: true });
    try {
      const r = await buildReport(f.store, join(f.dir, 'out'), { title: 'Browser fixture', strict: true });
      const { page, m } = await open(browser, r.html);
      measured.fixture = m;
      expectSmallAndQuiet(m);
      await expectDecisionFirst(page);
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      expect(await page.locator('img, script, iframe, object, embed').count()).toBe(0);
      expect(await page.locator('header .lead').textContent()).toContain(`fixture-suite${XSS_SCRIPT}`);
      expect(await page.locator('#decision-governance ~ ul.compact li', { hasText: XSS_IMG }).count()).toBeGreaterThan(0);
      // An unpriced model is never $0: its cost cells read "unknown price".
      const gpt = page.locator('table.decision.managers tr', { hasText: 'gpt-x' }).first();
      expect(await gpt.locator('td').nth(4).textContent()).toContain('unknown price');
      await page.close();
    } finally {
      f.store.close();
    }
  }, 120_000);

  test('the default suite (npm start): under 2 MB, about 20 screens, decision page first', async () => {
    const html = await runAndReport({});
    const { page, m } = await open(browser, html);
    measured['default suite'] = m;
    expectSmallAndQuiet(m);
    await expectDecisionFirst(page);
    expect(existsSync(join(html, '..', 'tables', 'full-bias-gaps.csv'))).toBe(true);
    await page.close();
  }, 420_000);

  test('a two-arm run with a loopback model that plants markup in every reply: small, inert, decision page first', async () => {
    mock = await startMockOpenAI({ responder: (_req, n) => ({ content: `Hello, I am an AI assistant ${n}. ${XSS_SCRIPT} ${XSS_IMG} Let me check that for you.` }) });
    const html = await runAndReport({ models: ['rules', 'openai-compatible:demo-llm'], baseUrl: mock.url });
    const { page, m } = await open(browser, html);
    measured['two-arm run'] = m;
    expectSmallAndQuiet(m);
    await expectDecisionFirst(page);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('img, script').count()).toBe(0);
    // Full model names, never cut to "openai-compatible:dem…", in the table and in every chart.
    expect(await page.locator('table.decision.managers td.who', { hasText: 'openai-compatible:demo-llm' }).count()).toBeGreaterThan(1);
    expect(await page.locator('svg text', { hasText: /openai-compatible:dem…/ }).count()).toBe(0);
    // The GAI model has no price: "unknown price", never $0.
    const gai = page.locator('table.decision.managers tr', { hasText: 'openai-compatible:demo-llm' }).first();
    expect(await gai.locator('td').nth(4).textContent()).toContain('unknown price');
    await page.close();
  }, 420_000);
});
