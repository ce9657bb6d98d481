import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { Backend, GenerateRequest, GenerateResult } from '../core/types.js';
import { promptCacheOn, type Endpoint, type ModelSpec } from '../schema/model-spec.js';
import { anthropicUsage, fromAnthropicMessage, toAnthropicRequest } from './anthropic-format.js';
import { resolveKey, resolveSecretVariable } from './keys.js';
import { transportFor } from './rate-limit-headers.js';
import { FirstToken, streamAnthropicMessage } from './streaming.js';
import { callContext, fromSdkError, malformed } from './provider-errors.js';

export const ANTHROPIC_SDK_ERRORS = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };

/** Written out so that an ANTHROPIC_BASE_URL left in the environment cannot redirect a run. */
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/**
 * Claude on Vertex AI through Anthropic's Vertex SDK: requests go to
 * `/v1/projects/<project>/locations/<location>/publishers/anthropic/models/<model>:rawPredict` with a bearer token
 * from the variable the entry names (tokenEnv); the SDK never looks for application-default credentials then.
 */
async function vertexClient(spec: ModelSpec, vertex: Extract<Endpoint, { platform: 'vertex' }>): Promise<{ client: Anthropic; key: string }> {
  const { AnthropicVertex } = await import('@anthropic-ai/vertex-sdk');
  const key = resolveSecretVariable(vertex.tokenEnv, `anthropic:${spec.model}`, 'a Google Cloud access token');
  // The SDK asks its auth client for request headers only; this one answers with the token from the variable.
  const authClient = { getRequestHeaders: async () => new Headers({ authorization: `Bearer ${resolveSecretVariable(vertex.tokenEnv, `anthropic:${spec.model}`, 'a Google Cloud access token')}` }) };
  type VertexOptions = NonNullable<ConstructorParameters<typeof AnthropicVertex>[0]>;
  const client = new AnthropicVertex({
    projectId: vertex.project, region: vertex.location, authClient: authClient as unknown as VertexOptions['authClient'], maxRetries: 0, timeout: spec.timeoutMs, fetch: transportFor(spec),
    // Written out, as for the public API, so that ANTHROPIC_VERTEX_BASE_URL in the environment cannot redirect a run.
    baseURL: spec.baseUrl ?? (vertex.location === 'global' ? 'https://aiplatform.googleapis.com/v1' : `https://${vertex.location}-aiplatform.googleapis.com/v1`),
  });
  // The Vertex client is the same Messages client with another transport and auth.
  return { client: client as unknown as Anthropic, key };
}

/**
 * Claude on Amazon Bedrock through Anthropic's Bedrock SDK: requests go to `/model/<model id>/invoke` (the API version
 * in the body), SigV4-signed with the key pair from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and
 * AWS_SESSION_TOKEN for temporary credentials). The SDK's own lookups (a Bedrock API key variable, profiles, SSO,
 * instance metadata) are shut off: both keys are passed, and its credential chain refuses if it is ever reached.
 */
async function bedrockClient(spec: ModelSpec, bedrock: Extract<Endpoint, { platform: 'bedrock' }>): Promise<{ client: Anthropic; key: string }> {
  const { AnthropicBedrock } = await import('@anthropic-ai/bedrock-sdk');
  const id = `anthropic:${spec.model}`;
  const awsAccessKey = resolveSecretVariable('AWS_ACCESS_KEY_ID', id, 'an AWS access key id');
  const awsSecretKey = resolveSecretVariable('AWS_SECRET_ACCESS_KEY', id, 'an AWS secret access key');
  const awsSessionToken = process.env.AWS_SESSION_TOKEN?.trim() || null;
  const awsRegion = bedrock.region ?? resolveSecretVariable('AWS_REGION', id, 'an AWS region (or endpoint.region)');
  const client = new AnthropicBedrock({
    awsAccessKey, awsSecretKey, awsSessionToken, awsRegion, apiKey: null,
    providerChainResolver: async () => async () => { throw new Error('cxbench takes AWS credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY only'); },
    maxRetries: 0, timeout: spec.timeoutMs, fetch: transportFor(spec),
    // Written out so that ANTHROPIC_BEDROCK_BASE_URL in the environment cannot redirect a run.
    baseURL: spec.baseUrl ?? `https://bedrock-runtime.${awsRegion}.amazonaws.com`,
  });
  // The Bedrock client is the same Messages client with another path and signing.
  return { client: client as unknown as Anthropic, key: awsSecretKey };
}

export async function createAnthropicBackend(spec: ModelSpec): Promise<Backend> {
  const platform = spec.endpoint?.platform === 'vertex' ? await vertexClient(spec, spec.endpoint)
    : spec.endpoint?.platform === 'bedrock' ? await bedrockClient(spec, spec.endpoint) : undefined;
  const apiKey = platform ? platform.key : resolveKey(spec);
  // An explicit apiKey also stops the SDK from looking for tokens, profiles or config files of its own.
  // Its retries are off: the reliability layer above owns retries and counts them.
  const client = platform?.client ?? new Anthropic({ apiKey, baseURL: spec.baseUrl ?? ANTHROPIC_BASE_URL, maxRetries: 0, timeout: spec.timeoutMs, fetch: transportFor(spec) });
  const errorSpec: ModelSpec = spec.endpoint?.platform === 'vertex' ? { ...spec, apiKeyEnv: spec.endpoint.tokenEnv } : spec;
  return {
    id: `anthropic:${spec.model}`,
    kind: 'anthropic',
    async generate(req: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
      const base = callContext(errorSpec, apiKey, signal);
      // An auth failure on Bedrock names the variables the key pair came from.
      const ctx = spec.endpoint?.platform === 'bedrock' ? { ...base, keyVariable: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY' } : base;
      const body = toAnthropicRequest(spec.model, req, promptCacheOn(spec));
      const t0 = performance.now();
      const first = new FirstToken(t0);
      let message: Anthropic.Message;
      try {
        message = spec.stream ? await streamAnthropicMessage(client, body, signal, first) : await client.messages.create(body, { signal });
      } catch (e) {
        throw fromSdkError(e, ANTHROPIC_SDK_ERRORS, ctx);
      }
      const latencyMs = performance.now() - t0;
      const reply = typeof message === 'object' && message !== null ? fromAnthropicMessage(message) : undefined;
      if (!reply) throw malformed(ctx, 'has no content array');
      return { ...reply, usage: anthropicUsage(message.usage), latencyMs, model: message.model || spec.model, ...(first.ms !== undefined ? { ttftMs: first.ms } : {}) };
    },
  };
}
