import { describe, expect, it } from 'vitest';
import type { Confusion, RateCheck, ReplicateMeasures } from '../../src/validity/measure.js';
import type { ReplicateResult } from '../../src/validity/replicate.js';
import { kappa, summariseStudy } from '../../src/validity/summarise.js';

const none: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
const rate = (covered: boolean): RateCheck => ({ metric: 'm', estimate: 0.5, ciLow: 0.4, ciHigh: 0.6, ciMethod: 'wilson', nConv: 10, truth: covered ? 0.5 : 0.9, covered });

function replicate(seed: number, gapPp: number, flagged: boolean, reply: Confusion & { explained: number }): ReplicateResult {
  const measures: ReplicateMeasures = {
    seed, gapPp, conversations: 10, replies: 20, linkedReplies: 20, truthEntries: 20,
    bias: { gap: -gapPp, ciLow: -gapPp - 1, ciHigh: -gapPp + 1, p: flagged ? 0.001 : 0.5, pHolm: flagged ? 0.01 : 1, nScenarios: 6, familySize: 20, trueGap: -gapPp, seedGap: -gapPp, flagged, covered: true, otherGroupsTested: 0, otherGroupsFlagged: 0 },
    gapsByScenario: [[-gapPp, -gapPp + 1], [-gapPp - 1, -gapPp], [-gapPp + 0.5, -gapPp - 0.5]],
    halluc: { reply, byKind: { price: { tp: 3, fn: 1 }, duration: { tp: 1, fn: 1 }, offering: { tp: 0, fn: 2 } }, conv: none, rate: rate(true) },
    empathy: { conv: { tp: 8, fp: 0, fn: 2, tn: 10 } },
    disclosure: { conv: none, rate: rate(true) },
    falseHuman: { conv: none, rate: rate(false) },
    pii: { conv: none, rate: rate(true) },
  };
  return { measures, ran: 10, failed: 0, wallMs: 1 };
}

describe('pooling replicates into instrument checks', () => {
  const results = [
    replicate(1, 0, false, { tp: 9, fp: 1, fn: 3, tn: 7, explained: 2 }),
    replicate(2, 0, true, { tp: 9, fp: 0, fn: 1, tn: 10, explained: 0 }),
    replicate(1, 5, true, { tp: 100, fp: 100, fn: 100, tn: 0, explained: 0 }),
    replicate(2, 5, true, { tp: 100, fp: 100, fn: 100, tn: 0, explained: 0 }),
  ];
  const { instruments, sampleSize } = summariseStudy('s', results, [0, 5]);
  const row = (instrument: string, check: string, gap: number | null = null) => instruments.find((r) => r.instrument === instrument && r.check_name === check && r.gap_pp === gap)!;

  it('precision and recall pool replies of the first gap only (the others share its conversations)', () => {
    expect(row('hallucination', 'reply-precision').value).toBeCloseTo(18 / 19, 12);
    expect(row('hallucination', 'reply-recall').value).toBeCloseTo(18 / 22, 12);
    expect(row('hallucination', 'reply-precision').meets_target).toBe(true);
    expect(row('hallucination', 'reply-recall').meets_target).toBe(true);
    expect(row('hallucination', 'reply-precision').note).toContain('2 flags');
  });

  it('reports recall per planted kind of hallucination (first gap only)', () => {
    expect(row('hallucination', 'reply-recall-price').value).toBeCloseTo(6 / 8, 12);
    expect(row('hallucination', 'reply-recall-duration').value).toBeCloseTo(2 / 4, 12);
    expect(row('hallucination', 'reply-recall-offering').value).toBe(0);
    expect(row('hallucination', 'reply-recall-offering').meets_target).toBe(false);
  });

  it('power and false-positive rate are shares of replicates flagged after Holm, held to their targets', () => {
    expect(row('bias-audit', 'false-positive-rate', 0).value).toBe(0.5);
    expect(row('bias-audit', 'false-positive-rate', 0).meets_target).toBe(false);
    expect(row('bias-audit', 'power', 5).value).toBe(1);
    expect(row('bias-audit', 'power', 5).meets_target).toBe(true);
    expect(row('human-claim', 'ci-coverage').value).toBe(0);
  });

  it("kappa is Cohen's kappa on the 2x2 table", () => {
    // po = 0.9, pe = 0.4 * 0.5 + 0.6 * 0.5 = 0.5 -> kappa 0.8
    expect(kappa({ tp: 8, fp: 0, fn: 2, tn: 10 })).toBeCloseTo(0.8, 12);
    expect(row('empathy', 'kappa').value).toBeCloseTo(0.8, 12);
  });

  it('gives sample-size advice per epochs from the measured gap variance', () => {
    const five = sampleSize.filter((r) => r.gap_pp === 5);
    expect(five.map((r) => r.epochs)).toEqual([1, 2, 3, 5, 10]);
    expect(five.every((r) => (r.scenarios_holm ?? 0) >= (r.scenarios_alpha_05 ?? 0))).toBe(true);
  });
});

describe('coverage verdicts', () => {
  const cov = (hits: number, n: number) => {
    const results = Array.from({ length: n }, (_, i) => replicate(i + 1, 0, false, { tp: 1, fp: 0, fn: 0, tn: 1, explained: 0 }));
    results.forEach((r, i) => { r.measures.bias!.covered = i < hits; });
    return summariseStudy('s', results, [0]).instruments.find((r) => r.instrument === 'bias-audit' && r.check_name === 'ci-coverage' && r.gap_pp === 0)!;
  };
  it('met inside the band, unresolved when a few replicates cannot tell, missed when clearly outside', () => {
    expect(cov(95, 100).meets_target).toBe(true);
    expect(cov(20, 20).meets_target).toBeNull();
    expect(cov(60, 100).meets_target).toBe(false);
  });
});

describe('the planted truth is weighted like the aggregate it judges', () => {
  it('averages scenarios, not conversations', async () => {
    const { scenarioWeighted } = await import('../../src/validity/measure.js');
    // Scenario a: 3 conversations at 0.9; scenario b: 1 at 0.1. Per conversation 0.7; per scenario 0.5.
    expect(scenarioWeighted([{ scenario: 'a', p: 0.9 }, { scenario: 'a', p: 0.9 }, { scenario: 'a', p: 0.9 }, { scenario: 'b', p: 0.1 }])).toBeCloseTo(0.5, 12);
    expect(scenarioWeighted([])).toBeNull();
  });
});
