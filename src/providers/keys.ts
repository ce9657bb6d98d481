import { existsSync } from 'node:fs';
import { InputError } from '../core/errors.js';
import { MIN_SECRET_LENGTH, Redactor, type Secret } from '../core/redact.js';
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

/**
 * Cloud credentials read from fixed variables (Claude on Amazon Bedrock). AWS does not count the access key id as a
 * secret, but it identifies the account, so it is redacted with the others; the region is not a secret.
 */
export const CLOUD_CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

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

/** Variables whose values are treated as secrets wherever they are set: keys, tokens, secrets, passwords. */
export const SECRET_NAME = /(_API_KEY|_KEY|_TOKEN|_SECRET|_PASSWORD)$/;

/**
 * Every secret this process knows, with the variable that holds it: the vendors' key variables, the AWS credential
 * variables, any variable whose name looks like a key, token, secret or password, and `extraNames` (e.g. a model's
 * `apiKeyEnv`). Loads `.env` first.
 */
export function secretEntries(extraNames: readonly string[] = []): Secret[] {
  loadDotEnv();
  const names = new Set<string>([...Object.values(KEY_VARIABLES).flat(), ...CLOUD_CREDENTIAL_VARIABLES, ...extraNames]);
  for (const k of Object.keys(process.env)) if (SECRET_NAME.test(k)) names.add(k);
  return [...names].flatMap((name) => {
    const value = process.env[name]?.trim();
    return value && value.length >= MIN_SECRET_LENGTH ? [{ name, value }] : [];
  });
}

/** Values that must never reach the database, cache, report or logs. */
export function secretValues(extraNames: readonly string[] = []): string[] {
  return secretEntries(extraNames).map((s) => s.value);
}

/** The redactor for a run: every known secret, plus the variables the run's models name. */
export function secretRedactor(specs: readonly Pick<ModelSpec, 'apiKeyEnv'>[] = []): Redactor {
  return new Redactor(secretEntries(specs.flatMap((s) => (s.apiKeyEnv ? [s.apiKeyEnv] : []))));
}

/**
 * A credential other than a vendor API key (an Entra or OAuth access token) from the variable a model entry names.
 * Read from the environment (or .env) only: a run never looks for credential files of its own.
 */
export function resolveSecretVariable(variable: string, modelId: string, what: string): string {
  loadDotEnv();
  const val = process.env[variable]?.trim();
  if (val) return val;
  throw new InputError(`model ${modelId} needs ${what}: set ${variable} (in the environment or in .env)`, [
    { file: 'environment', path: variable, expected: what, found: 'nothing' },
  ]);
}
