import type { Suite } from '../../plan/suite.js';
import { runSuiteBatch, type BatchRunOptions } from '../../run/batch/runner.js';
import type { Store } from '../../store/db.js';
import { failureCauses, formatFailureCauses } from '../failure-summary.js';

async function printFailureCauses(store: Store, runIds: (string | undefined)[], out: (line: string) => void): Promise<void> {
  for (const id of new Set(runIds)) if (id) for (const l of formatFailureCauses(await failureCauses(store, id), id, store.path)) out(l);
}

/** `cxbench run --batch`: runs the suite through the batch runner and prints what happened. Returns true when cells failed or wait. */
export async function runBatchFromCli(suite: Suite, store: Store, out: (line: string) => void, opts: BatchRunOptions): Promise<boolean> {
  const quiet = opts.progress === 'silent';
  const s = await runSuiteBatch(suite, store, { ...opts, ...(quiet ? {} : { log: (l: string) => process.stderr.write(`${l}\n`) }) });
  if (s.liveModels.length) {
    out(`no batch API for ${s.liveModels.join(', ')}: ${s.liveModels.length === 1 ? 'its' : 'their'} cells ran through the live path` +
      (s.live ? ` (run ${s.live.runId}: ${s.live.ran} ran, ${s.live.done} done, ${s.live.agentErrors} agent errors, ${s.live.infraErrors} infrastructure errors)` : ''));
    for (const [model, why] of Object.entries(s.live?.stoppedModels ?? {})) out(`stopped ${model}: ${why}`);
  }
  const liveFailed = s.live ? s.live.agentErrors + s.live.infraErrors > 0 || Object.keys(s.live.stoppedModels).length > 0 : false;
  if (s.live && s.runId === s.live.runId) { await printFailureCauses(store, [s.runId], out); return liveFailed; } // nothing had a batch API
  const recorded = (await store.all('SELECT 1 FROM runs WHERE run_id = ?', [s.runId])).length > 0;
  if (!recorded) out(`nothing to run in batch: all ${s.planned} planned batch cells are already in the database, so no batch run was recorded`);
  else out(`batch run ${s.runId}: ${s.planned} cells planned, ${s.skippedExisting} already in the database, ${s.ran} ran ` +
    `(${s.done} done, ${s.agentErrors} agent errors, ${s.infraErrors} infrastructure errors) in ${(s.wallMs / 1000).toFixed(1)}s; ` +
    `${s.batchesSubmitted} batch(es) submitted, ${s.batchesCollected} collected, at the batch price (x0.5)`);
  for (const [model, why] of Object.entries(s.stoppedModels)) out(`stopped ${model}: ${why}`);
  if (s.pendingBatches.length) out(`pending batches: ${s.pendingBatches.join(', ')}; run the same command again to collect them`);
  await printFailureCauses(store, [s.live?.runId, s.runId], out);
  return liveFailed || s.agentErrors + s.infraErrors > 0 || Object.keys(s.stoppedModels).length > 0 || s.pendingBatches.length > 0;
}
