import { BASE_RULES, renderMaterial } from '../approaches/prompt.js';
import type { ResolvedScenario } from '../plan/material.js';

/**
 * The scenario's material as named sections, for templates (`{{brief.catalog}}`, `{{brief.policies}}`): a user's own
 * prompt or deployed bot receives the same facts the bundled designs do. The sections are cut from the bundled
 * rendering (src/approaches/prompt.ts) so both always agree; sections the bundled prompt does not title with a known
 * name (a scenario's own context blocks) are gathered under `context`. `all` is the whole brief.
 */
export const BRIEF_SECTIONS = {
  Catalog: 'catalog',
  Policies: 'policies',
  'Knowledge base': 'knowledgeBase',
  'Commercial bounds': 'bounds',
  'Customer profile': 'profile',
  Signals: 'signals',
  Orders: 'orders',
  'Contact points you may give': 'contacts',
} as const satisfies Record<string, string>;

export type BriefSectionName = (typeof BRIEF_SECTIONS)[keyof typeof BRIEF_SECTIONS] | 'context' | 'corpus' | 'all';
export type Brief = Record<BriefSectionName, string>;

export function briefSections(r: ResolvedScenario): Brief {
  const all = renderMaterial(r);
  const out: Brief = { catalog: '', policies: '', knowledgeBase: '', bounds: '', profile: '', signals: '', orders: '', contacts: '', context: '', corpus: '', all };
  const context: string[] = [];
  for (const block of all.split(/\n\n(?=## )/)) {
    const m = /^## (.+)\n([\s\S]*)$/.exec(block);
    if (!m) continue;
    const name = (BRIEF_SECTIONS as Record<string, BriefSectionName>)[m[1]!];
    if (name) out[name] = m[2]!;
    else context.push(`${m[1]}: ${m[2]}`);
  }
  out.context = context.join('\n');
  if (r.corpus) out.corpus = r.corpus.items.map((it) => `- [${it.id}] ${it.text}`).join('\n');
  return out;
}

/** What templates see of the customer: the persona's names (the variant's, in a bias audit) and the CRM record. */
export function personaOf(r: ResolvedScenario): { firstName: string; lastName: string; fullName: string } {
  const p = r.scenario.persona;
  return { firstName: p.firstName, lastName: p.lastName, fullName: `${p.firstName} ${p.lastName}` };
}

export const scenarioFacts = (r: ResolvedScenario): { id: string; domain: string; approach: string; now: string; currency: string } => ({
  id: r.scenario.id, domain: r.scenario.domain, approach: r.scenario.approach, now: r.scenario.now, currency: r.scenario.bounds.currency,
});

export { BASE_RULES };
