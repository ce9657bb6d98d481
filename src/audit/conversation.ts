import type { Approach } from '../approaches/approach.js';
import type { Conversation, ModelCall } from '../core/conversation.js';
import { zeroUsage } from '../core/types.js';
import { sha256 } from '../plan/cells.js';
import { BASELINE } from '../plan/personas.js';
import type { AuditRecord } from './record.js';

/** The arm audited conversations are stored under, apart from 'gai' and 'traditional'. */
export const AUDIT_ARM = 'audit';

/** Why an audited conversation ended: it is a finished transcript, not a run cut short. */
export const AUDIT_END_REASON = 'audited-transcript';

/**
 * The stable key of an audited conversation: the same label, approach and conversation id give the same key, so
 * auditing a file again replaces its earlier rows instead of adding copies.
 */
export const auditCellKey = (label: string, approach: string, id: string): string => sha256(['audit', approach, label, id].join('|')).slice(0, 24);

/**
 * The one agent-role model call an audited conversation records: the file's usage and cost for the whole
 * conversation. Without a cost the price is unknown (null, never $0); without usage the tokens are unknown
 * (`usageKnown: false`: NULL token columns, never 0). No latency is ever measured for a transcript someone else
 * held (`latencyKnown: false`: NULL latency and handle time).
 */
export function auditCall(rec: AuditRecord, label: string): ModelCall {
  // One source per combination, so a table grouped by price source never mixes known and unknown tokens.
  const source = rec.costUsd !== null
    ? (rec.usage ? 'audit: cost_usd from the file' : 'audit: cost_usd from the file, no usage (tokens unknown)')
    : rec.usage ? 'audit: usage from the file, no cost_usd (price unknown)'
      : 'audit: no usage or cost in the file (unknown)';
  return {
    idx: 0, role: 'agent', model: label, usage: rec.usage ?? zeroUsage(), latencyMs: 0, costUsd: rec.costUsd, priceSource: source,
    cached: false, isBatch: false, retries: 0, error: null,
    ...(rec.usage ? {} : { usageKnown: false }), latencyKnown: false,
  };
}

/** The audited transcript as a stored conversation: one cell of arm 'audit', model = the label, baseline persona. */
export function auditConversation(rec: AuditRecord, o: { approach: Approach; label: string; runId: string; domain: string; at: string }): Conversation {
  const a = o.approach.meta;
  return {
    cell: {
      key: auditCellKey(o.label, a.id, rec.id), approach: a.id, stage: a.stage, mode: a.mode, domain: o.domain,
      scenarioId: rec.id, scenarioVersion: 1, variantSet: BASELINE.set, variantId: BASELINE.variant.id, attribute: BASELINE.attribute,
      group: BASELINE.variant.group, isReference: BASELINE.variant.reference, model: o.label, epoch: 0,
    },
    runId: o.runId,
    status: 'done',
    errorMessage: null,
    turns: rec.turns,
    calls: [auditCall(rec, o.label)],
    startedAt: o.at,
    finishedAt: o.at,
    // Not measured: stored as NULL because the call's latency is unknown (src/store/known.ts).
    handleTimeMs: 0,
    endReason: AUDIT_END_REASON,
  };
}
