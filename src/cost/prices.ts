import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calcPrice } from '@pydantic/genai-prices';
import type { Usage } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';
import { packageRoot } from '../core/paths.js';

/** Recorded per call so a cost can be reproduced from the price table that produced it (the package's exports map hides its package.json). */
export const PRICE_TABLE_VERSION: string = `@pydantic/genai-prices@${(JSON.parse(readFileSync(join(packageRoot(), 'node_modules/@pydantic/genai-prices/package.json'), 'utf8')) as { version: string }).version}`;

/** Batch APIs (OpenAI Batch, Anthropic Message Batches, Gemini batch) bill 50% of standard input and output. */
export const BATCH_MULTIPLIER = 0.5;

/**
 * Models the table does not know, remembered: a miss scans every provider's match rules (≈ 40 µs), once per call of
 * a local model otherwise. Hits are not memoised: their price can depend on the usage and the date.
 */
const UNMATCHED = new Set<string>();

const PROVIDER_IDS = { openai: 'openai', anthropic: 'anthropic', google: 'google' } as const;

/** The table's provider for a model served elsewhere than its vendor's public API (Azure OpenAI, Vertex AI, Bedrock). */
const PLATFORM_PROVIDER_IDS = { azure: 'azure', vertex: 'google-vertex', bedrock: 'aws' } as const;

function providerIdOf(spec: ModelSpec): string | undefined {
  if (spec.endpoint) return PLATFORM_PROVIDER_IDS[spec.endpoint.platform];
  return spec.kind in PROVIDER_IDS ? PROVIDER_IDS[spec.kind as keyof typeof PROVIDER_IDS] : undefined;
}

export interface PricedCall {
  costUsd: number | null;
  priceSource: string;
}

/**
 * Cost of one call from actual usage. Order: the spec's own override (local or unknown models, or a negotiated
 * price), then the bundled genai-prices table (for Azure, Vertex and Bedrock endpoints under those platforms' providers), else
 * null (unknown price is shown as unknown, never as $0). Cache reads and writes are priced apart where the table has
 * prices for them (Anthropic writes at 1.25x input, reads at 0.1x; OpenAI and Gemini reads at their cached rate).
 */
export function priceCall(spec: ModelSpec, usage: Usage, isBatch = false): PricedCall {
  const m = isBatch ? BATCH_MULTIPLIER : 1;
  const batchNote = isBatch ? ` x${BATCH_MULTIPLIER} batch` : '';
  if (spec.kind === 'rules') return { costUsd: 0, priceSource: 'rules: no model call' };
  if (spec.prices) {
    const p = spec.prices;
    const cost = (usage.input * p.input + usage.output * p.output + usage.cacheRead * (p.cacheRead ?? p.input) + usage.cacheWrite * (p.cacheWrite ?? p.input)) / 1e6;
    return { costUsd: cost * m, priceSource: `${p.source}${batchNote}` };
  }
  const providerId = providerIdOf(spec);
  const unknown = `unknown price for ${spec.kind}:${spec.model} (set prices in the model entry)`;
  const lookup = `${providerId ?? ''}|${spec.model}`;
  if (UNMATCHED.has(lookup)) return { costUsd: null, priceSource: unknown };
  const result = calcPrice(
    { input_tokens: usage.input + usage.cacheRead + usage.cacheWrite, output_tokens: usage.output, cache_read_tokens: usage.cacheRead, cache_write_tokens: usage.cacheWrite },
    spec.model,
    providerId ? { providerId } : {},
  );
  if (!result) {
    UNMATCHED.add(lookup);
    return { costUsd: null, priceSource: unknown };
  }
  return { costUsd: result.total_price * m, priceSource: `${PRICE_TABLE_VERSION} ${result.provider.id}/${result.model.id}${batchNote}` };
}
