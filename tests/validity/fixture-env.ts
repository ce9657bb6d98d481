import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStudyEnv, StudyOptionsSchema, type StudyOptions, type StudyOptionsInput } from '../../src/validity/env.js';

/** The validity study on the small fixture suite (6 offer scenarios, 1 service scenario, 2 names per group). */
export function fixtureOptions(over: Partial<StudyOptionsInput> = {}): StudyOptions {
  return StudyOptionsSchema.parse({
    config: 'tests/validity/fixtures/config.yaml',
    variants: ['v-names'],
    output: mkdtempSync(join(tmpdir(), 'cxv-test-')),
    bootstrapB: 200,
    concurrency: 1,
    ...over,
  });
}

export const fixtureEnv = (over: Partial<StudyOptionsInput> = {}): ReturnType<typeof openStudyEnv> => openStudyEnv(fixtureOptions(over));
