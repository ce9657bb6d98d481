import { ApiError, GoogleGenAI, type GenerateContentResponse, type GoogleGenAIOptions } from '@google/genai';
import type { Backend, GenerateRequest, GenerateResult } from '../core/types.js';
import type { Endpoint, ModelSpec } from '../schema/model-spec.js';
import { fromGeminiResponse, geminiUsage, SKIP_SIGNATURE_SENTINEL, toGeminiConfig, toGeminiContents, type SignatureLookup } from './google-format.js';
import { transportFor } from './rate-limit-headers.js';
import { FirstToken, mergeGeminiChunks } from './streaming.js';
import { resolveKey, resolveSecretVariable } from './keys.js';
import { callContext, httpFailure, malformed, transportFailure, type CallContext } from './provider-errors.js';

/** Thought signatures kept per backend; enough for many concurrent conversations, bounded so a long run stays small. */
const MAX_SIGNATURES = 20_000;

/**
 * Gemini 3 and later reject a replayed function call without its thought signature. Older models (version below 3
 * in the name) get none; for names without a version (aliases such as gemini-flash-latest) the sentinel is sent.
 */
export function wantsSignature(model: string): boolean {
  const major = /gemini-(\d+)/.exec(model)?.[1];
  return major === undefined || Number(major) >= 3;
}

/** google.rpc.RetryInfo in the error body, e.g. `"retryDelay": "2s"`; used when no Retry-After header came. */
function retryDelayMs(body: unknown): number | undefined {
  const details = (body as { error?: { details?: unknown } } | undefined)?.error?.details;
  if (!Array.isArray(details)) return undefined;
  for (const d of details) {
    const delay = (d as { retryDelay?: unknown }).retryDelay;
    if (typeof delay === 'string' && /^\d+(\.\d+)?s$/.test(delay)) return Math.round(parseFloat(delay) * 1000);
  }
  return undefined;
}

/** genai's ApiError carries the status and the body (as its message) but no headers: those come from our fetch. */
export function fromGenaiError(e: unknown, headers: Headers | undefined, ctx: CallContext): unknown {
  if (!(e instanceof ApiError)) return transportFailure(e, ctx) ?? e;
  let body: unknown;
  try {
    body = JSON.parse(e.message);
  } catch {
    body = undefined;
  }
  const detail = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return httpFailure(e.status, headers, typeof detail === 'string' ? detail : e.message, ctx, retryDelayMs(body));
}

/**
 * Gemini on Vertex AI through the same SDK (`vertexai: true`): requests go to
 * `/v1/projects/<project>/locations/<location>/publishers/google/models/<model>:generateContent` with a bearer token.
 * The token comes from the variable the entry names (tokenEnv), handed to the SDK as its auth client, so the SDK never
 * looks for application-default credentials of its own.
 */
function vertexClient(spec: ModelSpec, vertex: Extract<Endpoint, { platform: 'vertex' }>): { client: GoogleGenAI; key: string } {
  const id = `${spec.kind}:${spec.model}`;
  const token = resolveSecretVariable(vertex.tokenEnv, id, 'a Google Cloud access token');
  const authClient = { getRequestHeaders: async () => new Headers({ authorization: `Bearer ${resolveSecretVariable(vertex.tokenEnv, id, 'a Google Cloud access token')}` }) };
  const client = new GoogleGenAI({
    vertexai: true,
    project: vertex.project,
    location: vertex.location,
    // Typed for google-auth-library's AuthClient; the SDK only asks it for request headers.
    googleAuthOptions: { authClient: authClient as unknown as NonNullable<NonNullable<GoogleGenAIOptions['googleAuthOptions']>['authClient']> },
    httpOptions: {
      timeout: spec.timeoutMs,
      retryOptions: { attempts: 1 },
      apiVersion: 'v1',
      ...(spec.baseUrl ? { baseUrl: spec.baseUrl } : {}),
    },
  });
  return { client, key: token };
}

export async function createGoogleBackend(spec: ModelSpec): Promise<Backend> {
  const vertex = spec.endpoint?.platform === 'vertex' ? vertexClient(spec, spec.endpoint) : undefined;
  const apiKey = vertex ? vertex.key : resolveKey(spec);
  const client = vertex?.client ?? new GoogleGenAI({
    apiKey,
    vertexai: false,
    httpOptions: {
      timeout: spec.timeoutMs,
      // One attempt: the reliability layer above owns retries and counts them.
      retryOptions: { attempts: 1 },
      // The SDK defaults to /v1; servers other than Google's (proxies, mocks) serve /v1beta.
      ...(spec.baseUrl ? { baseUrl: spec.baseUrl, apiVersion: 'v1beta' } : {}),
    },
  });
  const errorSpec: ModelSpec = spec.endpoint?.platform === 'vertex' ? { ...spec, apiKeyEnv: spec.endpoint.tokenEnv } : spec;
  const transport = transportFor(spec);
  const signatures = new Map<string, string>();
  const sendSentinel = wantsSignature(spec.model);
  const signature: SignatureLookup = (id) => signatures.get(id) ?? (sendSentinel ? SKIP_SIGNATURE_SENTINEL : undefined);

  return {
    id: `google:${spec.model}`,
    kind: 'google',
    async generate(req: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
      const ctx = callContext(errorSpec, apiKey, signal);
      let headers: Headers | undefined;
      // A fetch per call keeps this call's response headers (Retry-After) without racing concurrent calls.
      const fetchKeepingHeaders = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
        const res = await transport(input, init);
        headers = res.headers;
        return res;
      };
      const contents = toGeminiContents(req.turns, signature);
      const config = { ...toGeminiConfig(req), abortSignal: signal, httpOptions: { fetch: fetchKeepingHeaders } };
      const t0 = performance.now();
      const first = new FirstToken(t0);
      let response: GenerateContentResponse;
      try {
        if (spec.stream) {
          const chunks: GenerateContentResponse[] = [];
          for await (const chunk of await client.models.generateContentStream({ model: spec.model, contents, config })) {
            if (chunk.candidates?.[0]?.content?.parts?.length) first.mark();
            chunks.push(chunk);
          }
          response = mergeGeminiChunks(chunks);
        } else {
          response = await client.models.generateContent({ model: spec.model, contents, config });
        }
      } catch (e) {
        throw fromGenaiError(e, headers, ctx);
      }
      const latencyMs = performance.now() - t0;
      if (typeof response !== 'object' || response === null || (!Array.isArray(response.candidates) && !response.promptFeedback)) {
        throw malformed(ctx, 'has neither candidates nor promptFeedback');
      }
      const reply = fromGeminiResponse(response, req.turns);
      for (const [id, sig] of reply.signatures) {
        if (signatures.size >= MAX_SIGNATURES) signatures.delete(signatures.keys().next().value as string);
        signatures.set(id, sig);
      }
      return {
        turn: reply.turn, finishReason: reply.finishReason, usage: geminiUsage(response.usageMetadata), latencyMs, model: response.modelVersion || spec.model,
        ...(first.ms !== undefined ? { ttftMs: first.ms } : {}),
      };
    },
  };
}
