import { z } from 'zod';
import { BackendKindSchema, type BackendKind } from '../core/types.js';

/** A model as the user writes it: `kind:model` (or just `rules`), plus optional connection settings. */
export const ModelSpecSchema = z.object({
  kind: BackendKindSchema,
  model: z.string().min(1),
  baseUrl: z.url().optional(),
  /** Name of the environment variable holding the key; defaults to the vendor's usual variable. */
  apiKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
  /** Per-provider rate limits (requests and tokens per minute). */
  rpm: z.number().positive().optional(),
  tpm: z.number().positive().optional(),
  /** Per-call timeout. */
  timeoutMs: z.number().int().positive().default(60_000),
  maxRetries: z.number().int().min(0).max(10).default(4),
  /** Price override in USD per million tokens, for local or unknown models. */
  prices: z.object({
    input: z.number().nonnegative(),
    output: z.number().nonnegative(),
    cacheRead: z.number().nonnegative().optional(),
    cacheWrite: z.number().nonnegative().optional(),
    source: z.string().default('config override'),
  }).optional(),
});
export type ModelSpec = z.infer<typeof ModelSpecSchema>;

const kinds = BackendKindSchema.options;

/** Parse `openai:gpt-4o-mini`, `openai-compatible:llama3.1`, `rules`. Throws a message listing the valid kinds. */
export function parseModelId(id: string): { kind: BackendKind; model: string } {
  if (id === 'rules' || id === 'rules:traditional') return { kind: 'rules', model: 'traditional' };
  const idx = id.indexOf(':');
  const kind = idx < 0 ? id : id.slice(0, idx);
  const model = idx < 0 ? '' : id.slice(idx + 1);
  const parsed = BackendKindSchema.safeParse(kind);
  if (!parsed.success) {
    throw new Error(`unknown provider "${kind}" in model "${id}"; valid providers: ${kinds.join(', ')} (write kind:model, e.g. openai:gpt-4o-mini)`);
  }
  if (!model) throw new Error(`model "${id}" has no model name; write ${kind}:<model>`);
  return { kind: parsed.data, model };
}

/** The model entry in a config: a string or an object with `id`. */
export const ModelEntrySchema = z.union([
  z.string().min(1),
  ModelSpecSchema.omit({ kind: true, model: true }).extend({ id: z.string().min(1) }),
]);
export type ModelEntry = z.input<typeof ModelEntrySchema>;

export function modelSpecFromEntry(entry: ModelEntry): ModelSpec {
  const raw = typeof entry === 'string' ? { id: entry } : entry;
  const { id, ...rest } = raw;
  return ModelSpecSchema.parse({ ...parseModelId(id), ...rest });
}

export const modelKey = (spec: Pick<ModelSpec, 'kind' | 'model'>): string => (spec.kind === 'rules' ? 'rules' : `${spec.kind}:${spec.model}`);
