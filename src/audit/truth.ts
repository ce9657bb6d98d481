import { z } from 'zod';

/**
 * Ground truth for one audited conversation, from the line's metadata or a `--truth` file. Outcome truth is the
 * pair `expected_writes` + `should_escalate` (both or neither: resolution needs what should have changed and whether
 * a hand-over was due). `outcome` is the team's own label (success, failure, ...), stored for comparison only.
 */
export const ExpectedWriteSchema = z.strictObject({
  tool: z.string().min(1),
  args: z.record(z.string(), z.unknown()).default({}),
});

export const TRUTH_FIELDS = {
  expected_writes: z.array(ExpectedWriteSchema).optional(),
  should_escalate: z.boolean().optional(),
  outcome: z.string().min(1).optional(),
};

export const ConversationIdSchema = z.union([z.string().min(1), z.number()]).transform(String);

/** One line of a `--truth` JSONL file. */
export const TruthLineSchema = z.strictObject({ id: ConversationIdSchema, ...TRUTH_FIELDS });

export interface Truth {
  /** Present when the outcome is scorable: the writes that should have happened and whether to escalate. */
  actions?: { writes: { tool: string; args: Record<string, unknown> }[]; shouldEscalate: boolean };
  outcome?: string;
}

/** Problems of one truth record: the two outcome fields come together. */
export function truthPairProblem(t: { expected_writes?: unknown; should_escalate?: unknown }): { path: string; expected: string; found: string } | null {
  const w = t.expected_writes !== undefined;
  const e = t.should_escalate !== undefined;
  if (w === e) return null;
  return w
    ? { path: 'should_escalate', expected: 'should_escalate (true or false) beside expected_writes', found: 'nothing' }
    : { path: 'expected_writes', expected: 'expected_writes (a list, [] for none) beside should_escalate', found: 'nothing' };
}

export function toTruth(t: z.infer<typeof TruthLineSchema> | Partial<z.infer<typeof TruthLineSchema>>): Truth | null {
  const out: Truth = {};
  if (t.expected_writes !== undefined && t.should_escalate !== undefined) out.actions = { writes: t.expected_writes, shouldEscalate: t.should_escalate };
  if (t.outcome !== undefined) out.outcome = t.outcome;
  return out.actions || out.outcome ? out : null;
}
