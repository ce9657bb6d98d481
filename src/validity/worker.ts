import { runSeedsHere, type WorkerJob, type WorkerMessage } from './study.js';

/** Child-process entry of `cxbench validity --workers N`: runs its share of the seeds and reports each one back. */
const send = (m: WorkerMessage): Promise<void> => new Promise((resolve) => { process.send!(m, () => resolve()); });

process.once('message', (job: WorkerJob) => {
  void (async () => {
    try {
      await runSeedsHere(job.options, job.seeds, (seed, results, planned) => { void send({ type: 'seed', seed, results, planned }); });
      await send({ type: 'done' });
      process.exit(0);
    } catch (e) {
      await send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      process.exit(1);
    }
  })();
});
