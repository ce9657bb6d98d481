import { describe, expect, it } from 'vitest';
import { UNKNOWN_NOW } from '../../src/audit/conversation-date.js';
import type { AuditRecord } from '../../src/audit/record.js';
import { auditScenario, type AuditScenarioOptions } from '../../src/audit/scenario.js';

const opts: AuditScenarioOptions = { approach: 'empathic-support-agent', domain: 'fashion-ecommerce', material: { kb: [], policies: [], catalog: [], files: [] }, toolClasses: {}, useBrief: true };
const rec = (date: string | null): AuditRecord => ({
  id: 'c-1', file: 'f.jsonl', line: 1, brief: [], turns: [{ speaker: 'customer', text: 'hi' }, { speaker: 'agent', text: 'hello' }],
  date: { date, source: date ? 'metadata.date' : 'none' }, usage: null, costUsd: null, truth: null,
});

describe('the scenario of an audited conversation', () => {
  it('says when its date is unknown (nowKnown: false, now only a placeholder) and carries the real date otherwise', () => {
    const unknown = auditScenario(rec(null), opts);
    expect(unknown.nowKnown).toBe(false);
    expect(unknown.now).toBe(UNKNOWN_NOW);
    const known = auditScenario(rec('2026-03-04'), opts);
    expect(known.now).toBe('2026-03-04');
    expect(known.nowKnown).toBeUndefined();
  });
});
