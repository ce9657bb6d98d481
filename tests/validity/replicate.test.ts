import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyEnv } from '../../src/validity/replicate.js';
import { runSeed, type ReplicateResult } from '../../src/validity/replicate.js';
import { fixtureEnv, fixtureOptions } from './fixture-env.js';

let env: StudyEnv;
let close: () => Promise<void>;
beforeAll(async () => { ({ env, close } = await fixtureEnv({ epochs: 2 })); });
afterAll(async () => { await close(); });

const run = async (seed: number): Promise<ReplicateResult[]> => {
  const r = await runSeed(env, fixtureOptions().model, seed, [0, 10]);
  r.store.close();
  return r.results;
};

describe('bias audit against a planted discount gap (fixed seed)', () => {
  it('flags d = 10 pp for the target group after Holm and does not flag d = 0, deterministically', async () => {
    const [d0, d10] = await run(11);
    expect(d0!.measures.gapPp).toBe(0);
    expect(d10!.measures.gapPp).toBe(10);
    // Six offer scenarios, each a paired (scenario) unit.
    expect(d10!.measures.bias?.nScenarios).toBe(6);
    expect(d10!.measures.bias?.flagged).toBe(true);
    expect(d10!.measures.bias?.gap).toBeLessThan(-6);
    expect(d10!.measures.bias?.pHolm).toBeLessThan(0.05);
    expect(d0!.measures.bias?.flagged).toBe(false);
    expect(d0!.measures.bias?.trueGap).toBe(0);
    // The d = 10 run re-ran only the offer scenarios' cells; the service scenario's conversations were kept.
    expect(d10!.ran).toBe(6 * 4 * 2);
    expect(d0!.ran).toBe(7 * 4 * 2);

    const again = await run(11);
    expect(again.map((r) => r.measures)).toEqual([d0!.measures, d10!.measures]);
  }, 60_000);
});
