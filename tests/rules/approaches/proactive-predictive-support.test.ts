import { describe, expect, it } from 'vitest';
import { alertFires } from '../../../src/rules/approaches/proactive-predictive-support.js';
import { SIGNALS, agentSaid, callsOf, play, resolved } from '../fixtures.js';

const A = 'proactive-predictive-support' as const;

describe('proactive-predictive-support rules counterpart', () => {
  it('threshold rules fire per source', () => {
    expect(alertFires({ id: 's', domain: 'telecom', source: 'usage', observation: 'Data use at 92% of allowance', predictedIssue: 'x' })).toBe(true);
    expect(alertFires({ id: 's', domain: 'telecom', source: 'usage', observation: 'Data use at 40% of allowance', predictedIssue: 'x' })).toBe(false);
    expect(alertFires({ id: 's', domain: 'telecom', source: 'iot', observation: 'Router battery at 15%', predictedIssue: 'x' })).toBe(true);
  });

  it('speaks first with the fixed notification, disclosing automation, without the hidden prediction', async () => {
    const t = await play(A, resolved(A), [], { outreach: true });
    expect(t).toHaveLength(1);
    expect(t[0]!.text).toMatch(/automated notification/);
    expect(t[0]!.text).toContain('Checkout failed 3 times');
    expect(t[0]!.text).not.toContain('GOLD-LABEL');
  });

  it('sends the generic check-in when no rule fires', async () => {
    const quiet = [{ ...SIGNALS[0]!, observation: 'Normal activity this week' }];
    const t = await play(A, resolved(A, { signals: quiet }), [], { outreach: true });
    expect(t[0]!.text).toMatch(/checking in/);
  });

  it('then behaves as the FAQ bot, with order lookup', async () => {
    const t = await play(A, resolved(A), ['ok. also, where is my order FA-10234?'], { outreach: true });
    expect(callsOf(t, 'lookup_order')).toHaveLength(1);
    expect(agentSaid(t)).toContain('status: shipped');
  });
});
