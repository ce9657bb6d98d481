import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analysis/index.js';
import { BiasMarginsSchema, RoiInputsSchema } from '../../src/schema/config.js';
import { openStore } from '../../src/store/db.js';

describe('which metrics are yes/no outcomes', () => {
  it('a cost of $0 everywhere is not a rate: no rate interval in dollars', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'cxb-bin-')), 'db.duckdb'));
    for (let i = 0; i < 8; i++) {
      await store.exec(`INSERT INTO conversations VALUES (?, 'r', 'a', 'st', 'dialogue', ?, 1, 'd', 'base', 'base', 'none', 'base', true, 'rules', 'traditional', 0, 'done', NULL, 'x', 2, 1.0, 0, 't', 't')`, [`c${i}`, `s${i % 4}`]);
      await store.exec(`INSERT INTO scores VALUES (?, 'cost.agent_usd', 0, '', '[]', 'd', 't'), (?, 'offer.made', ?, '', '[]', 'd', 't')`, [`c${i}`, `c${i}`, i % 2]);
    }
    await store.exec(`INSERT INTO metrics VALUES ('cost.agent_usd', 'cost', 'Agent cost', 'usd', 'lower-better', ''), ('offer.made', 'offer', 'Offer made', 'rate', 'neutral', '')`);
    await analyse(store, { seed: 1, bootstrapB: 200, roi: RoiInputsSchema.parse({}), biasMargins: BiasMarginsSchema.parse({}) });
    const rows = await store.all<{ metric: string; ci_method: string }>(`SELECT metric, ci_method FROM aggregates WHERE approach = 'a' ORDER BY metric`);
    store.close();
    expect(rows).toEqual([{ metric: 'cost.agent_usd', ci_method: 'constant' }, { metric: 'offer.made', ci_method: 'cluster-logit-t' }]);
  });
});
