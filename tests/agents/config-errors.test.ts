import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** Bad agent entries: `cxbench validate` names the file, the line, the field and the expectation, and exits 2. */
const HEAD = `scenarios: [tests/fixtures/suite/scenarios/*.yaml]\ndatasets: tests/fixtures/suite/datasets\nmodels: [rules]\nagents:\n`;
const write = (body: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'cxb-agent-cfg-')), 'suite.yaml');
  writeFileSync(file, HEAD + body);
  return file;
};

describe('bad agent configs', () => {
  it.each([
    ['a misspelt key', `  - kind: http\n    name: bot\n    url: http://127.0.0.1:1/x\n    reply: { text: a }\n    sesion: true\n`, /suite\.yaml:9: field `agents\.0\.sesion` expected .*unknown field "sesion" \(did you mean "session"\?\)/],
    ['a missing reply mapping', `  - kind: http\n    name: bot\n    url: http://127.0.0.1:1/x\n`, /field `agents\.0\.reply`/],
    ['an unknown kind', `  - kind: webhook\n    name: bot\n`, /field `agents\.0\.kind`.*http/],
    ['a placeholder nobody fills', `  - kind: http\n    name: bot\n    url: http://127.0.0.1:1/x\n    body: { q: "{{customer.text}}" }\n    reply: { text: a }\n`, /field `agents\.0\.body` expected placeholders that start with one of message, conversationId.*\{\{customer\.text\}\}/],
    ['a tool class that does not exist', `  - kind: command\n    name: bot\n    command: [python3, x.py]\n    toolClasses: { refund: money }\n`, /field `agents\.0\.toolClasses\.refund` expected .*read.*write.*escalate.*record/],
    ['a secret written in place of its variable', `  - kind: http\n    name: bot\n    url: http://127.0.0.1:1/x\n    headers: { X-Key: { value: sk-123 } }\n    reply: { text: a }\n`, /field `agents\.0\.headers\.X-Key/],
    ['a name a model already uses', `  - kind: module\n    name: rules\n    module: examples/module-bot/bot.mjs\n`, /field `agents\.0\.name`.*"rules"/],
    ['a prompt variant of an unknown tool', `  - kind: prompt-variant\n    name: v\n    approach: empathic-support-agent\n    model: openai:gpt-4o-mini\n    system: hi\n    tools: [send_email]\n`, /field `agents\.0\.tools\.0`/],
  ])('%s', async (_name, body, message) => {
    const r = await runCli(['validate', '-c', write(body)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a module that is not there stops the run before the database is opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-agent-mod-'));
    const file = join(dir, 'suite.yaml');
    writeFileSync(file, `${HEAD}  - kind: module\n    name: mine\n    module: bots/missing.mjs\noutput: ${join(dir, 'out')}\n`);
    const r = await runCli(['run', '-c', file, '--progress', 'silent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/agents \(mine\)\.module.*no file at/);
    expect(existsSync(join(dir, 'out', 'cxbench.duckdb'))).toBe(false);
  });
});
