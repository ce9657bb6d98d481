/** The viewer's JSON and CSV API over a real two-run study (tests/view/fixture.ts), served on port 0. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startViewer, type Viewer } from '../../src/view/server.js';
import { buildViewerFixture, GAI_MODEL, PLANTED_ERROR, XSS_SCRIPT, type ViewerFixture } from './fixture.js';

let fx: ViewerFixture;
let viewer: Viewer;

const get = async (path: string): Promise<{ status: number; body: any; text: string; type: string }> => {
  const res = await fetch(new URL(path, viewer.url));
  const text = await res.text();
  let body: unknown;
  try { body = JSON.parse(text); } catch { body = undefined; }
  return { status: res.status, body, text, type: res.headers.get('content-type') ?? '' };
};

beforeAll(async () => {
  fx = await buildViewerFixture();
  viewer = await startViewer({ paths: [fx.dbA, fx.dbB], port: 0 });
}, 120_000);
afterAll(async () => { await viewer?.close(); });

describe('runs and facets', () => {
  test('run history lists both runs with stored and failed counts, newest first', async () => {
    const { body } = await get('/api/runs');
    expect(body.total).toBe(2);
    expect(body.rows.map((r: { run_id: string }) => r.run_id)).toEqual([fx.run2, fx.run1]);
    expect(body.rows[0]).toMatchObject({ stored: 10, failed: 1 });
    expect(body.rows[1]).toMatchObject({ stored: 10, failed: 0 });
  });

  test('an unpriced GAI arm is counted apart, not summed as $0', async () => {
    const { body } = await get(`/api/runs?sort=run&dir=asc`);
    const run1 = body.rows.find((r: { run_id: string }) => r.run_id === fx.run1);
    expect(run1.unpriced_conversations).toBe(5);
  });

  test('facets list the models, statuses and the catalogue titles of scored metrics', async () => {
    const { body } = await get('/api/facets?db=0');
    expect(body.models).toEqual([GAI_MODEL, 'rules']);
    expect(body.statuses).toEqual(['done', 'infra-error']);
    expect(body.metrics.find((m: { metric: string }) => m.metric === 'resolution.resolved')?.title).toBeTruthy();
    expect(body.conversations).toBe(20);
  });
});

describe('conversation list', () => {
  test('status=failed keeps the one failed conversation, with its error message', async () => {
    const { body } = await get('/api/conversations?status=failed');
    expect(body.total).toBe(1);
    expect(body.rows[0]).toMatchObject({ model: GAI_MODEL, status: 'infra-error', error_message: PLANTED_ERROR, run_id: fx.run2 });
  });

  test('pages are cut by SQL and sorting is by a named column', async () => {
    const first = await get('/api/conversations?limit=3&sort=turns&dir=desc');
    expect(first.body.rows).toHaveLength(3);
    expect(first.body.total).toBe(20);
    const turns = first.body.rows.map((r: { n_turns: number }) => r.n_turns);
    expect([...turns].sort((a, b) => b - a)).toEqual(turns);
    const last = await get('/api/conversations?limit=3&page=6&sort=turns&dir=desc');
    expect(last.body.rows).toHaveLength(2);
  });

  test('filters combine: model, run, persona group, a metric value and free text in messages', async () => {
    const byGroup = await get(`/api/conversations?run=${fx.run1}&model=rules&group=black-female`);
    expect(byGroup.body.total).toBe(2);
    const unresolved = await get('/api/conversations?metric=resolution.resolved&op=eq&value=0&limit=500');
    expect(unresolved.body.rows.every((r: { metric_value: number }) => r.metric_value === 0)).toBe(true);
    const notScorable = await get('/api/conversations?metric=offer.discount_pct&op=null');
    const scored = await get('/api/conversations?metric=offer.discount_pct&op=notnull');
    expect(notScorable.body.total + scored.body.total).toBe(19);
    const text = await get(`/api/conversations?q=${encodeURIComponent('window.__pwned')}`);
    expect(text.body.total).toBe(5);
    expect(text.body.rows.every((r: { model: string; run_id: string }) => r.model === GAI_MODEL && r.run_id === fx.run1)).toBe(true);
    const literal = await get(`/api/conversations?q=${encodeURIComponent('100%_')}`);
    expect(literal.body.total).toBe(0);
  });

  test('CSV download streams every matching row, with a header and formula-safe text', async () => {
    const csv = await get('/api/conversations?format=csv&model=rules');
    expect(csv.type).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toContain('cell_key,run_id,approach');
    expect(lines).toHaveLength(11);
    const empty = await get('/api/conversations?format=csv&status=local-error');
    expect(empty.text.trim().split('\r\n')).toHaveLength(1);
  });

  test('bad parameters are refused with the parameter named', async () => {
    expect(await get('/api/conversations?colour=red')).toMatchObject({ status: 400, body: { error: 'unknown parameter colour' } });
    const sort = await get('/api/conversations?sort=nonsense');
    expect(sort.status).toBe(400);
    expect(sort.body.error).toContain('valid: started');
    expect((await get('/api/conversations?status=broken')).status).toBe(400);
    expect((await get('/api/conversations?op=gt&value=1')).body.error).toContain('give metric too');
    expect((await get('/api/conversations?limit=100000')).status).toBe(400);
    expect((await get('/api/conversations?db=7')).status).toBe(404);
  });
});

describe('transcript', () => {
  test('turns, scores whose evidence points at existing turns, and model calls with an unknown cost as null', async () => {
    const list = await get(`/api/conversations?model=${encodeURIComponent(GAI_MODEL)}&run=${fx.run1}&limit=1`);
    const cell = list.body.rows[0].cell_key;
    const { body } = await get(`/api/conversation?cell=${cell}`);
    expect(body.turns.length).toBe(body.conversation.n_turns);
    expect(body.turns.some((t: { text: string }) => t.text.includes(XSS_SCRIPT))).toBe(true);
    const cited = body.scores.flatMap((s: { evidence: { turn?: number }[] }) => s.evidence.filter((e) => e.turn !== undefined).map((e) => e.turn));
    expect(cited.length).toBeGreaterThan(0);
    for (const t of cited) expect(t).toBeLessThan(body.turns.length);
    expect(body.calls.length).toBeGreaterThan(0);
    for (const c of body.calls) {
      expect(c.cost_usd).toBeNull();
      expect(c.input_tokens).toBeGreaterThan(0);
    }
    expect(body.siblings.map((s: { model: string }) => s.model)).toContain('rules');
  });

  test('an unknown cell is a 404', async () => {
    expect((await get('/api/conversation?cell=nope')).status).toBe(404);
  });
});

describe('scenario x agent', () => {
  test('the grid has one row per scenario and one column per model, rules first', async () => {
    const { body } = await get('/api/grid');
    expect(body.models.map((m: { model: string }) => m.model)).toEqual(['rules', GAI_MODEL]);
    // Sorted by approach: empathic-support-agent (tst-return) before on-the-fly-offers (tst-offer).
    expect(body.rows.map((r: { scenario_id: string }) => r.scenario_id)).toEqual(['tst-return', 'tst-offer']);
    expect(body.rows[1].cells[GAI_MODEL]).toMatchObject({ n: 2, failed: 1 });
    expect(body.rows[0].cells['rules']).toMatchObject({ n: 8, failed: 0, n_scored: 8 });
  });

  test('compare gives each model its conversation for the same variant and epoch', async () => {
    const { body } = await get(`/api/compare?approach=empathic-support-agent&scenario=tst-return&variantSet=tst-names&variantId=bf-1&run=${fx.run1}`);
    expect(body.variants).toHaveLength(4);
    expect(body.chosen).toEqual({ variantSet: 'tst-names', variantId: 'bf-1', epoch: 0 });
    expect(body.arms.map((a: { conversation: { model: string } }) => a.conversation.model)).toEqual(['rules', GAI_MODEL]);
    for (const a of body.arms) {
      expect(a.conversation.variant_id).toBe('bf-1');
      expect(a.turns.length).toBeGreaterThan(1);
    }
  });
});

describe('diff', () => {
  test('two runs of one file: the failed cell, the changed replies, and the unchanged rules arm', async () => {
    const { body } = await get(`/api/diff?a=0&b=0&runA=${fx.run1}&runB=${fx.run2}&change=all&limit=50`);
    expect(body.counts).toMatchObject({ all: 10, status: 1, 'only-a': 0, 'only-b': 0 });
    // Four GAI replies changed, and the failed cell lost its reply; the deterministic rules arm is unchanged
    // (its handle time differs, but timing metrics are left out by default).
    expect(body.counts.reply).toBe(5);
    expect(body.counts.same).toBe(5);
    const timed = await get(`/api/diff?a=0&b=0&runA=${fx.run1}&runB=${fx.run2}&change=all&timing=include`);
    expect(timed.body.counts.same).toBe(0);
    expect(timed.body.rows.find((r: { model: string }) => r.model === 'rules').score_changes.map((c: { metric: string }) => c.metric)).toEqual(['resolution.handle_time_ms']);
    const failed = body.rows.find((r: { status_changed: boolean }) => r.status_changed);
    expect(failed).toMatchObject({ status_a: 'done', status_b: 'infra-error', model: GAI_MODEL, same_key: false });
    const changedReply = body.rows.find((r: { reply_changed: boolean }) => r.reply_changed);
    expect(changedReply.reply_a).toContain(XSS_SCRIPT);
    expect(changedReply.reply_b).not.toContain('<script>');
    const status = await get(`/api/diff?a=0&b=0&runA=${fx.run1}&runB=${fx.run2}&change=status`);
    expect(status.body.total).toBe(1);
  });

  test('two files: the copy taken after run 1 against run 2', async () => {
    const { body } = await get(`/api/diff?a=1&b=0&runB=${fx.run2}&change=changed`);
    expect(body.counts).toMatchObject({ all: 10, status: 1, same: 5, changed: 5 });
    const csv = await get(`/api/diff?a=1&b=0&runB=${fx.run2}&format=csv`);
    expect(csv.text.trim().split('\r\n')).toHaveLength(6);
    expect(csv.text.split('\r\n')[0]).toContain('n_score_changes,score_changes');
    expect(csv.text).toMatch(/style\.agent_chars: \d+(\.\d+)? -> \d+/);
  });

  test('a side compared with itself is refused', async () => {
    expect((await get('/api/diff?a=0&b=0')).status).toBe(400);
  });
});

describe('tables', () => {
  test('any table is listed, filtered per column (text and numeric), sorted and paged', async () => {
    const tables = await get('/api/tables?db=0');
    expect(tables.body.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['conversations', 'runs', 'scores', 'run_costs']));
    const failed = await get('/api/table?name=conversations&f.status=infra&limit=5');
    expect(failed.body.total).toBe(1);
    const long = await get('/api/table?name=conversations&f.n_turns=%3E%3D4&sort=n_turns&dir=desc');
    expect(long.body.rows.every((r: { n_turns: number }) => r.n_turns >= 4)).toBe(true);
    expect((await get('/api/table?name=conversations&f.n_turns=lots')).status).toBe(400);
    expect((await get('/api/table?name=conversations&f.nope=1')).status).toBe(400);
    expect((await get('/api/table?name=nope')).status).toBe(404);
  });
});
