import type { Redactor } from '../core/redact.js';
import type { ModelClient } from './model-client.js';

/**
 * The innermost layer over a backend: a reply (its text, tool names and arguments) and any error message have every
 * known secret replaced before they go anywhere else, so the cache above it, the conversation, the database and the
 * report only ever see the marker. Later turns send the redacted text back to the model, so requests (and cache keys)
 * stay the same from run to run.
 */
export function withRedaction(inner: ModelClient, redactor: Redactor): ModelClient {
  if (!redactor.active) return inner;
  return {
    spec: inner.spec,
    id: inner.id,
    async generate(req, signal) {
      let out;
      try {
        out = await inner.generate(req, signal);
      } catch (e) {
        throw redactor.error(e);
      }
      return { ...out, result: { ...out.result, turn: redactor.deep(out.result.turn) } };
    },
  };
}
