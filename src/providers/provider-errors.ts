import { ProviderError, type ProviderErrorKind } from '../core/errors.js';
import type { BackendKind } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';
import { KEY_VARIABLES } from './keys.js';

/** What a failure message may name: the vendor and the key's variable. The key itself is only held to redact it. */
export interface CallContext {
  vendor: BackendKind;
  keyVariable: string;
  key: string;
  /** The caller's signal: an abort it caused is a stop, not a provider failure. */
  signal?: AbortSignal | undefined;
}

export function callContext(spec: ModelSpec, key: string, signal?: AbortSignal): CallContext {
  const vars = spec.apiKeyEnv ? [spec.apiKeyEnv] : KEY_VARIABLES[spec.kind];
  return { vendor: spec.kind, keyVariable: vars.length ? vars.join(' or ') : 'the key variable (apiKeyEnv)', key, signal };
}

/** Status codes with a fixed meaning; the rest fall back by range (5xx server, other 4xx bad request). */
const STATUS_KINDS: Record<number, ProviderErrorKind> = {
  400: 'bad-request',
  401: 'auth',
  // Payment required: retrying cannot help and the provider's cells must stop, like an auth failure.
  402: 'auth',
  403: 'auth',
  404: 'bad-request',
  408: 'timeout',
  // Conflicts are transient on these APIs (a concurrent update on the vendor side).
  409: 'server',
  413: 'bad-request',
  422: 'bad-request',
  429: 'rate-limit',
};

export function kindForStatus(status: number): ProviderErrorKind {
  return STATUS_KINDS[status] ?? (status >= 500 ? 'server' : 'bad-request');
}

/** `retry-after-ms` (OpenAI, Anthropic) wins over `retry-after`, which is seconds or an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Math.round(Number(ms));
  const ra = headers.get('retry-after')?.trim();
  if (!ra) return undefined;
  if (/^\d+(\.\d+)?$/.test(ra)) return Math.round(Number(ra) * 1000);
  const at = Date.parse(ra);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function redact(text: string, key: string): string {
  const clean = key.length >= 4 ? text.split(key).join('[redacted]') : text;
  return clean.length > 400 ? `${clean.slice(0, 400)}…` : clean;
}

/** An HTTP error response as a ProviderError. Auth messages carry no vendor text: some vendors echo part of the key. */
export function httpFailure(status: number, headers: Headers | undefined, detail: string, ctx: CallContext, retryAfterFallback?: number): ProviderError {
  const kind = kindForStatus(status);
  if (kind === 'auth') {
    const why = status === 402 ? 'refused the call for billing reasons' : 'refused the API key';
    return new ProviderError('auth', `${ctx.vendor} ${why} (HTTP ${status}); check ${ctx.keyVariable}`, status);
  }
  const wait = kind === 'rate-limit' ? (retryAfterMs(headers) ?? retryAfterFallback) : undefined;
  return new ProviderError(kind, `${ctx.vendor} HTTP ${status} (${kind}): ${redact(detail, ctx.key)}`, status, wait);
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return errorCode((e as { cause?: unknown }).cause);
}

/**
 * Failures below HTTP (timeouts, refused connections, an unparseable body). Returns undefined when the error is not
 * one of those, or when the caller aborted: the caller then rethrows the original error.
 */
export function transportFailure(e: unknown, ctx: CallContext): ProviderError | undefined {
  if (ctx.signal?.aborted || !(e instanceof Error)) return undefined;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return new ProviderError('timeout', `${ctx.vendor} call timed out`);
  if (e instanceof SyntaxError) return new ProviderError('malformed', `${ctx.vendor} sent a body that is not valid JSON: ${redact(e.message, ctx.key)}`);
  const code = errorCode(e);
  if ((code && NETWORK_CODES.has(code)) || (e instanceof TypeError && e.message === 'fetch failed')) {
    return new ProviderError('network', `${ctx.vendor} unreachable (${code ?? e.message})`);
  }
  return undefined;
}

export function malformed(ctx: CallContext, what: string): ProviderError {
  return new ProviderError('malformed', `${ctx.vendor} response ${what}`);
}

/** The SDK error classes the OpenAI and Anthropic SDKs share in shape (both are generated the same way). */
interface HttpErrorShape extends Error {
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
}
type ErrorClass<T> = abstract new (...args: never[]) => T;
export interface SdkErrorClasses {
  APIError: ErrorClass<HttpErrorShape>;
  APIUserAbortError: ErrorClass<Error>;
  APIConnectionError: ErrorClass<Error>;
  APIConnectionTimeoutError: ErrorClass<Error>;
}

/** Maps an error thrown by the openai or @anthropic-ai/sdk client; a caller's abort and unknown errors pass through. */
export function fromSdkError(e: unknown, sdk: SdkErrorClasses, ctx: CallContext): unknown {
  if (e instanceof ProviderError || e instanceof sdk.APIUserAbortError) return e;
  if (e instanceof sdk.APIConnectionTimeoutError) return new ProviderError('timeout', `${ctx.vendor} call timed out`);
  if (e instanceof sdk.APIConnectionError) {
    return ctx.signal?.aborted ? e : new ProviderError('network', `${ctx.vendor} unreachable: ${redact(e.message, ctx.key)}`);
  }
  if (e instanceof sdk.APIError && typeof e.status === 'number') return httpFailure(e.status, e.headers, e.message, ctx);
  return transportFailure(e, ctx) ?? e;
}
