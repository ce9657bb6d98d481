import { createHash } from 'node:crypto';
import type { GenerateRequest } from '../core/types.js';

/**
 * The heading of the brief section that names the customer (src/approaches/prompt.ts): it differs between the persona
 * variants of a scenario.
 */
export const PERSONA_HEADING = '## Customer profile';

/**
 * The brief's own sections, the same for every persona variant of a scenario. Any other `## ` section is a scenario
 * context, whose text may name the customer ({{customer.firstName}} slots), so it counts as the variant's part.
 */
export const SHARED_HEADINGS = ['## Catalog', '## Policies', '## Knowledge base', '## Commercial bounds', '## Signals', '## Orders', '## Contact points you may give'];

/** A system prompt laid out for prompt caching: what every variant of a scenario shares, then what is the variant's. */
export interface SystemLayout {
  /** Role, task, rules and the scenario's shared material, in their original order. */
  stable: string;
  /** The persona section and the scenario contexts, in their original order, or '' when the prompt has no persona section. */
  variable: string;
}

export const SECTION_BREAK = '\n\n';

const isShared = (section: string): boolean => SHARED_HEADINGS.some((h) => section === h || section.startsWith(`${h}\n`));

/**
 * Moves the parts of a system prompt that can differ between the persona variants of a scenario (the customer
 * profile, and the scenario contexts, which may name the customer) to its end, so that the variants send one
 * identical prefix (tools, role, task, rules, catalog, policies, knowledge, bounds, signals, orders, contacts) that a
 * vendor can serve from its prompt cache. Nothing is added, dropped or reworded: the same sections in another order,
 * decided by their headings only, so every variant and every vendor gets the same layout. A prompt without the
 * persona heading (imported designs, prompt variants) is left as it is.
 */
export function layoutSystem(system: string): SystemLayout {
  if (!system.startsWith(PERSONA_HEADING) && !system.includes(SECTION_BREAK + PERSONA_HEADING)) return { stable: system, variable: '' };
  // Sections start at a blank line followed by a level-2 heading; text before the first one (role, task, rules and
  // the brief's first section, which follows its title on the next line) is shared.
  const parts = system.split(/\n\n(?=## )/);
  const head = parts[0]!.startsWith('## ') ? undefined : parts.shift()!;
  const stable = [...(head !== undefined ? [head] : []), ...parts.filter(isShared)];
  const variable = parts.filter((p) => !isShared(p));
  return { stable: stable.join(SECTION_BREAK), variable: variable.join(SECTION_BREAK) };
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
