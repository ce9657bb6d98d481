import { z } from 'zod';
import { BackendKindSchema, type BackendKind } from '../core/types.js';

/** Price override in USD per million tokens, for local or unknown models (or a negotiated price). */
export const PriceOverrideSchema = z.strictObject({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cacheRead: z.number().nonnegative().optional(),
  cacheWrite: z.number().nonnegative().optional(),
  source: z.string().default('config override'),
});

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name (A-Z, 0-9, _)');

/**
 * Where a vendor's model is served when it is not the vendor's public endpoint (docs/providers.md):
 * Azure OpenAI (an OpenAI model behind a deployment), Vertex AI (Gemini, or Claude from Google's model garden),
 * Amazon Bedrock (Claude).
 * Credentials come from named environment variables only; a run never reads credential files of its own.
 */
export const EndpointSchema = z.discriminatedUnion('platform', [
  z.strictObject({
    platform: z.literal('azure'),
    /** The resource URL, e.g. https://my-resource.openai.azure.com (or set AZURE_OPENAI_ENDPOINT). */
    endpoint: z.url().optional(),
    /** The deployment name; the model id stays the model the deployment serves (used for prices). */
    deployment: z.string().min(1),
    apiVersion: z.string().min(1).default('2024-10-21'),
    /** Variable holding a Microsoft Entra access token; without it the key variable (AZURE_OPENAI_API_KEY) is used. */
    tokenEnv: envName.optional(),
  }),
  z.strictObject({
    platform: z.literal('vertex'),
    project: z.string().min(1),
    location: z.string().min(1),
    /** Variable holding an OAuth access token (e.g. from `gcloud auth print-access-token`); never read from files. */
    tokenEnv: envName.default('GOOGLE_VERTEX_ACCESS_TOKEN'),
  }),
  z.strictObject({
    platform: z.literal('bedrock'),
    /**
     * The AWS region, e.g. us-east-1; without it AWS_REGION. Credentials come from AWS_ACCESS_KEY_ID,
     * AWS_SECRET_ACCESS_KEY and (for temporary credentials) AWS_SESSION_TOKEN only: never from profiles or files.
     */
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region, e.g. us-east-1').optional(),
  }),
]);
export type Endpoint = z.infer<typeof EndpointSchema>;

/** The fields of a model entry (strict: unknown keys are errors); ModelSpecSchema adds the checks across fields. */
const ModelFieldsSchema = z.strictObject({
  kind: BackendKindSchema,
  model: z.string().min(1),
  baseUrl: z.url().optional(),
  /** Name of the environment variable holding the key; defaults to the vendor's usual variable. */
  apiKeyEnv: envName.optional(),
  /**
   * Per-provider rate limits (requests and tokens per minute). When neither is set, a run paces itself from the
   * provider's rate-limit headers (src/run/adaptive-limit.ts); set either to pace by hand instead.
   */
  rpm: z.number().positive().optional(),
  tpm: z.number().positive().optional(),
  /** Per-call timeout. */
  timeoutMs: z.number().int().positive().default(60_000),
  maxRetries: z.number().int().min(0).max(10).default(4),
  prices: PriceOverrideSchema.optional(),
  /** Stream replies, recording time to first token and output speed; the transcript is the same either way. */
  stream: z.boolean().optional(),
  /**
   * Prompt-cache markers on requests (Anthropic cache_control, OpenAI prompt_cache_key). On by default for the
   * vendors' own APIs; off by default for openai-compatible servers, which may reject unknown fields.
   */
  promptCache: z.boolean().optional(),
  endpoint: EndpointSchema.optional(),
});

/** A model as the user writes it: `kind:model` (or just `rules`), plus optional connection settings. */
export const ModelSpecSchema = ModelFieldsSchema.superRefine((s, ctx) => {
  const allowed: Record<Endpoint['platform'], BackendKind[]> = { azure: ['openai'], vertex: ['google', 'anthropic'], bedrock: ['anthropic'] };
  if (s.endpoint && !allowed[s.endpoint.platform].includes(s.kind)) {
    ctx.addIssue({ code: 'custom', path: ['endpoint', 'platform'], message: `platform ${s.endpoint.platform} serves ${allowed[s.endpoint.platform].join(' or ')} models, not ${s.kind}` });
  }
});
export type ModelSpec = z.infer<typeof ModelSpecSchema>;

/** Whether requests for this model carry prompt-cache markers. */
export const promptCacheOn = (spec: Pick<ModelSpec, 'kind' | 'promptCache'>): boolean => spec.promptCache ?? spec.kind !== 'openai-compatible';

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

/** The model entry in a config: a string or a strict object with `id` (unknown keys are errors). */
export const ModelEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({ id: z.string().min(1) }).extend(ModelFieldsSchema.omit({ kind: true, model: true }).shape),
]);
export type ModelEntry = z.input<typeof ModelEntrySchema>;

export function modelSpecFromEntry(entry: ModelEntry): ModelSpec {
  const raw = typeof entry === 'string' ? { id: entry } : entry;
  const { id, ...rest } = raw;
  return ModelSpecSchema.parse({ ...parseModelId(id), ...rest });
}

export const modelKey = (spec: Pick<ModelSpec, 'kind' | 'model'>): string => (spec.kind === 'rules' ? 'rules' : `${spec.kind}:${spec.model}`);
