import { codeVersion } from '../run/manifest.js';
import { newRunId } from '../run/runner.js';
import { judgeCallsFromScores } from '../score/judge-cost.js';
import { scoreConversation } from '../score/score-conversation.js';
import type { Evaluator, JudgeRole } from '../score/types.js';
import { sha256 } from '../plan/cells.js';
import type { Store } from '../store/db.js';
import { ConversationWriter, type ScoredConversation } from '../store/writer.js';
import { AUDIT_ARM, auditConversation } from './conversation.js';
import type { AuditPlan } from './plan.js';
import { auditResolved } from './scenario.js';
import { auditFacts, summariseAudit, type AuditFacts, type AuditSummary } from './summary.js';
import { completeAuditScores, hasEmotionAnnotation } from './unknowns.js';

/** Cells per write transaction. */
const BATCH = 64;

/** The run's manifest: what was audited, with which material and map, and each conversation's date and truth. */
function auditManifest(plan: AuditPlan, evaluators: Evaluator[], keys: Map<string, string>) {
  return {
    kind: 'audit',
    codeVersion: codeVersion(),
    node: process.version,
    file: plan.file,
    fileSha256: plan.fileSha256,
    label: plan.label,
    approach: plan.approach.meta.id,
    domain: plan.domain,
    toolClassesFile: plan.toolClassesFile ?? null,
    toolClasses: plan.toolClasses,
    allowUnmapped: plan.allowUnmapped,
    material: plan.material.files,
    systemMessageAsBrief: plan.useBrief,
    evaluators: evaluators.map((e) => ({ kind: 'evaluator', name: e.id, version: e.version, args: {} })),
    conversations: plan.records.map((r) => ({
      id: r.id, line: r.line, cellKey: keys.get(r.id), date: r.date.date, dateSource: r.date.source,
      truth: r.truth, usageKnown: r.usage !== null, costUsd: r.costUsd, emotionAnnotated: hasEmotionAnnotation(r),
    })),
  };
}

/**
 * Stores the audited conversations as their own arm ('audit', model = the label) and scores each with every
 * evaluator. One run row; cells in batches, each batch one transaction. A conversation audited before under the
 * same label and approach is replaced (its old rows go in the same transaction as the new ones).
 */
export async function storeAudit(plan: AuditPlan, store: Store, evaluators: Evaluator[], judge?: JudgeRole): Promise<AuditSummary> {
  const runId = newRunId();
  const at = new Date().toISOString();
  const convOpts = { approach: plan.approach, label: plan.label, runId, domain: plan.domain, at };
  const convs = plan.records.map((r) => ({ rec: r, conv: auditConversation(r, convOpts) }));
  const keys = new Map(convs.map((c) => [c.rec.id, c.conv.cell.key]));
  const manifest = auditManifest(plan, evaluators, keys);
  const configJson = JSON.stringify({ audit: { file: plan.file, label: plan.label, approach: plan.approach.meta.id, domain: plan.domain, toolClasses: plan.toolClassesFile ?? null, material: plan.material.files } });
  await store.exec(`INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'running', ?, NULL)`,
    [runId, `audit: ${plan.label}`, sha256(configJson).slice(0, 16), configJson, manifest.codeVersion, JSON.stringify(manifest), at, plan.records.length]);

  const existing = new Set<string>();
  const allKeys = [...keys.values()];
  for (let i = 0; i < allKeys.length; i += 1000) {
    const part = allKeys.slice(i, i + 1000);
    for (const row of await store.all<{ cell_key: string }>(`SELECT cell_key FROM conversations WHERE cell_key IN (${part.map(() => '?').join(',')})`, part)) existing.add(row.cell_key);
  }

  const writer = new ConversationWriter(store, { arm: AUDIT_ARM });
  const facts: AuditFacts[] = [];
  try {
    let batch: ScoredConversation[] = [];
    const flush = async (): Promise<void> => {
      if (!batch.length) return;
      await writer.write(batch, batch.map((b) => b.conversation.cell.key).filter((k) => existing.has(k)));
      batch = [];
    };
    for (const { rec, conv } of convs) {
      const r = auditResolved(rec, { approach: plan.approach.meta.id, domain: plan.domain, material: plan.material, toolClasses: plan.toolClasses, useBrief: plan.useBrief });
      const raw = await scoreConversation(conv, r, evaluators, judge ? { judge: judge.backend } : {});
      const scores = completeAuditScores(raw, rec, evaluators, judge !== undefined);
      if (judge) conv.calls.push(...judgeCallsFromScores(scores, judge.spec, conv.calls.length));
      batch.push({ conversation: conv, scores });
      facts.push(auditFacts(rec, scores));
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } catch (e) {
    // Batches already committed stay (each is whole); the run row says the audit did not finish.
    await store.exec(`UPDATE runs SET finished_at = ?, status = 'failed' WHERE run_id = ?`, [new Date().toISOString(), runId]).catch(() => undefined);
    throw e;
  } finally {
    writer.close();
  }
  await store.exec(`UPDATE runs SET finished_at = ?, status = 'finished' WHERE run_id = ?`, [new Date().toISOString(), runId]);
  return summariseAudit(runId, facts, existing.size);
}
