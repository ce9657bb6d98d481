import { execFileSync } from 'node:child_process';
import { packageRoot, packageVersion } from '../core/paths.js';
import { sha256 } from '../plan/cells.js';
import type { Suite } from '../plan/suite.js';
import { PRICE_TABLE_VERSION } from '../cost/prices.js';
import type { Evaluator } from '../score/types.js';
import { modelKey } from '../schema/model-spec.js';
import { agentSpecs, manifestEntry } from '../agents/plan.js';

export function codeVersion(): string {
  let sha = 'unknown';
  try {
    sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: packageRoot(), stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).toString().trim();
  } catch { /* not a git checkout */ }
  return `cxbench@${packageVersion()}+${sha}`;
}

/** Everything needed to rebuild the run: every plug-in as {kind, name, version, args}. Contains no secrets. */
export function buildManifest(suite: Suite, evaluators: Evaluator[]) {
  const { config } = suite;
  const configJson = JSON.stringify(config);
  return {
    configHash: sha256(configJson).slice(0, 16),
    codeVersion: codeVersion(),
    node: process.version,
    /** Node and V8 flags of the run (`cxbench run` sets its heap flags itself: bin/cxbench.js). */
    nodeFlags: process.execArgv,
    priceTable: PRICE_TABLE_VERSION,
    approaches: [...suite.approaches.values()].map((a) => ({ kind: 'approach', name: a.meta.id, version: a.promptVersion, args: { tools: a.meta.tools } })),
    models: suite.models.map((m) => ({ kind: 'backend', name: modelKey(m), version: 1, args: { baseUrl: m.baseUrl ?? null, timeoutMs: m.timeoutMs, maxRetries: m.maxRetries } })),
    /** Every agent under test: its label, kind, arm and design (a prompt variant's prompt hash); never a secret. */
    agents: [...agentSpecs(suite.models, []), ...suite.agents].map(manifestEntry),
    evaluators: evaluators.map((e) => ({ kind: 'evaluator', name: e.id, version: e.version, args: {} })),
    scenarios: suite.scenarios.map((s) => `${s.id}@${s.version}`),
    datasets: suite.datasets.files,
  };
}
export type Manifest = ReturnType<typeof buildManifest>;
