import { z } from 'zod';
import { ChatMessageSchema, TimestampSchema } from './chat-messages.js';
import { EmotionSchema } from './emotion.js';
import { ConversationIdSchema, TRUTH_FIELDS } from './truth.js';
import { UsageInSchema } from './usage.js';

/**
 * `metadata` of a transcript line. Exporters put their own fields here (user ids, tags, channels), so other keys are
 * kept and ignored; the ones cxbench reads are checked, and a key one or two letters away from one of them is an
 * error (a misspelt `should_escalte` must not silently drop the ground truth).
 */
export const AuditMetadataSchema = z.looseObject({
  /** The conversation's date (YYYY-MM-DD or an ISO date-time). */
  date: z.string().min(1).optional(),
  timestamp: TimestampSchema.optional(),
  usage: UsageInSchema.optional(),
  cost_usd: z.number().nonnegative().optional(),
  /** The customer's emotion for the whole conversation: every user message without its own `metadata.emotion`. */
  emotion: EmotionSchema.optional(),
  ...TRUTH_FIELDS,
});
export type AuditMetadata = z.infer<typeof AuditMetadataSchema>;

export const READ_METADATA_KEYS = ['date', 'timestamp', 'usage', 'cost_usd', 'emotion', ...Object.keys(TRUTH_FIELDS)];

/** One line of the JSONL form: a whole conversation. */
export const AuditLineSchema = z.strictObject({
  id: ConversationIdSchema,
  messages: z.array(ChatMessageSchema).min(1),
  metadata: AuditMetadataSchema.optional(),
});
export type AuditLine = z.infer<typeof AuditLineSchema>;

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** A metadata key that is probably a misspelling of one cxbench reads: the key it resembles, or null. */
export function misspeltKey(key: string, known: readonly string[] = READ_METADATA_KEYS): string | null {
  if (known.includes(key)) return null;
  const k = norm(key);
  for (const want of known) {
    const w = norm(want);
    if (k === w || (w.length >= 5 && editDistance(k, w) <= 2)) return want;
  }
  return null;
}
