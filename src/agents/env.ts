import { InputError } from '../core/errors.js';
import { loadDotEnv } from '../providers/keys.js';
import type { EnvRef } from '../schema/agents.js';

/**
 * Values written in a suite file as plain text or as { env: NAME }: secrets live only in the environment (or .env).
 * A variable that is not set stops the run before any call, naming the agent, the field and the variable.
 */
export function resolveEnvValues(label: string, field: string, values: Record<string, string | EnvRef>): Record<string, string> {
  loadDotEnv();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string') { out[k] = v; continue; }
    const value = process.env[v.env];
    if (value === undefined || value === '') {
      throw new InputError(`agent ${label} needs ${v.env} set (for ${field}.${k}), in the environment or in .env`, [
        { file: 'environment', path: v.env, expected: `a value for agent ${label}'s ${field}.${k}`, found: 'nothing' },
      ]);
    }
    out[k] = value;
  }
  return out;
}

/** The environment variables an agent entry names (so the run's redactor treats their values as secrets). */
export const envNames = (values: Record<string, string | EnvRef>): string[] => Object.values(values).flatMap((v) => (typeof v === 'string' ? [] : [v.env]));
