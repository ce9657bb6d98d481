import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, ProviderError } from '../core/errors.js';
import type { ModuleAgentEntry } from '../schema/agents.js';
import type { Agent, AgentFactory } from './agent.js';
import { externalRequest, type ExternalRequest, parseReply, recordedExchange } from './external.js';
import { guarded, Pacer } from './guard.js';

/**
 * The user's own code in this process: a .js, .mjs or .ts module exporting
 * `respond(conversation, context) -> { text, actions?, usage?, costUsd? }` (sync or async). `conversation` holds the
 * id, the new message and the history; `context` the persona, CRM record, brief sections and scenario facts, and an
 * AbortSignal. A throw or a reply of the wrong shape is an infrastructure error with the reason.
 */
export type ModuleRespond = (conversation: Pick<ExternalRequest, 'conversationId' | 'turn' | 'message' | 'history' | 'outreach'>, context: Omit<ExternalRequest, 'conversationId' | 'turn' | 'message' | 'history' | 'outreach'> & { signal: AbortSignal }) => unknown;

/** Imports the module and finds its respond function; a missing file or export is an input error naming the field. */
export async function loadRespond(label: string, entry: Pick<ModuleAgentEntry, 'module' | 'export'>, file = 'the suite file'): Promise<ModuleRespond> {
  const path = resolve(entry.module);
  if (!existsSync(path)) throw new InputError(`agent ${label}: module ${entry.module} not found`, [{ file, path: `agents (${label}).module`, expected: 'a module file, relative to the working directory', found: `no file at ${path}` }]);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(`agent ${label}: module ${entry.module} could not be loaded: ${e instanceof Error ? e.message : String(e)}`, [{ file, path: `agents (${label}).module`, expected: 'a module that loads', found: e instanceof Error ? e.message.split('\n')[0]! : String(e) }]);
  }
  const exp = mod[entry.export] ?? (entry.export === 'respond' ? mod['default'] : undefined);
  const fn = typeof exp === 'function' ? exp : exp && typeof exp === 'object' && typeof (exp as { respond?: unknown }).respond === 'function' ? (exp as { respond: (...a: unknown[]) => unknown }).respond.bind(exp) : undefined;
  if (!fn) throw new InputError(`agent ${label}: module ${entry.module} exports no function ${entry.export}`, [{ file, path: `agents (${label}).export`, expected: `an exported function ${entry.export}(conversation, context), or an object with a respond method`, found: `exports ${Object.keys(mod).join(', ') || 'nothing'}` }]);
  return fn as ModuleRespond;
}

export const createModuleAgent: AgentFactory<'module'> = async ({ label, entry }) => {
  const respond = await loadRespond(label, entry);
  const pacer = new Pacer(entry.rpm);
  const agent: Agent = {
    label, kind: 'module', arm: entry.arm, toolClasses: entry.toolClasses,
    async respond(turns, ctx) {
      const { conversationId, turn, message, history, outreach, ...context } = externalRequest(turns, ctx, entry.session);
      return recordedExchange(label, entry, turns, ctx, () => guarded(entry, pacer, label, async (signal) => {
          let raw: unknown;
          try {
            raw = await Promise.race([
              Promise.resolve(respond({ conversationId, turn, message, history, outreach }, { ...context, signal })),
              new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true })),
            ]);
          } catch (e) {
            if (signal.aborted) throw e;
            throw new ProviderError('server', `${label} threw: ${e instanceof Error ? e.message : String(e)}`);
          }
          return parseReply(label, raw);
        }, ctx.signal));
    },
  };
  return agent;
};
