import { defaultExclude, defineConfig } from 'vitest/config';

// Two projects (docs/testing.md): `unit` (in-process, fast) and `e2e` (child processes, the CLI, servers, a browser,
// the runner over many cells, worker threads, anything slow). A new test file lands in `unit` unless it lives in an
// e2e folder or is named `*.e2e.test.ts`.

/** Folders whose every test is end-to-end. */
const E2E_FOLDERS = [
  'tests/browser/**/*.test.ts', // headless Chromium (Debian's chromium)
  'tests/cli/**/*.test.ts', // spawns the CLI
  'tests/examples/**/*.test.ts', // the shipped examples, run through the CLI
  'tests/run/batch/**/*.test.ts', // batch lanes over many cells against loopback mocks
];

/**
 * Existing files in mixed folders that are end-to-end: they spawn processes or start workers, or took more than
 * ~1.5 s in the classifying run (vitest's JSON reporter over the whole suite, see docs/testing.md).
 */
const E2E_FILES = [
  // spawn the CLI or another child process
  'tests/agents/command-agent.test.ts',
  'tests/agents/config-errors.test.ts',
  'tests/audit/audit-cli.test.ts',
  'tests/plan/shard.test.ts',
  'tests/schema/input-errors.test.ts',
  'tests/scripts/bench/floors.test.ts',
  'tests/store/handoff.test.ts',
  'tests/store/merge.test.ts',
  'tests/view/files.test.ts',
  'tests/view/server.test.ts',
  // the runner over many cells: faults, interrupts, resume, redaction, one writer, worker-thread sink
  'tests/run/faults.test.ts',
  'tests/run/interrupt.test.ts',
  'tests/run/local-failures.test.ts',
  'tests/run/one-writer-and-secrets.test.ts',
  'tests/run/openai-compatible-e2e.test.ts',
  'tests/run/rate-limit-adaptive.test.ts',
  'tests/run/redaction.test.ts',
  'tests/run/resume.test.ts',
  'tests/run/sink/worker-sink.test.ts',
  'tests/agents/http-agent.test.ts',
  'tests/agents/run.test.ts',
  'tests/providers/prompt-cache-run.test.ts',
  'tests/providers/streaming-run.test.ts',
  'tests/score/judge-cost.test.ts',
  // validity study: replication, measurement, planted-model seeds
  'tests/validity/measure.test.ts',
  'tests/validity/planted-model.test.ts',
  'tests/validity/replicate.test.ts',
  // slow in-process work (simulations, DuckDB export, whole reports, the full VADER lexicon)
  'tests/analysis/coverage-simulation.test.ts',
  'tests/evaluators/style/vader.test.ts',
  'tests/export/parquet.test.ts',
  'tests/report/build.test.ts',
  'tests/report/compare.test.ts',
  'tests/report/headlines.test.ts',
];

const E2E = [...E2E_FOLDERS, ...E2E_FILES, 'tests/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB files and child processes: keep workers few on 2-core machines.
    maxWorkers: 2,
    // Projects inherit the options above (`extends: true`); arrays would be concatenated, so include/exclude live
    // only in the projects.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...defaultExclude, ...E2E] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: E2E },
      },
    ],
  },
});
