/** The smallest cxbench database (the store's own DDL, one run and one conversation), for server and lock tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/db.js';

export async function smallDb(name = 'small'): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'cxbench-view-small-')), `${name}.duckdb`);
  const store = await openStore(path);
  try {
    await store.exec(`INSERT INTO runs VALUES ('run-1', 'small', 'cfg', '{}', 'test', '{}', '2026-12-01T10:00:00Z', '2026-12-01T10:01:00Z', 'finished', 1, NULL)`);
    await store.exec(`INSERT INTO conversations VALUES ('cell-1', 'run-1', 'empathic-support-agent', 'service-support', 'dialogue', 'tst-return', 1, 'retail',
      'baseline', 'base', 'none', 'base', true, 'rules', 'traditional', 0, 'done', NULL, 'script-complete', 2, 10.0, 0, '2026-12-01T10:00:00Z', '2026-12-01T10:00:01Z')`);
    await store.exec(`INSERT INTO messages VALUES ('cell-1', 0, 'customer', 'Hello', NULL, NULL), ('cell-1', 1, 'agent', 'Hi, I am a virtual assistant.', NULL, NULL)`);
  } finally {
    store.close();
  }
  return path;
}
