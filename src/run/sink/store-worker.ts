// The store worker: owns the database file during a run, scores each finished conversation with the registry's
// deterministic evaluators and appends it, a batch of cells per transaction. Entry point of a worker thread.
import { parentPort, workerData } from 'node:worker_threads';
import { EVALUATORS } from '../../../evaluators/index.js';
import { loadNlp } from '../../../evaluators/nlp/wink.js';
import { Redactor } from '../../core/redact.js';
import type { ResolvedScenario } from '../../plan/material.js';
import { scoreConversation } from '../../score/score-conversation.js';
import { openStore, type Store } from '../../store/db.js';
import { ConversationWriter, type ScoredConversation } from '../../store/writer.js';
import { MirroredLru } from './intern.js';
import { FLUSH_AFTER_MS, type FromStoreWorker, type StoreWorkerData, type ToStoreWorker } from './worker-protocol.js';

const port = parentPort!;
const data = workerData as StoreWorkerData;
const post = (m: FromStoreWorker): void => port.postMessage(m);
const redactor = new Redactor(data.secrets);
const message = (e: unknown): string => redactor.text(e instanceof Error ? e.message : String(e));

// The runner starts this worker before it plans: the NLP model loads meanwhile, off the first cell's path. A failure
// to load surfaces when the first cell is scored.
loadNlp().catch(() => undefined);

// The database is ours only once the runner has released it ('open').
let db: { store: Store; writer: ConversationWriter } | undefined;
// Evaluators cache per-scenario work (gazetteers, grounding) by object identity: one object per resolved scenario.
const scenarios = new MirroredLru<ResolvedScenario>(data.internCapacity);
let batch: ScoredConversation[] = [];
let replaceKeys: string[] = [];
let timer: NodeJS.Timeout | undefined;
let failed = false;
const fail = (e: unknown): void => {
  if (!failed) post({ kind: 'failed', message: message(e) });
  failed = true;
};
// Messages are handled one after another, in arrival order (the scenario cache on both sides depends on it).
let chain: Promise<void> = Promise.resolve();
const enqueue = (step: () => Promise<void>): void => {
  // After a failure nothing more is written; the runner stops and the file is let go on `close`.
  chain = chain.then(step).catch(fail);
};

async function flush(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  if (batch.length === 0 || failed) return;
  const cells = batch;
  const keys = replaceKeys;
  batch = [];
  replaceKeys = [];
  if (!db) throw new Error('store worker: a batch came before the database was lent (this is a bug in cxbench)');
  await db.writer.write(cells, keys);
  post({ kind: 'written', n: cells.length });
}

async function take(m: Extract<ToStoreWorker, { kind: 'cell' }>): Promise<void> {
  let r: ResolvedScenario | undefined;
  if (m.resolved) scenarios.add(m.rKey, (r = m.resolved));
  else r = scenarios.get(m.rKey);
  if (!r) throw new Error(`store worker: scenario ${m.rKey} was not sent (the two sides' scenario caches disagree)`);
  if (failed) return;
  const scores = m.conversation.status === 'done' ? await scoreConversation(m.conversation, r, EVALUATORS, {}) : [];
  batch.push({ conversation: redactor.deep(m.conversation), scores: redactor.deep(scores) });
  if (m.replace) replaceKeys.push(m.conversation.cell.key);
  if (batch.length >= data.batchSize) await flush();
  else timer ??= setTimeout(() => enqueue(flush), FLUSH_AFTER_MS);
}

async function open(): Promise<void> {
  // The runner released the file for this thread: a reader that slipped in is waited for, never allowed to abort the run.
  const store = await openStore(data.path, { memoryLimit: data.memoryLimit, handOff: true });
  db = { store, writer: new ConversationWriter(store) };
}

async function close(): Promise<void> {
  await flush().catch(fail);
  try {
    db?.writer.close();
    db?.store.close();
  } catch (e) {
    fail(e);
  }
  post({ kind: 'closed' });
  port.close();
}

const handlers = {
  open: () => enqueue(open),
  cell: (m) => enqueue(() => take(m)),
  close: () => enqueue(close),
} satisfies { [K in ToStoreWorker['kind']]: (m: Extract<ToStoreWorker, { kind: K }>) => void };
port.on('message', (m: ToStoreWorker) => (handlers[m.kind] as (m: ToStoreWorker) => void)(m));
