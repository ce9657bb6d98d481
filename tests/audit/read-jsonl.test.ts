import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/audit/read-jsonl.js';
import { misspeltKey } from '../../src/audit/jsonl-line.js';
import { ROOT } from '../helpers/cli.js';

const line = (o: unknown): string => JSON.stringify(o);
const call = (id: string, name: string, args: string) => ({ id, type: 'function', function: { name, arguments: args } });

describe('JSONL transcripts', () => {
  it('turns chat messages into cxbench turns: tool calls parsed, tool results named after their call, system messages as the brief', () => {
    const text = line({
      id: 7,
      messages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: [{ type: 'text', text: 'Cancel W1' }, { type: 'text', text: 'please' }] },
        { role: 'assistant', content: null, tool_calls: [call('a', 'cancel_order', '{"order_id":"W1"}')] },
        { role: 'tool', tool_call_id: 'a', content: 'cancelled' },
        { role: 'assistant', content: 'Done.' },
      ],
      metadata: { date: '2026-05-01', cost_usd: 0.01, usage: { input_tokens: 10, output_tokens: 2 }, expected_writes: [{ tool: 'cancel_order', args: { order_id: 'W1' } }], should_escalate: false, outcome: 'success', crm_id: 'x' },
    });
    const { records, problems } = readJsonl('f.jsonl', text);
    expect(problems).toEqual([]);
    const r = records[0]!;
    expect(r.id).toBe('7');
    expect(r.brief).toEqual(['Be kind.']);
    expect(r.turns).toEqual([
      { speaker: 'customer', text: 'Cancel W1\nplease' },
      { speaker: 'agent', text: '', toolCalls: [{ id: 'a', name: 'cancel_order', arguments: { order_id: 'W1' } }] },
      { speaker: 'tool', text: 'cancelled', toolCallId: 'a', toolName: 'cancel_order' },
      { speaker: 'agent', text: 'Done.' },
    ]);
    expect(r.date).toEqual({ date: '2026-05-01', source: 'metadata.date' });
    expect(r.costUsd).toBe(0.01);
    expect(r.usage).toMatchObject({ input: 10, output: 2 });
    expect(r.truth).toEqual({ actions: { writes: [{ tool: 'cancel_order', args: { order_id: 'W1' } }], shouldEscalate: false }, outcome: 'success' });
  });

  it('without metadata: no truth, no date, no usage or cost (unknown, not zero)', () => {
    const { records } = readJsonl('f.jsonl', line({ id: 'x', messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] }));
    expect(records[0]).toMatchObject({ truth: null, usage: null, costUsd: null, date: { date: null } });
  });

  it('reports every bad line with its line number and field, and skips blank lines in the count', () => {
    const text = [
      line({ id: 'ok', messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] }),
      '',
      '{"id": "broken",',
      line({ id: 'args', messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: null, tool_calls: [call('a', 't', '[1]')] }] }),
      line({ id: 'extra', messages: [{ role: 'user', content: 'hi', mood: 'sad' }, { role: 'assistant', content: 'x' }] }),
      line({ id: 'noagent', messages: [{ role: 'user', content: 'hi' }] }),
      line({ id: 'half', messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'x' }], metadata: { expected_writes: [] } }),
    ].join('\n');
    const { records, problems } = readJsonl('f.jsonl', text);
    expect(records.map((r) => r.id)).toEqual(['ok']);
    const at = problems.map((p) => `${p.line}:${p.path}`);
    // The unknown key is named on the message (messages.0, or messages.0.mood).
    expect(at).toEqual(['3:', '4:messages.1.tool_calls.0.function.arguments', expect.stringMatching(/^5:messages\.0\b/), '6:messages', '7:metadata.should_escalate']);
    expect(problems[1]!.found).toContain('not an object');
  });

  it('a metadata key close to one cxbench reads is a misspelling, not an ignored field', () => {
    expect(misspeltKey('should_escalte')).toBe('should_escalate');
    expect(misspeltKey('expectedWrites')).toBe('expected_writes');
    expect(misspeltKey('costUsd')).toBe('cost_usd');
    expect(misspeltKey('channel')).toBeNull();
    expect(misspeltKey('user_id')).toBeNull();
  });

  it('the retail fixture reads cleanly: ten conversations, eight with outcome truth', () => {
    const file = join(ROOT, 'tests/fixtures/audit/retail.jsonl');
    const { records, problems } = readJsonl(file, readFileSync(file, 'utf8'));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(10);
    expect(records.filter((r) => r.truth?.actions)).toHaveLength(8);
  });
});
