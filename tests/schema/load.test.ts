import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadFile, MAX_INPUT_BYTES } from '../../src/schema/load.js';
import { ScenarioSchema } from '../../src/schema/scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'cxb-load-'));
const write = (name: string, content: string | Buffer): string => { const p = join(dir, name); writeFileSync(p, content); return p; };

function problems(file: string) {
  try { loadFile(file, ScenarioSchema); } catch (e) { if (e instanceof InputError) return e; throw e; }
  throw new Error('expected an InputError');
}

const valid = `id: ok
version: 1
synthetic: true
title: A valid scenario
approach: empathic-support-agent
domain: telecom
difficulty: simple
now: 2026-01-01
persona: { firstName: A, lastName: B }
customer:
  reason: reason text
  goal: goal text
  turns:
    - text: hello
      emotion: { label: neutral, intensity: 0 }
judging:
  endState: { kind: answer }
  shouldEscalate: false
`;

describe('loadFile', () => {
  it('accepts a valid scenario and fills defaults', () => {
    const s = loadFile(write('ok.yaml', valid), ScenarioSchema);
    expect(s.facts).toEqual([]);
    expect(s.bounds.currency).toBe('USD');
  });

  it('names file, field path, expectation, found value and YAML line for a wrong type', () => {
    const e = problems(write('bad-type.yaml', valid.replace('intensity: 0', 'intensity: "very"')));
    const p = e.problems.find((x) => x.path === 'customer.turns.0.emotion.intensity');
    expect(p).toBeDefined();
    expect(p!.file).toContain('bad-type.yaml');
    expect(p!.found).toContain('"very"');
    expect(p!.expected).toMatch(/number/);
    expect(p!.line).toBe(15);
  });

  it('lists the allowed values for an unknown enum', () => {
    const e = problems(write('bad-enum.yaml', valid.replace('approach: empathic-support-agent', 'approach: chatbot')));
    const p = e.problems.find((x) => x.path === 'approach')!;
    expect(p.expected).toContain('empathic-support-agent');
    expect(p.line).toBe(5);
  });

  it('reports YAML syntax errors with a line', () => {
    const e = problems(write('syntax.yaml', 'id: x\nversion: [1, 2\ntitle: y\n'));
    expect(e.message).toMatch(/YAML syntax error/);
    expect(e.problems[0]!.line).toBeGreaterThan(0);
  });

  it('refuses empty, non-UTF-8 and oversized files', () => {
    expect(problems(write('empty.yaml', '  \n')).message).toMatch(/empty/);
    expect(problems(write('latin1.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0xff, 0x0a]))).message).toMatch(/UTF-8/);
    expect(problems(write('big.yaml', Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61))).message).toMatch(/limited/);
  });

  it('refuses a non-synthetic scenario that does not say where its data came from', () => {
    const e = problems(write('real.yaml', valid.replace('synthetic: true', 'synthetic: false')));
    expect(e.problems[0]!.path).toBe('source');
    expect(loadFile(write('real-ok.yaml', valid.replace('synthetic: true', 'synthetic: false\nsource: support tickets 2026-Q3, anonymised')), ScenarioSchema).synthetic).toBe(false);
  });

  it('rejects a misspelt key anywhere in a scenario, naming the file, the key and the field it probably meant', () => {
    // The problem points at the object holding the key or at the key itself; either way its text names the key.
    const named = (e: InputError, key: string) => e.problems.find((x) => x.expected.includes(`"${key}"`))!;
    const e = problems(write('typo.yaml', valid.replace('  shouldEscalate: false', '  shouldEscalate: false\n  forbidenClaims: []')));
    const p = named(e, 'forbidenClaims');
    expect(p.file).toContain('typo.yaml');
    expect(p.path).toMatch(/^judging(\.forbidenClaims)?$/);
    expect(p.expected).toContain('unknown field "forbidenClaims" (did you mean "forbiddenClaims"?)');
    expect(p.line).toBeGreaterThanOrEqual(16);
    const top = named(problems(write('epoch.yaml', `${valid}epoch: 3\n`)), 'epoch');
    expect(top.path).toMatch(/^(epoch)?$/);
    expect(top.expected).toContain('unknown field "epoch"');
    const nested = named(problems(write('emotion.yaml', valid.replace('intensity: 0', 'intensity: 0, lable: sad'))), 'lable');
    expect(nested.path).toMatch(/^customer\.turns\.0\.emotion(\.lable)?$/);
    expect(nested.expected).toContain('"lable" (did you mean "label"?)');
  });

  it('accepts a scenario without an end state and an actions end state with expected writes', () => {
    const noEnd = loadFile(write('no-end.yaml', valid.replace('  endState: { kind: answer }\n', '')), ScenarioSchema);
    expect(noEnd.judging.endState).toBeUndefined();
    const actions = loadFile(write('actions.yaml', valid.replace('{ kind: answer }', '{ kind: actions, writes: [{ tool: cancel_pending_order, args: { order_id: "#W1" } }] }')), ScenarioSchema);
    expect(actions.judging.endState).toEqual({ kind: 'actions', writes: [{ tool: 'cancel_pending_order', args: { order_id: '#W1' } }] });
  });

  it('reports a missing file', () => {
    expect(problems(join(dir, 'nope.yaml')).message).toMatch(/not found/);
  });
});
