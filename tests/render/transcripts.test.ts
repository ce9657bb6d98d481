import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadTranscripts, transcriptsHtml } from '../../src/render/transcripts.js';
import type { Store } from '../../src/store/db.js';
import { createFixture, XSS_SCRIPT } from '../report/fixture.js';

describe('transcript browser', () => {
  let store: Store;
  beforeAll(async () => { store = (await createFixture({ plantXss: true, analysed: false })).store; }, 60_000);
  afterAll(() => store.close());

  test('loads every conversation with messages, tool calls and scores; limit caps and says so', async () => {
    const all = await loadTranscripts(store);
    expect(all.total).toBe(36);
    expect(all.transcripts).toHaveLength(36);
    const first = all.transcripts[0]!;
    expect(first.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'tool', 'customer']);
    expect(first.toolCalls).toHaveLength(1);
    const capped = await loadTranscripts(store, 5);
    expect(capped.transcripts).toHaveLength(5);
    expect(transcriptsHtml(capped.transcripts, capped.total)).toContain('Showing the first 5 of 36 conversations');
  });

  test('renders anchors, escaped text, evidence links to turns, fallback labels and error rows', async () => {
    const { transcripts, total } = await loadTranscripts(store);
    const html = transcriptsHtml(transcripts, total);
    expect(html).not.toContain(XSS_SCRIPT);
    const key = String(transcripts[0]!.conv.cell_key);
    expect(html).toContain(`<details class="conv" id="conv-${key}">`);
    expect(html).toContain(`id="conv-${key}-m1"`);
    expect(html).toContain(`<a href="#conv-${key}-m1">turn 1</a>`);
    expect(html).toContain('<code>lookup_order({&quot;order&quot;:&quot;A-1&quot;})</code>');
    expect(html).toContain('deterministic fallback');
    expect(html).toContain('HTTP 503 from provider');
    expect(html).toContain('Not scored yet.');
  });

  test('an empty database says no data yet', () => {
    expect(transcriptsHtml([], 0)).toContain('No data yet');
  });
});
