import { describe, expect, it } from 'vitest';
import { CalibrationRecordSchema, DETECTOR_VERSION, mechanismStatus, readCalibration, type MechanismRecord } from '../../../evaluators/empathy/status.js';

const rec = (over: Partial<MechanismRecord> = {}): MechanismRecord => ({
  mechanism: 'ex', detectorVersion: DETECTOR_VERSION, source: 'two annotators, 400 support chats', humanLabelled: true, n: 400,
  binaryKappa: 0.55, weightedKappa: 0.6, sensitivity: 0.7, specificity: 0.9, measuredOn: '2026-12-01', ...over,
});

describe('empathy mechanism validity status', () => {
  it('the committed record validates nothing: every mechanism is a screen', () => {
    const cal = readCalibration();
    for (const m of ['er', 'ip', 'ex'] as const) expect(mechanismStatus(m, cal)).toMatchObject({ validated: false, screen: expect.stringMatching(/not measured against human labels/) });
  });

  it('a human-label measurement at kappa >= 0.4 on enough items validates that mechanism only', () => {
    const cal = { records: [rec()] };
    expect(mechanismStatus('ex', cal).validated).toBe(true);
    expect(mechanismStatus('er', cal).validated).toBe(false);
  });

  it('stays a screen below the bar, on too few items, on a bank the project wrote, or for another detector version', () => {
    expect(mechanismStatus('ex', { records: [rec({ binaryKappa: 0.39 })] })).toMatchObject({ validated: false, screen: expect.stringMatching(/binary kappa 0\.39 < 0\.4/) });
    expect(mechanismStatus('ex', { records: [rec({ binaryKappa: null })] }).validated).toBe(false);
    expect(mechanismStatus('ex', { records: [rec({ n: 50 })] })).toMatchObject({ validated: false, screen: expect.stringMatching(/only 50 human-labelled items/) });
    expect(mechanismStatus('ex', { records: [rec({ humanLabelled: false })] }).validated).toBe(false);
    expect(mechanismStatus('ex', { records: [rec({ detectorVersion: DETECTOR_VERSION - 1 })] }).validated).toBe(false);
  });

  it('the newest measurement decides', () => {
    const cal = { records: [rec({ measuredOn: '2026-12-01' }), rec({ measuredOn: '2026-12-03', binaryKappa: 0.2, source: 'a later study' })] };
    expect(mechanismStatus('ex', cal).validated).toBe(false);
  });

  it('the record format is strict', () => {
    expect(CalibrationRecordSchema.safeParse({ records: [{ ...rec(), extra: 1 }] }).success).toBe(false);
    expect(CalibrationRecordSchema.safeParse({ records: [rec({ mechanism: 'xx' as 'ex' })] }).success).toBe(false);
  });
});
