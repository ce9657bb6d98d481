import type { Backend } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';

/**
 * `rules` stays a model id (`models: [rules]`) but is not a backend: the traditional arm is an agent
 * (src/agents/rules-agent.ts) that gets its scenario material through the agent context, so nothing about it rides
 * on a model request. A backend for it is refused with a pointer to the agent.
 */
export async function createRulesBackend(_spec: ModelSpec): Promise<Backend> {
  return {
    id: 'rules',
    kind: 'rules',
    generate(): never {
      throw new Error('the rules arm is an agent, not a model backend: run it through src/agents/rules-agent.ts (it cannot judge or play the customer)');
    },
  };
}
