import { test } from 'vitest';
import { buildViewerFixture } from './fixture.js';
import { query } from '../helpers/fixture-run.js';
test('x', async () => {
  const f = await buildViewerFixture();
  console.log(await query(f.dbA, "select run_id, model, status, error_message from conversations order by run_id, model"));
}, 120000);
