import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJsonl } from '../../src/export/jsonl.js';
import { openStore } from '../../src/store/db.js';
import { runCli } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { exampleSuite } from './suite-file.js';

/** examples/own-code/suite.yaml: a Python bot as a command (single and JSONL) and a JavaScript module, from the CLI. */
describe('examples/own-code: your own bots as command and module agents', () => {
  it('runs the Python bot both ways and the module bot beside the rules arm', async () => {
    const { file, db, dir } = exampleSuite('examples/own-code/suite.yaml');
    const r = await runCli(['run', '-c', file, '--progress', 'silent', '--no-report']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = await query<{ model: string; arm: string; status: string; n: number }>(db, `SELECT model, arm, status, count(*)::INTEGER AS n FROM conversations GROUP BY ALL ORDER BY model`);
    expect(rows).toEqual(['js-menu-bot', 'py-bot', 'py-bot-jsonl', 'rules'].map((model) => ({ model, arm: 'traditional', status: 'done', n: 6 })));
    // The Python bot hands over when asked for a person: the action is stored and ends the conversation as an escalation.
    const handovers = await query<{ model: string; n: number }>(db, `SELECT c.model, count(*)::INTEGER AS n FROM tool_calls t JOIN conversations c USING (cell_key) WHERE t.name = 'transfer_to_person' GROUP BY 1 ORDER BY 1`);
    const escalated = await query<{ model: string; n: number }>(db, `SELECT model, count(*)::INTEGER AS n FROM conversations WHERE end_reason = 'escalated' AND model LIKE 'py-bot%' GROUP BY 1 ORDER BY 1`);
    expect(handovers.length).toBeGreaterThan(0);
    expect(escalated).toEqual(handovers);
    // Exported transcripts carry each agent's declared arm.
    const store = await openStore(db, { readOnly: true });
    const out = join(dir, 'transcripts.jsonl');
    try { await exportJsonl(store, out); } finally { store.close(); }
    const arms = new Set(readFileSync(out, 'utf8').trim().split('\n').map((l) => `${(JSON.parse(l) as { cell: { model: string }; arm: string }).cell.model}=${(JSON.parse(l) as { arm: string }).arm}`));
    expect([...arms].sort()).toEqual(['js-menu-bot=traditional', 'py-bot-jsonl=traditional', 'py-bot=traditional', 'rules=traditional']);
  }, 180_000);
});
