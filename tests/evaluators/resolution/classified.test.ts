import { describe, expect, it } from 'vitest';
import { classifyCalls, isErrorResult } from '../../../evaluators/resolution/classified.js';
import { agent, call, conversation, customer } from './fixtures.js';
import { result } from './own-tools.js';

describe('classified tool calls', () => {
  it('reads error results in the forms tools give them', () => {
    expect(isErrorResult('Error: order not found')).toBe(true);
    expect(isErrorResult('"Error: the reason must be one of ..."')).toBe(true);
    expect(isErrorResult('{"found":false,"error":"no order X"}')).toBe(true);
    expect(isErrorResult('{"status":"cancelled","note":"no error"}')).toBe(false);
    expect(isErrorResult('Transfer successful')).toBe(false);
    expect(isErrorResult('{not json')).toBe(false);
  });

  it('classes calls from the scenario map first, then the bundled tools, and leaves the rest undefined', () => {
    const a = call('cancel_pending_order', {});
    const b = call('escalate_to_human', { reason: 'x' });
    const u = call('mystery', {});
    const c = conversation([customer('x'), agent('', a, b, u), result(a, 'Error: nope')]);
    const got = classifyCalls(c, { toolClasses: { cancel_pending_order: 'write' } }).map((x) => [x.call.name, x.cls, x.failed]);
    expect(got).toEqual([['cancel_pending_order', 'write', true], ['escalate_to_human', 'escalate', false], ['mystery', undefined, false]]);
  });
});
