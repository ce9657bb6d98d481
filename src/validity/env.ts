import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { startMockOpenAI, type Responder } from '../mock/openai-server.js';
import { loadSuite } from '../plan/suite.js';
import { modelKey } from '../schema/model-spec.js';
import { PlantedModelConfigSchema } from './config.js';
import { buildScenarioIndex } from './identify.js';
import type { StudyEnv } from './replicate.js';

/** The model id every replicate runs under; its server is the in-process loopback mock. */
export const PLANTED_MODEL_ID = 'openai-compatible:planted';

export const StudyOptionsSchema = z.object({
  /** Suite config to start from (scenario globs, datasets, ROI, margins); models and variants are replaced. */
  config: z.string().optional(),
  /** Scenario globs; default: the config's (the bundled library). */
  scenarios: z.array(z.string().min(1)).optional(),
  /** Persona variant sets to expand; the target group must be in one of them. */
  variants: z.array(z.string().min(1)).min(1).default(['race-gender']),
  epochs: z.number().int().min(1).max(20).default(2),
  seeds: z.number().int().min(1).max(10_000).default(20),
  seedStart: z.number().int().default(1),
  /** Planted discount gaps in pp; 0 measures false positives. */
  gaps: z.array(z.number().min(0).max(50)).min(1).default([0, 2, 5, 10]),
  bootstrapB: z.number().int().min(100).default(2000),
  /** Conversations in flight per replicate. */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Child processes sharing the seeds. */
  workers: z.number().int().min(1).max(64).default(1),
  output: z.string().default('out/validity'),
  model: PlantedModelConfigSchema.omit({ seed: true }).default(PlantedModelConfigSchema.omit({ seed: true }).parse({})),
});
export type StudyOptions = z.infer<typeof StudyOptionsSchema>;
export type StudyOptionsInput = z.input<typeof StudyOptionsSchema>;

/** Starts the mock, loads the suite against it, and indexes the scenarios for the planted model. */
export async function openStudyEnv(o: StudyOptions): Promise<{ env: StudyEnv; close(): Promise<void> }> {
  let current: Responder = () => ({ content: '' });
  const mock = await startMockOpenAI({ responder: (req, n) => current(req, n) });
  try {
    const suite = loadSuite(o.config, {
      models: [PLANTED_MODEL_ID], baseUrl: mock.url, personaVariants: o.variants.join(','), epochs: o.epochs, output: o.output,
      ...(o.scenarios ? { scenarios: o.scenarios } : {}),
    });
    suite.config = { ...suite.config, concurrency: { default: o.concurrency, perProvider: {} } };
    const target = o.model.bias.targetGroup;
    const set = [...suite.datasets.personaSets.values()].find((s) => o.variants.includes(s.id) && s.variants.some((v) => v.group === target));
    if (!set) {
      throw new InputError(`target group "${target}" is in none of the persona sets ${o.variants.join(', ')}`, [{
        file: 'command line', path: '--target-group', expected: 'a group of the chosen persona sets',
        found: target,
      }]);
    }
    const index = buildScenarioIndex(suite.scenarios, suite.datasets);
    const env: StudyEnv = {
      suite, index, bootstrapB: o.bootstrapB,
      setResponder: (r) => { current = r; },
      measure: {
        model: modelKey(suite.models[0]!), targetGroup: target, attribute: set.attribute, plantedModel: o.model,
        disclosure: { aiShare: o.model.disclosure.aiShare, humanClaimShare: o.model.disclosure.humanClaimShare }, scenarios: index.scenarios,
      },
    };
    return { env, close: () => mock.close() };
  } catch (e) {
    await mock.close();
    throw e;
  }
}
