import { createHash } from 'node:crypto';
import type { GenerateRequest } from '../core/types.js';

/**
 * The heading of the one brief section that changes between the persona variants of a scenario (the customer's name,
 * src/approaches/prompt.ts). Everything else in an approach's system prompt is the same for every variant.
 */
export const PERSONA_HEADING = '## Customer profile';

/** A system prompt laid out for prompt caching: what every variant of a scenario shares, then what is the variant's. */
export interface SystemLayout {
  /** Role, task, rules and the scenario's shared material, in their original order. */
  stable: string;
  /** The persona section, or '' when the prompt has none. Sent after `stable`, separated by SECTION_BREAK. */
  variable: string;
}

export const SECTION_BREAK = '\n\n';

/**
 * Moves the persona section of a system prompt to its end, so that the persona variants of one scenario send one
 * identical prefix (tools, role, task, rules, catalog, policies, knowledge, signals, context, contacts) that a vendor
 * can serve from its prompt cache. Nothing is added, dropped or reworded: the text is the same sections in another
 * order, and the order is the same for every variant and every vendor, so no variant and no model sees a different
 * prompt from another. A prompt without the heading (imported designs, prompt variants) is left as it is.
 */
export function layoutSystem(system: string): SystemLayout {
  const at = system.startsWith(PERSONA_HEADING) ? 0 : system.indexOf(SECTION_BREAK + PERSONA_HEADING);
  if (at < 0) return { stable: system, variable: '' };
  const start = at === 0 ? 0 : at + SECTION_BREAK.length;
  const next = system.indexOf(SECTION_BREAK + '#', start + PERSONA_HEADING.length);
  const end = next < 0 ? system.length : next;
  const variable = system.slice(start, end);
  const stable = (system.slice(0, at) + (next < 0 ? '' : system.slice(next + (at === 0 ? SECTION_BREAK.length : 0)))).trimEnd();
  return { stable, variable };
}

/** The system prompt as every vendor is sent it: stable part, then the variant's part. */
export function laidOutSystem(system: string): string {
  const { stable, variable } = layoutSystem(system);
  return variable ? `${stable}${SECTION_BREAK}${variable}` : stable;
}

/**
 * A key for the prompt every persona variant of one scenario shares (tools and the stable system part), e.g. OpenAI's
 * prompt_cache_key, which routes requests with one prefix to the same cache. Hashed: the key names no content.
 */
export function stablePrefixKey(req: Pick<GenerateRequest, 'system' | 'tools'>): string {
  const { stable } = layoutSystem(req.system);
  return `cxbench-${createHash('sha256').update(JSON.stringify(req.tools)).update('\u0000').update(stable).digest('hex').slice(0, 24)}`;
}
