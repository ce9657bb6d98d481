import type { Server } from 'node:http';

/** Types of the stand-in bot (server.mjs), for TypeScript callers such as the tests. */
export interface StandInOptions {
  port?: number;
  host?: string;
  /** The X-Helpdesk-Key the server requires (default: HELPDESK_API_KEY from the environment; none if unset). */
  key?: string;
  /** Answer every request with this HTTP status. */
  fail?: number;
}

export function startServer(options?: StandInOptions): Promise<{ server: Server; url: string; sessions: Map<string, unknown> }>;
