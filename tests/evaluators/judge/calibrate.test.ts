import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate, judgeReferenceSet, lexReferenceRows, parseCalibrationCsv, parseReferenceCsv } from '../../../evaluators/judge/calibrate.js';
import { FakeJudge } from './fake-backend.js';

const CSV = `item_id,metric,human_label,judge_label,persona_group
a1,empathy.er,0,0,g1
a2,empathy.er,1,1,g1
a3,empathy.er,2,2,g1
a4,empathy.er,2,1,g1
b1,empathy.er,0,0,g2
b2,empathy.er,1,2,g2
b3,empathy.er,2,2,g2
b4,empathy.er,1,,g2
"c,1",halluc.any,1,1,g1
c2,halluc.any,0,1,g1
c3,halluc.any,0,0,g1
`;

describe('judge calibration', () => {
  const report = calibrate(parseCalibrationCsv(CSV), { nominal: ['halluc.any'], humanHumanAlpha: { 'empathy.er': 0.95 } });
  const er = report.find((r) => r.metric === 'empathy.er')!;

  it('computes agreement per metric, skipping items the judge did not answer', () => {
    expect(er.n).toBe(8);
    expect(er.missingJudge).toBe(1);
    expect(er.exactAgreement).toBeCloseTo(5 / 7, 10);
    expect(er.alphaInterval).not.toBeNull();
    expect(er.kappaQuadratic).not.toBeNull();
    expect(er.groups.map((g) => [g.group, g.errors, g.n])).toEqual([['g1', 1, 4], ['g2', 1, 3]]);
  });

  it('applies the acceptance rule: ceiling, minimum alpha and group parity', () => {
    expect(er.acceptance.alphaUsed).toBe('interval');
    expect(er.acceptance.ceilingMet).toBe(false);
    expect(er.acceptance.groupParity).toBe(false);
    expect(er.acceptance.accepted).toBe(false);
    const any = report.find((r) => r.metric === 'halluc.any')!;
    expect(any.acceptance.alphaUsed).toBe('nominal');
    expect(any.acceptance.reasons.join(' ')).toMatch(/one persona group only/);
  });

  it('rejects a CSV with a missing human label', () => {
    expect(() => parseCalibrationCsv('item_id,metric,human_label,judge_label,persona_group\nx,m,,1,g\n')).toThrow(/row 2/);
  });
});

describe('author-labelled empathy reference set', () => {
  const items = parseReferenceCsv(readFileSync(new URL('../../../datasets/judge-reference/empathy-author-labelled.csv', import.meta.url), 'utf8'));

  it('has at least 30 labelled replies across two persona groups, labelled by the scenario authors', () => {
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((i) => i.persona_group))).toEqual(new Set(['sae', 'non-native']));
    expect(new Set(items.map((i) => i.labeller))).toEqual(new Set(['scenario-authors']));
    expect(new Set(items.map((i) => i.item_id)).size).toBe(items.length);
  });

  it('a judge that agrees perfectly still cannot show group parity on so few items', async () => {
    // The fake judge looks the author labels up by reply text: perfect agreement by construction.
    const j = new FakeJudge((req) => {
      const it = items.find((x) => req.turns[0]!.text.includes(x.agent_reply))!;
      const r = (level: number) => ({ level, rationale: '' });
      return JSON.stringify({ er: r(it.er), ip: r(it.ip), ex: r(it.ex), appropriateness: r(1), actionAlignment: { value: 0, rationale: '' } });
    });
    const rows = await judgeReferenceSet(j, items);
    expect(rows).toHaveLength(items.length * 3);
    for (const m of calibrate(rows)) {
      expect(m.alphaInterval).toBe(1);
      expect(m.acceptance.minimumMet).toBe(true);
      expect(m.acceptance.groupParity).toBe(false);
    }
  });

  it('the lexicon fallback can be calibrated on the same rows', () => {
    const rows = lexReferenceRows(items);
    expect(rows).toHaveLength(items.length * 3);
    const er = calibrate(rows).find((r) => r.metric === 'empathy.er')!;
    expect(er.alphaInterval).not.toBeNull();
  });
});
