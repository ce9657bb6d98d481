import { describe, expect, it } from 'vitest';
import { toolClassProblems } from '../../src/audit/tool-map.js';
import type { AuditRecord } from '../../src/audit/record.js';

const rec = (line: number, tools: string[], writes: string[] = []): AuditRecord => ({
  id: `c${line}`, file: 't.jsonl', line, brief: [], date: { date: null, source: 'none' }, usage: null, costUsd: null,
  turns: [{ speaker: 'agent', text: '', toolCalls: tools.map((name, i) => ({ id: `${line}-${i}`, name, arguments: {} })) }],
  truth: writes.length ? { actions: { writes: writes.map((tool) => ({ tool, args: {} })), shouldEscalate: false } } : null,
});

describe('tool classes of audited transcripts', () => {
  it('lists every unmapped tool once, with where it is first used and the map file; bundled tools need no entry', () => {
    const p = toolClassProblems([rec(1, ['refund', 'lookup_order']), rec(2, ['refund', 'gift'])], { other: 'read' }, 'map.yaml', false);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ file: 'map.yaml' });
    expect(p[0]!.found).toBe('2 tool(s) with no class: refund (first at t.jsonl:1), gift (first at t.jsonl:2)');
  });

  it('--allow-unmapped lets them through; an expected write must still be a write', () => {
    expect(toolClassProblems([rec(1, ['refund'])], {}, 'map.yaml', true)).toEqual([]);
    const p = toolClassProblems([rec(3, ['get_order'], ['get_order'])], { get_order: 'read' }, 'map.yaml', false);
    expect(p).toEqual([expect.objectContaining({ line: 3, path: 'expected_writes.0.tool', found: '"get_order" (class read)' })]);
  });
});
