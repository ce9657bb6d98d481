import { EVALUATORS, metricCatalog } from '../../evaluators/index.js';
import { analyse } from '../analysis/index.js';
import type { Responder } from '../mock/openai-server.js';
import type { Suite } from '../plan/suite.js';
import { stackClient } from '../run/client-stack.js';
import { runSuite } from '../run/runner.js';
import { openStore, type Store } from '../store/db.js';
import { deleteCells, writeMetricCatalog } from '../store/writer.js';
import type { PlantedModelConfigInput } from './config.js';
import type { ScenarioIndex } from './identify.js';
import { measureReplicate, type MeasureContext, type ReplicateMeasures } from './measure.js';
import { createPlantedModel, type TruthEntry } from './planted-model.js';

/** What every replicate shares: the loaded suite (pointing at the mock), the scenario index and the mock's hook. */
export interface StudyEnv {
  suite: Suite;
  index: ScenarioIndex;
  /** Points the running mock at this replicate's model. */
  setResponder(r: Responder): void;
  bootstrapB: number;
  measure: MeasureContext;
}

export interface ReplicateResult {
  measures: ReplicateMeasures;
  /** Cells the runner actually ran for this replicate (the rest were reused, see runSeed). */
  ran: number;
  failed: number;
  wallMs: number;
}

export interface SeedRun {
  results: ReplicateResult[];
  /** The truth log of the last replicate (every reply its database holds). */
  truth: TruthEntry[];
  /** The last replicate's database; the caller closes it. */
  store: Store;
}

/**
 * The real pipeline against the planted model, once per planted gap d, for one seed: runSuite (client stack with the
 * cache off, every evaluator) into an in-memory DuckDB, analyse() with the seed, then the measurements.
 * The gap only changes conversations in which the model makes an offer, and the model's randomness is keyed by the
 * request, so every other conversation is identical across d. For each further d the offer scenarios' cells are
 * deleted and re-run through the runner's resume path; the rest of the database is kept, with its truth entries.
 */
export async function runSeed(env: StudyEnv, base: PlantedModelConfigInput, seed: number, gaps: readonly number[]): Promise<SeedRun> {
  const store = await openStore(':memory:');
  try {
    await writeMetricCatalog(store, metricCatalog());
    const results: ReplicateResult[] = [];
    let truth: TruthEntry[] = [];
    for (const [i, gapPp] of gaps.entries()) {
      const t0 = performance.now();
      let kept: TruthEntry[] = [];
      if (i > 0) {
        const offerScenarios = [...new Set(truth.filter((t) => t.offer && t.scenarioId).map((t) => t.scenarioId!))];
        if (offerScenarios.length) {
          const keys = await store.all<{ cell_key: string }>(`SELECT cell_key FROM conversations WHERE scenario_id IN (${offerScenarios.map(() => '?').join(',')})`, offerScenarios);
          if (keys.length) await deleteCells(store, keys.map((k) => k.cell_key));
        }
        kept = truth.filter((t) => !t.scenarioId || !offerScenarios.includes(t.scenarioId));
      }
      const model = createPlantedModel({ ...base, seed, bias: { ...base.bias, gapPp } }, env.index);
      env.setResponder(model.responder);
      const summary = await runSuite(env.suite, store, {
        evaluators: EVALUATORS,
        progress: 'silent',
        wrapClient: (c) => stackClient(c, { output: env.suite.config.output, cache: 'off', baseDelayMs: 10 }),
      });
      truth = [...kept, ...model.truth];
      await analyse(store, { seed, bootstrapB: env.bootstrapB, roi: env.suite.config.roi, biasMargins: env.suite.config.biasMargins });
      const measures = await measureReplicate(store, truth, env.measure, { seed, gapPp });
      results.push({ measures, ran: summary.ran, failed: summary.agentErrors + summary.infraErrors, wallMs: performance.now() - t0 });
    }
    return { results, truth, store };
  } catch (e) {
    store.close();
    throw e;
  }
}
