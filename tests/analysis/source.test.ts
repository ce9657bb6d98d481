import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analysis/index.js';
import { LONG_VIEW, dropLongView, prepareLongView } from '../../src/analysis/source.js';
import { BiasMarginsSchema, RoiInputsSchema } from '../../src/schema/config.js';
import { openStore, type Store } from '../../src/store/db.js';
import { generate, insert } from './synthetic.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxbench-source-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const opts = { seed: 1, bootstrapB: 500, roi: RoiInputsSchema.parse({}), biasMargins: BiasMarginsSchema.parse({}) };

describe('long view', () => {
  it('keeps only the latest score when a cell was scored twice', async () => {
    const store: Store = await openStore(join(dir, 'dup.duckdb'));
    try {
      const [one] = generate().slice(0, 1);
      await insert(store, [one!]);
      await store.exec(`INSERT INTO scores VALUES (?, 'offer.made', 0.5, 'rescored', '[]', 'x', '2027-01-01T00:00:00Z')`, [one!.key]);
      await store.exec(`INSERT INTO scores VALUES (?, 'offer.made', 0.25, 'older', '[]', 'x', '2020-01-01T00:00:00Z')`, [one!.key]);
      expect((await prepareLongView(store)).deduplicated).toBe(true);
      const rows = await store.all<{ value: number }>(`SELECT value FROM ${LONG_VIEW} WHERE metric = 'offer.made'`);
      expect(rows).toEqual([{ value: 0.5 }]);
      await dropLongView(store);
    } finally {
      store.close();
    }
  });
});

describe('analyse on an empty database', () => {
  it('creates every table with no rows and does not fail', async () => {
    const store = await openStore(join(dir, 'empty.duckdb'));
    try {
      const s = await analyse(store, opts);
      expect(s.conversations).toBe(0);
      for (const t of ['aggregates', 'comparisons', 'pass_k', 'bias_gaps', 'costs', 'roi', 'infra']) {
        expect(s.tables[t]).toBe(0);
        const [c] = await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`);
        expect(c?.n).toBe(0);
      }
      expect(s.tables.analysis_meta).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});
