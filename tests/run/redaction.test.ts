import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/core/redact.js';
import { startMockOpenAI, type ChatRequest, type MockServer } from '../../src/mock/openai-server.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

const OPENAI_KEY = 'sk-cxbench-PLANTED-4c1d8e2f9a7b';
const OTHER_KEY = 'sk-ant-cxbench-PLANTED-0b6e3d5c';
const env = { OPENAI_API_KEY: OPENAI_KEY, ANTHROPIC_API_KEY: OTHER_KEY };

/** Every reply repeats the keys: in its text and in every tool's arguments; the judge (gpt-4o) echoes them too. */
function leakyResponder(req: ChatRequest): { content: string; toolCalls?: { name: string; arguments: Record<string, unknown> }[] } {
  if (req.model === 'gpt-4o') return { content: `Verdict withheld. My instructions say my key is ${OPENAI_KEY} and the other is ${OTHER_KEY}.` };
  const tool = req.tools?.find((t) => t.function.name !== 'escalate_to_human')?.function.name;
  const first = req.messages.filter((m) => m.role === 'assistant').length === 0;
  return {
    content: `I'm an AI assistant. For the record, my API key is ${OPENAI_KEY} (backup: ${OTHER_KEY}).`,
    ...(first && tool ? { toolCalls: [{ name: tool, arguments: { orderId: OPENAI_KEY, note: `key ${OTHER_KEY}`, [OPENAI_KEY]: 1 } }] } : {}),
  };
}

let mock: MockServer;
let errors: Server;
let errorsUrl: string;
beforeAll(async () => {
  mock = await startMockOpenAI({ responder: leakyResponder });
  // A server whose error bodies carry a key other than the one it was sent.
  errors = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `request refused; account key ${OTHER_KEY} is not allowed`, type: 'invalid_request_error' } })));
  });
  await new Promise<void>((r) => errors.listen(0, '127.0.0.1', r));
  errorsUrl = `http://127.0.0.1:${(errors.address() as AddressInfo).port}/v1`;
});
afterAll(async () => { await mock.close(); await new Promise((r) => errors.close(r)); });

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

describe('Redactor', () => {
  it('replaces each secret by its variable, longest first, in strings, keys and nested values', () => {
    const r = new Redactor([{ name: 'A_KEY', value: 'abcdefgh' }, { name: 'B_KEY', value: 'abcdefgh-long' }, { name: 'SHORT', value: 'abc' }]);
    expect(r.text('x abcdefgh-long y abcdefgh')).toBe('x [REDACTED:B_KEY] y [REDACTED:A_KEY]');
    expect(r.deep({ abcdefgh: ['abcdefgh', 3, null, { k: 'abcdefgh!' }] })).toEqual({ '[REDACTED:A_KEY]': ['[REDACTED:A_KEY]', 3, null, { k: '[REDACTED:A_KEY]!' }] });
    // Values under 8 characters are never treated as secrets.
    expect(r.text('abc')).toBe('abc');
  });
});

describe('secrets planted in replies, tool arguments, judge replies and error bodies', () => {
  it('reach no table, cache file, report file, export or log; the markers show where they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-redact-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, [
      `scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]`, `datasets: ${ROOT}/tests/fixtures/suite/datasets`, `output: ${dir}/out`, 'personaVariants: none',
      `models: [{ id: "openai:gpt-4o-mini", baseUrl: "${mock.url}" }, { id: "openai-compatible:refuses", baseUrl: "${errorsUrl}", apiKeyEnv: OPENAI_API_KEY }]`,
      `judge: { id: "openai:gpt-4o", baseUrl: "${mock.url}" }`,
    ].join('\n'));
    const run = await runCli(['run', '-c', config, '--progress', 'plain'], { env });
    expect(run.code).toBe(1); // the refusing server's cells are infrastructure errors
    const jsonl = await runCli(['export', 'jsonl', '-c', config], { env });
    const parquet = await runCli(['export', 'parquet', '-c', config], { env });
    expect([jsonl.code, parquet.code]).toEqual([0, 0]);

    const db = join(dir, 'out/cxbench.duckdb');
    const texts: [string, string][] = [['run output', run.stdout + run.stderr], ['export output', jsonl.stdout + jsonl.stderr + parquet.stdout + parquet.stderr]];
    // DuckDB and Parquet compress strings, so their contents are read through SQL rather than as bytes.
    for (const t of ['runs', 'conversations', 'messages', 'tool_calls', 'model_calls', 'scores']) texts.push([`table ${t}`, JSON.stringify(await query(db, `SELECT * FROM ${t}`))]);
    const files = filesUnder(join(dir, 'out'));
    for (const f of files.filter((f) => f.endsWith('.parquet'))) texts.push([f, JSON.stringify(await query(db, `SELECT * FROM read_parquet('${f}')`))]);
    for (const f of files.filter((f) => !/\.(duckdb|parquet|wal)$/.test(f))) texts.push([f, readFileSync(f).toString('latin1')]);
    expect(files.some((f) => f.includes(`${join('out', 'cache')}`))).toBe(true);
    expect(files.some((f) => f.endsWith('report.html'))).toBe(true);
    expect(files.some((f) => f.endsWith('.jsonl'))).toBe(true);
    expect(files.some((f) => f.endsWith('.parquet'))).toBe(true);
    const leaks = texts.filter(([, t]) => t.includes(OPENAI_KEY) || t.includes(OTHER_KEY)).map(([where]) => where);
    expect(leaks).toEqual([]);

    // The keys did come back, and were replaced where they landed.
    const marked = (sql: string): Promise<number> => query(db, sql).then((r) => Number(r[0]!['n']));
    expect(await marked(`SELECT count(*) AS n FROM messages WHERE speaker = 'agent' AND text LIKE '%[REDACTED:OPENAI_API_KEY]%[REDACTED:ANTHROPIC_API_KEY]%'`)).toBeGreaterThan(0);
    expect(await marked(`SELECT count(*) AS n FROM tool_calls WHERE args_json LIKE '%"orderId":"[REDACTED:OPENAI_API_KEY]"%' AND args_json LIKE '%"[REDACTED:OPENAI_API_KEY]":1%'`)).toBeGreaterThan(0);
    expect(await marked(`SELECT count(*) AS n FROM scores WHERE evidence_json LIKE '%raw judge output%[REDACTED:OPENAI_API_KEY]%'`)).toBeGreaterThan(0);
    expect(await marked(`SELECT count(*) AS n FROM conversations WHERE status = 'infra-error' AND error_message LIKE '%account key [REDACTED:ANTHROPIC_API_KEY] is not allowed%'`)).toBeGreaterThan(0);
    const cache = files.filter((f) => f.includes(join('out', 'cache'))).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(cache).toContain('[REDACTED:OPENAI_API_KEY]');
  }, 180_000);
});
