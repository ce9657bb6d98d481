import { ProviderError } from '../core/errors.js';
import type { Turn } from '../core/types.js';
import { httpFetch } from '../providers/http-fetch.js';
import { kindForStatus, retryAfterMs } from '../providers/provider-errors.js';
import type { HttpAgentEntry } from '../schema/agents.js';
import type { Agent, AgentContext, AgentFactory, AgentReply } from './agent.js';
import { resolveEnvValues } from './env.js';
import { type ExternalReply, externalRequest, parseReply, recordedExchange, requestVars } from './external.js';
import { guarded, Pacer } from './guard.js';
import { select, selectOne } from './json-path.js';
import { renderText, renderValue } from './template.js';

/**
 * A deployed bot behind an HTTP API with its own JSON shape: the body is the entry's template filled with the
 * conversation, the reply is read through the entry's JSON paths. Any failure of the exchange (a status outside 2xx,
 * a body that is not JSON, a path that finds nothing) is an infrastructure error whose message says which.
 */
export const createHttpAgent: AgentFactory<'http'> = async ({ label, entry }) => {
  const headers = { 'content-type': 'application/json', accept: 'application/json', ...lowerKeys(resolveEnvValues(label, 'headers', entry.headers)) };
  const pacer = new Pacer(entry.rpm);
  const agent: Agent = {
    label, kind: 'http', arm: entry.arm, toolClasses: entry.toolClasses,
    async respond(turns: Turn[], ctx: AgentContext): Promise<AgentReply> {
      const req = externalRequest(turns, ctx, entry.session);
      const vars = requestVars(req);
      const url = renderText(entry.url, vars, encodeURIComponent);
      const body = entry.method === 'GET' ? undefined : JSON.stringify(renderValue(entry.body, vars));
      return recordedExchange(label, entry, turns, ctx, () => guarded(entry, pacer, `${label} (${url})`, async (signal) => {
          const res = await httpFetch(url, { method: entry.method, headers, ...(body !== undefined ? { body } : {}), signal });
          const text = await res.text();
          if (!res.ok) {
            const ra = retryAfterMs(res.headers);
            throw new ProviderError(kindForStatus(res.status), `${label} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}: ${snippet(text)}`, res.status, ra);
          }
          let json: unknown;
          try { json = JSON.parse(text); } catch { throw new ProviderError('malformed', `${label} answered HTTP ${res.status} with a body that is not JSON: ${snippet(text)}`); }
          return readReply(label, entry, json);
        }, ctx.signal));
    },
  };
  return agent;
};

const lowerKeys = (h: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
const snippet = (s: string): string => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > 200 ? `${t.slice(0, 200)}…` : t || '(empty body)'; };

/** The reply through the entry's paths, in the shape modules and commands return; a missing text is a malformed reply. */
export function readReply(label: string, entry: Pick<HttpAgentEntry, 'reply'>, json: unknown): ExternalReply {
  const m = entry.reply;
  const texts = select(json, m.text);
  if (texts.length === 0) throw new ProviderError('malformed', `${label} replied without the text at ${m.text}: ${snippet(JSON.stringify(json))}`);
  const bad = texts.find((t) => typeof t !== 'string');
  if (bad !== undefined) throw new ProviderError('malformed', `${label} replied with ${JSON.stringify(bad)?.slice(0, 60)} at ${m.text}, not text`);
  const raw: Record<string, unknown> = { text: (texts as string[]).join('\n\n') };
  if (m.actions) {
    const list = select(json, m.actions.path).flatMap((v) => (Array.isArray(v) ? v : [v]));
    raw['actions'] = list.map((a) => ({
      name: selectOne(a, m.actions!.name),
      arguments: selectOne(a, m.actions!.arguments) ?? {},
      ...(m.actions!.result ? { result: selectOne(a, m.actions!.result) } : {}),
    }));
  }
  if (m.usage) {
    const input = selectOne(json, m.usage.input);
    const output = selectOne(json, m.usage.output);
    if (input !== undefined || output !== undefined) raw['usage'] = { input, output };
  }
  if (m.costUsd) {
    const cost = selectOne(json, m.costUsd);
    if (cost !== undefined && cost !== null) raw['costUsd'] = cost;
  }
  return parseReply(label, raw);
}
