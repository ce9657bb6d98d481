import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { NO_SECRETS, type Redactor } from '../core/redact.js';
import { resolveEnvValues } from './env.js';
import type { Agent, AgentDeps, AgentFactory, AgentKind, AgentSpec } from './agent.js';
import { createCommandAgent } from './command-agent.js';
import { createHttpAgent } from './http-agent.js';
import { createModelAgent, createPromptVariantAgent } from './model-agent.js';
import { createModuleAgent } from './module-agent.js';
import { createRulesAgent } from './rules-agent.js';

/** One factory per agent kind: a new kind is a file under src/agents/ and a line here (docs/extending.md). */
export const AGENT_FACTORIES = {
  model: createModelAgent,
  rules: createRulesAgent,
  'prompt-variant': createPromptVariantAgent,
  http: createHttpAgent,
  module: createModuleAgent,
  command: createCommandAgent,
} satisfies { [K in AgentKind]: AgentFactory<K> };

/**
 * The agent for a spec. User-supplied agents get the run's redaction here (model-backed ones have it in their client
 * stack): a bot that echoes a key leaves a marker in the reply, its tool arguments and results, and its error messages.
 */
export async function createAgent(spec: AgentSpec, deps: AgentDeps = {}): Promise<Agent> {
  const factory = AGENT_FACTORIES[spec.kind] as AgentFactory;
  const agent = await factory(spec, deps);
  const redactor = deps.redactor ?? NO_SECRETS;
  return spec.kind === 'http' || spec.kind === 'module' || spec.kind === 'command' ? withRedaction(agent, redactor) : agent;
}

export function withRedaction(agent: Agent, redactor: Redactor): Agent {
  if (!redactor.active) return agent;
  return {
    ...agent,
    label: agent.label, kind: agent.kind, arm: agent.arm,
    async respond(turns, ctx) {
      try {
        const reply = await agent.respond(turns, { ...ctx, record: (c) => ctx.record(redactor.deep(c)) });
        return redactor.deep(reply);
      } catch (e) {
        throw redactor.error(e);
      }
    },
  };
}

/**
 * Before any call or write: every secret variable a user agent names is set, every module file exists. The error
 * names the file, the agent and what is missing (exit 2).
 */
export function preflightAgents(agents: AgentSpec[], file: string): void {
  agents.forEach((a) => {
    if (a.kind === 'http') resolveEnvValues(a.label, 'headers', a.entry.headers);
    if (a.kind === 'command') resolveEnvValues(a.label, 'env', a.entry.env);
    if (a.kind === 'module' && !existsSync(resolve(a.entry.module))) {
      throw new InputError(`agent ${a.label}: module ${a.entry.module} not found`, [{ file, path: `agents (${a.label}).module`, expected: 'a module file, relative to the working directory', found: `no file at ${resolve(a.entry.module)}` }]);
    }
  });
}

export type { Agent, AgentContext, AgentDesign, AgentKind, AgentReply, AgentSpec } from './agent.js';
