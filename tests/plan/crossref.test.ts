import { describe, expect, it } from 'vitest';
import { crossCheckScenario } from '../../src/plan/crossref.js';
import { emptyIndex } from '../../src/plan/datasets.js';
import { ScenarioSchema, type ScenarioInput } from '../../src/schema/scenario.js';

const BASE: ScenarioInput = {
  id: 'cx', version: 1, synthetic: true, title: 'Cross-check', approach: 'empathic-support-agent', domain: 'fashion-ecommerce',
  difficulty: 'simple', now: '2025-03-01', persona: { firstName: 'A', lastName: 'B' },
  customer: { reason: 'a reason', goal: 'a goal', turns: [{ text: 'hi', emotion: { label: 'neutral', intensity: 0 } }] },
  judging: { endState: { kind: 'answer' }, shouldEscalate: false },
};
const check = (judging: ScenarioInput['judging']) => crossCheckScenario(ScenarioSchema.parse({ ...BASE, judging }), 'x.yaml', emptyIndex()).map((p) => p.path);

describe('end-state cross-checks', () => {
  it('an actions end state may expect writes and a hand-over together; other kinds need escalate when shouldEscalate', () => {
    expect(check({ endState: { kind: 'actions', writes: [{ tool: 'cancel_pending_order', args: {} }] }, shouldEscalate: true })).toEqual([]);
    expect(check({ endState: { kind: 'answer' }, shouldEscalate: true })).toEqual(['judging.endState.kind']);
    expect(check({ endState: { kind: 'escalate' }, shouldEscalate: false })).toEqual(['judging.shouldEscalate']);
  });

  it('a scenario without an end state passes (resolution is then reported as not scorable)', () => {
    expect(check({ shouldEscalate: true })).toEqual([]);
  });

  it('refuses an expected write naming a bundled tool that is not of class write', () => {
    expect(check({ endState: { kind: 'actions', writes: [{ tool: 'make_offer', args: {} }, { tool: 'lookup_order', args: {} }] }, shouldEscalate: false }))
      .toEqual(['judging.endState.writes.1.tool']);
  });
});
