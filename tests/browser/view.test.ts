/**
 * Drives `cxbench view` in Debian's Chromium (playwright-core, no Playwright browser download) the way a person
 * uses it: filter to the failed conversations and open one, open a transcript and follow a score's evidence to its
 * turn, find one scenario's two arms side by side, diff two runs. Planted markup in stored replies stays inert text
 * on every page, and the page fetches nothing but its own origin.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startViewer, type Viewer } from '../../src/view/server.js';
import { buildViewerFixture, GAI_MODEL, PLANTED_ERROR, XSS_IMG, XSS_SCRIPT, type ViewerFixture } from '../view/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('skipping browser tests: install Debian chromium (apt-get install -y chromium) to run browser tests');

describe.skipIf(!hasChromium)('cxbench view in Chromium', () => {
  let fx: ViewerFixture;
  let viewer: Viewer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];

  /** Opens a hash route and waits until that page has rendered. */
  const open = async (hash: string, ready: string): Promise<void> => {
    await page.goto(`${viewer.url}${hash}`);
    await page.locator(`main[data-ready="${ready}"]`).waitFor({ timeout: 20_000 });
  };
  const pwned = (): Promise<unknown> => page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);

  beforeAll(async () => {
    fx = await buildViewerFixture();
    viewer = await startViewer({ paths: [fx.dbA, fx.dbB], port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  test('filters to failed conversations and opens the failure', async () => {
    await open('#/conversations', 'conversations');
    expect(await page.locator('.pager .count').getAttribute('data-total')).toBe('20');
    await page.getByRole('button', { name: 'Failed conversations' }).click();
    await expect.poll(() => page.locator('.pager .count').getAttribute('data-total')).toBe('1');
    expect(await page.locator('select[name="status"]').inputValue()).toBe('failed');
    const rows = page.locator('table.data tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('infra-error');
    expect(await page.locator('a.csv').getAttribute('href')).toContain('format=csv');
    await rows.first().locator('a.open').click();
    await page.locator('main[data-ready="conversation"]').waitFor();
    expect(await page.locator('.error-message').textContent()).toBe(PLANTED_ERROR);
  }, 60_000);

  test('a transcript links evidence to its turn and shows each call\'s tokens, latency and unknown cost', async () => {
    await open(`#/conversations?run=${fx.run1}&model=${encodeURIComponent(GAI_MODEL)}&scenario=tst-return`, 'conversations');
    await page.locator('table.data tbody tr a.open').first().click();
    await page.locator('main[data-ready="conversation"]').waitFor();
    // The planted reply is literal text.
    const reply = page.locator('li.msg.agent .text', { hasText: XSS_SCRIPT }).first();
    expect(await reply.textContent()).toContain(XSS_IMG);
    // Every call of the unpriced model reads "unknown", never $0; tokens and latency are shown.
    const costs = await page.locator('table.calls tbody td.cost').allTextContents();
    expect(costs.length).toBeGreaterThan(0);
    expect(new Set(costs)).toEqual(new Set(['unknown']));
    expect(await page.locator('table.calls tfoot td.total').textContent()).toMatch(/^unknown/);
    expect(await page.locator('table.calls').textContent()).toMatch(/\d+ ms/);
    // A score's evidence link brings its turn into view and marks it.
    const link = page.locator('a.turn-link').first();
    const turn = await link.getAttribute('data-turn');
    await link.click();
    await expect.poll(() => page.locator(`#turn-${turn}`).getAttribute('class')).toContain('cited');
    expect(await page.locator(`#turn-${turn}`).isVisible()).toBe(true);
    expect(await pwned()).toBeUndefined();
  }, 60_000);

  test('finds one scenario\'s two arms side by side from the grid', async () => {
    await open(`#/grid?run=${fx.run1}`, 'grid');
    const header = await page.locator('table.grid thead th').allTextContents();
    expect(header.join(' ')).toContain('rules');
    expect(header.join(' ')).toContain(GAI_MODEL);
    await page.locator('table.grid tbody th a.scenario', { hasText: 'tst-return' }).click();
    await page.locator('main[data-ready="compare"]').waitFor();
    const arms = page.locator('section.arm');
    expect(await arms.count()).toBe(2);
    const [a, b] = [await arms.nth(0).boundingBox(), await arms.nth(1).boundingBox()];
    expect(a && b).toBeTruthy();
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThanOrEqual(a!.x + a!.width);
    expect(await arms.nth(0).getAttribute('data-model')).toBe('rules');
    expect(await arms.nth(1).getAttribute('data-model')).toBe(GAI_MODEL);
    // Another persona variant: both arms follow it.
    await page.locator('select[name="variant"]').selectOption('tst-names/bf-2');
    await expect.poll(() => page.locator('main[data-ready="compare"] select[name="variant"]').inputValue().catch(() => '')).toBe('tst-names/bf-2');
    expect(await page.locator('section.arm').count()).toBe(2);
    expect(await page.locator('section.arm li.msg.agent .text', { hasText: XSS_SCRIPT }).count()).toBeGreaterThan(0);
    expect(await pwned()).toBeUndefined();
  }, 60_000);

  test('run history links each run to its diff with the run before', async () => {
    await open('#/runs', 'runs');
    expect(await page.locator('table.data tbody tr').count()).toBe(2);
    expect(await page.locator('a.diff-previous').count()).toBe(1);
    // Run 1: the rules arm is free, the GAI arm has no price: its five conversations are counted apart, not as $0.
    expect(await page.locator('table.data tbody tr', { hasText: fx.run1 }).textContent()).toContain('$0 + 5 unpriced');
    await page.locator('a.diff-previous').click();
    await expect.poll(() => page.locator('main[data-ready="diff"] .tabs a[data-change="status"]').textContent().catch(() => '')).toBe('Status (1)');
    expect(await page.locator('select[name="runA"]').inputValue()).toBe(fx.run1);
    expect(await page.locator('select[name="runB"]').inputValue()).toBe(fx.run2);
  }, 60_000);

  test('diffs two runs: the failed cell and the changed replies', async () => {
    // Two runs of file 1: both sides start as the whole file, so the page asks for a choice first.
    await open('#/diff?a=0&b=0', 'diff');
    expect(await page.locator('main').textContent()).toContain('Choose a different run');
    await page.locator('select[name="runA"]').selectOption(fx.run1);
    await page.locator('main[data-ready="diff"] select[name="runA"]').waitFor();
    await page.locator('select[name="runB"]').selectOption(fx.run2);
    await expect.poll(() => page.locator('main[data-ready="diff"] .tabs a[data-change="status"]').textContent().catch(() => '')).toBe('Status (1)');
    await page.locator('.tabs a[data-change="status"]').click();
    await expect.poll(() => page.locator('main[data-ready="diff"] .pager .count').getAttribute('data-total').catch(() => '')).toBe('1');
    expect(await page.locator('table.data tbody tr').first().textContent()).toMatch(/done.*→.*infra-error/);
    await page.locator('.tabs a[data-change="reply"]').click();
    await expect.poll(() => page.locator('main[data-ready="diff"] .pager .count').getAttribute('data-total').catch(() => '')).toBe('5');
    expect(await page.locator('.reply-a').first().textContent()).toContain(XSS_SCRIPT);
    // Two files: the copy taken after run 1 against run 2 gives the same changes.
    await open(`#/diff?a=1&b=0&runB=${fx.run2}`, 'diff');
    expect(await page.locator('.tabs a[data-change="changed"]').textContent()).toBe('Any change (5)');
  }, 60_000);

  test('planted markup never ran, nothing was fetched from elsewhere, no errors', async () => {
    expect(await pwned()).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    const origin = new URL(viewer.url).origin;
    expect(requests.filter((r) => !r.startsWith(origin))).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
