/**
 * Opens the real report in Debian's Chromium (playwright-core, never a Playwright browser download) from file://:
 * every interactive chart renders, nothing is fetched from the network, no console errors, and planted markup in a
 * transcript message and a scenario id stays inert text.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReport, type BuildReportResult } from '../../src/report/build.js';
import type { Store } from '../../src/store/db.js';
import { createFixture, XSS_IMG, XSS_SCRIPT } from '../report/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('skipping browser tests: install Debian chromium (apt-get install -y chromium) to run browser tests');

describe.skipIf(!hasChromium)('report.html in Chromium', () => {
  let store: Store;
  let dir: string;
  let result: BuildReportResult;
  let browser: Browser;

  beforeAll(async () => {
    const f = await createFixture({ plantXss: true });
    store = f.store;
    dir = f.dir;
    result = await buildReport(store, join(dir, 'out'), { title: 'Browser fixture', strict: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    store?.close();
  });

  test('renders every chart offline with no console errors, no network and no script injection', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));

    const url = pathToFileURL(result.html).href;
    await page.goto(url);
    // Page functions are passed as strings: the project compiles without the DOM lib.
    await page.waitForFunction("document.documentElement.getAttribute('data-vega') !== 'pending'", undefined, { timeout: 30_000 });
    expect(await page.getAttribute('html', 'data-vega')).toBe('ready');

    // Every interactive container holds a rendered SVG with marks; every static figure with data has its inline SVG.
    const rendered = result.charts.filter((c) => c.status === 'rendered').map((c) => c.id);
    expect(rendered.length).toBeGreaterThan(10);
    for (const id of rendered) {
      expect(await page.locator(`#vis-${id} svg.marks`).count(), `interactive ${id}`).toBe(1);
      expect(await page.locator(`#vis-${id} svg.marks path, #vis-${id} svg.marks line, #vis-${id} svg.marks text`).count(), `marks ${id}`).toBeGreaterThan(3);
      expect(await page.locator(`#chart-${id} > svg`).count(), `static ${id}`).toBe(1);
    }
    expect(await page.locator('.vega-target').count()).toBe(rendered.length);

    // Planted markup never ran, and is visible as literal text once its transcript is opened through its anchor.
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    const planted = await page.locator('details.conv', { hasText: XSS_SCRIPT }).first().getAttribute('id');
    expect(planted).toMatch(/^conv-/);
    await page.goto(`${url}#${planted}`);
    const message = page.locator(`#${planted} li.msg .text`, { hasText: XSS_SCRIPT });
    await expect.poll(() => message.isVisible()).toBe(true);
    expect(await message.textContent()).toContain(XSS_IMG);
    const scenario = page.locator(`#${planted} .scenario`);
    expect(await scenario.isVisible()).toBe(true);
    expect(await scenario.textContent()).toBe(`support-refund${XSS_SCRIPT}${XSS_IMG}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');

    // Interactive tooltips go through vega-tooltip, which must also print the planted scenario id as text.
    await page.locator('#vis-conversation-outcomes svg.marks path[aria-roledescription="point"]').first().hover();
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');

    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    expect(existsSync(join(dir, 'report.png'))).toBe(true);

    expect(requests.filter((r) => !r.startsWith('file://'))).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 120_000);

  test('a chart point links to its transcript and opens it', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(result.html).href);
    const link = page.locator('#chart-conversation-outcomes > svg a').first();
    const href = await link.getAttribute('xlink:href');
    expect(href).toMatch(/^#conv-/);
    await link.dispatchEvent('click');
    await expect.poll(() => page.evaluate('location.hash')).toBe(href);
    await expect.poll(() => page.locator(`${href} > .conv-body`).isVisible()).toBe(true);
    await page.close();
  }, 60_000);
});
