import { createHash } from 'node:crypto';
import type { InputProblem } from '../core/errors.js';
import { InputError } from '../core/errors.js';
import type { ApproachId } from '../schema/approach.js';
import type { AgentEntry, Arm } from '../schema/agents.js';
import { modelKey, modelSpecFromEntry, type ModelSpec } from '../schema/model-spec.js';
import type { AgentSpec } from './agent.js';
import { envNames } from './env.js';
import { variantHash } from './prompt-variant.js';

/**
 * The agents of a suite: every model of `models:` (the bundled designs; `rules` is the traditional arm) and every
 * entry of `agents:`. Labels must be unique across both: a label is the `model` column every table groups by.
 */
export function agentSpecs(models: ModelSpec[], entries: AgentEntry[], file = 'config'): AgentSpec[] {
  const out: AgentSpec[] = models.map((spec) => (spec.kind === 'rules' ? { kind: 'rules', label: modelKey(spec), spec } : { kind: 'model', label: modelKey(spec), spec }));
  const problems: InputProblem[] = [];
  const taken = new Set(out.map((a) => a.label));
  entries.forEach((entry, i) => {
    if (taken.has(entry.name)) problems.push({ file, path: `agents.${i}.name`, expected: 'a name no model or other agent uses (it labels the agent in every table)', found: JSON.stringify(entry.name) });
    taken.add(entry.name);
    if (entry.kind === 'prompt-variant') {
      let spec: ModelSpec;
      try {
        spec = modelSpecFromEntry(entry.model);
      } catch (e) {
        problems.push({ file, path: `agents.${i}.model`, expected: 'kind:model with valid settings', found: e instanceof Error ? e.message : String(e) });
        return;
      }
      if (spec.kind === 'rules') { problems.push({ file, path: `agents.${i}.model`, expected: 'a model (a prompt variant needs one; the rules arm has no prompt)', found: '"rules"' }); return; }
      out.push({ kind: 'prompt-variant', label: entry.name, spec, entry });
    } else if (entry.kind === 'http') out.push({ kind: 'http', label: entry.name, entry });
    else if (entry.kind === 'module') out.push({ kind: 'module', label: entry.name, entry });
    else out.push({ kind: 'command', label: entry.name, entry });
  });
  if (problems.length) throw new InputError(`invalid agents in ${file}`, problems);
  return out;
}

export function armOf(a: AgentSpec): Arm {
  if (a.kind === 'rules') return 'traditional';
  if (a.kind === 'model' || a.kind === 'prompt-variant') return 'gai';
  return a.entry.arm;
}

/** The model a model-backed agent runs on (batch, estimate, pricing); none for user-supplied agents. */
export const modelSpecOf = (a: AgentSpec): ModelSpec | undefined => ('spec' in a ? a.spec : undefined);

/** Which approaches' scenarios the agent meets: a variant its own approach, a user's agent those it lists, else all. */
export function runsOn(a: AgentSpec, approach: ApproachId | string): boolean {
  if (a.kind === 'prompt-variant') return a.entry.approach === approach;
  if (a.kind === 'http' || a.kind === 'module' || a.kind === 'command') return !a.entry.approaches || (a.entry.approaches as string[]).includes(approach);
  return true;
}

const hash = (v: unknown): string => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);

/**
 * What, besides its label, makes an agent's conversations what they are: part of the cell key, so an edited prompt,
 * body template or program never reuses old cells. Empty for bundled designs (their prompt version is in the key
 * already). Transport settings (timeouts, retries, rates, concurrency) and prices do not change a conversation.
 */
export function designOf(a: AgentSpec): string {
  if (a.kind === 'model' || a.kind === 'rules') return '';
  if (a.kind === 'prompt-variant') return variantHash(a.entry);
  const { timeoutMs: _t, maxRetries: _r, rpm: _p, concurrency: _c, price: _price, ...rest } = a.entry;
  return hash(rest);
}

/** The worker pool a cell runs in and its size: a provider's pool for model-backed agents, its own for the others. */
export function poolOf(a: AgentSpec, concurrency: { default: number; perProvider: Record<string, number> }): { key: string; size: number } {
  const m = modelSpecOf(a);
  if (m) return { key: m.kind, size: concurrency.perProvider[m.kind] ?? concurrency.default };
  const e = (a as Extract<AgentSpec, { kind: 'http' | 'module' | 'command' }>).entry;
  return { key: `agent:${a.label}`, size: e.concurrency ?? concurrency.perProvider[a.kind] ?? concurrency.default };
}

/** The environment variables user agents name for secrets (headers, a command's env): their values are redacted. */
export function agentSecretNames(agents: AgentSpec[]): string[] {
  return agents.flatMap((a) => (a.kind === 'http' ? envNames(a.entry.headers) : a.kind === 'command' ? envNames(a.entry.env) : []));
}

/** The run manifest's record of an agent: kind, arm, and what identifies its design (never a secret). */
export function manifestEntry(a: AgentSpec): { kind: 'agent'; name: string; version: string; args: Record<string, unknown> } {
  const base = { kind: 'agent' as const, name: a.label, version: designOf(a) || '1' };
  switch (a.kind) {
    case 'model':
    case 'rules':
      return { ...base, args: { kind: a.kind, arm: armOf(a), model: modelKey(a.spec) } };
    case 'prompt-variant':
      return { ...base, args: { kind: a.kind, arm: 'gai', approach: a.entry.approach, model: modelKey(a.spec), promptHash: variantHash(a.entry), tools: a.entry.tools ?? null } };
    case 'http': {
      const u = new URL(a.entry.url.replace(/\{\{[^}]*\}\}/g, '_'));
      return { ...base, args: { kind: a.kind, arm: a.entry.arm, endpoint: `${a.entry.method} ${u.origin}${u.pathname}`, session: a.entry.session, bodyHash: hash(a.entry.body) } };
    }
    case 'module':
      return { ...base, args: { kind: a.kind, arm: a.entry.arm, module: a.entry.module, export: a.entry.export, session: a.entry.session } };
    case 'command':
      return { ...base, args: { kind: a.kind, arm: a.entry.arm, command: a.entry.command, protocol: a.entry.protocol, session: a.entry.session } };
  }
}
