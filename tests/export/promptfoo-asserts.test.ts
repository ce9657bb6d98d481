import { describe, expect, it } from 'vitest';
import { APPROACHES } from '../../src/approaches/index.js';
import { assertionsFor } from '../../src/export/promptfoo-asserts.js';
import { resolved } from '../evaluators/resolution/fixtures.js';

const approach = APPROACHES['empathic-support-agent'];
const endStateAsserts = (judging: Parameters<typeof resolved>[0]) => assertionsFor(resolved(judging).scenario, approach).filter((a) => a.metric === 'end-state');

describe('promptfoo assertions for the end state', () => {
  it('an actions end state asks for each expected write tool once', () => {
    const as = endStateAsserts({ judging: { endState: { kind: 'actions', writes: [{ tool: 'cancel_pending_order', args: {} }, { tool: 'cancel_pending_order', args: { order_id: '#W2' } }, { tool: 'exchange_delivered_order_items', args: {} }] }, shouldEscalate: false } });
    expect(as).toHaveLength(2);
    expect(String(as[0]!.value)).toContain('cancel_pending_order');
    expect(String(as[1]!.value)).toContain('exchange_delivered_order_items');
  });

  it('no end state gives no end-state assertion; escalation is still asserted from shouldEscalate', () => {
    const all = assertionsFor(resolved({ judging: { shouldEscalate: true } }).scenario, approach);
    expect(all.filter((a) => a.metric === 'end-state')).toEqual([]);
    expect(all.find((a) => a.metric === 'escalation')).toBeDefined();
  });
});
