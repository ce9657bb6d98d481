import { existsSync } from 'node:fs';
import { InputError } from '../core/errors.js';
import type { BackendKind } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';

/** The vendors' usual variables, in lookup order. */
export const KEY_VARIABLES = {
  openai: ['OPENAI_API_KEY'],
  anthropic: ['ANTHROPIC_API_KEY'],
  google: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  'openai-compatible': [],
  rules: [],
} satisfies Record<BackendKind, string[]>;

let envLoaded = false;

/** Loads `.env` from the working directory once (Node's own loader; existing variables win). */
export function loadDotEnv(): void {
  if (envLoaded) return;
  envLoaded = true;
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/**
 * Returns the key for a spec, or throws naming the variable to set. Local OpenAI-compatible servers usually need no
 * key; they get a placeholder unless `apiKeyEnv` names one.
 */
export function resolveKey(spec: ModelSpec): string {
  loadDotEnv();
  const vars = spec.apiKeyEnv ? [spec.apiKeyEnv] : KEY_VARIABLES[spec.kind];
  if (vars.length === 0) return spec.kind === 'openai-compatible' ? 'not-needed' : '';
  for (const v of vars) {
    const val = process.env[v];
    if (val && val.trim()) return val.trim();
  }
  const id = spec.kind === 'rules' ? 'rules' : `${spec.kind}:${spec.model}`;
  throw new InputError(`model ${id} needs an API key: set ${vars.join(' or ')} (in the environment or in .env)`, [
    { file: 'environment', path: vars.join(' | '), expected: 'an API key', found: 'nothing' },
  ]);
}

/** Values that must never reach the database, cache, report or logs. */
export function secretValues(): string[] {
  const names = new Set<string>(Object.values(KEY_VARIABLES).flat());
  for (const k of Object.keys(process.env)) if (/(_API_KEY|_TOKEN|_SECRET)$/.test(k)) names.add(k);
  return [...names].map((n) => process.env[n]).filter((v): v is string => !!v && v.length >= 8);
}
