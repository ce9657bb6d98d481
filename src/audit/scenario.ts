import type { ToolClassMap } from '../approaches/tool-classes.js';
import type { ResolvedScenario } from '../plan/material.js';
import { BASELINE } from '../plan/personas.js';
import { ScenarioSchema, type Domain, type Scenario } from '../schema/scenario.js';
import type { ApproachId } from '../schema/approach.js';
import { contactsIn } from './contacts.js';
import { UNKNOWN_NOW } from './conversation-date.js';
import { NO_EMOTION } from './emotion.js';
import type { AuditMaterial } from './material.js';
import type { AuditRecord } from './record.js';

export interface AuditScenarioOptions {
  approach: ApproachId;
  domain: Domain;
  material: AuditMaterial;
  toolClasses: ToolClassMap;
  /** The system message is the agent's brief: grounding material (default), or ignored. */
  useBrief: boolean;
}

/** A scenario id from a conversation id: lower-case letters, digits and dashes (the id as written stays in the title). */
export const scenarioIdOf = (id: string): string => id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'conversation';

/**
 * The scenario an audited conversation is judged against. Nothing in it is invented: the customer turns are the
 * transcript's own (with the file's emotion annotation, else none known: neutral, intensity 0), the material is what the user supplied, and the
 * outcome is judged only where ground truth is given (an 'actions' end state); without it there is no end state and
 * resolution is not scorable. Persona names are empty: the transcript's customer is not a cxbench persona.
 */
export function auditScenario(rec: AuditRecord, o: AuditScenarioOptions): Scenario {
  const actions = rec.truth?.actions;
  const customerTurns = rec.turns.flatMap((t, i) => (t.speaker === 'customer' && t.text.trim() ? [{ text: t.text, emotion: rec.emotions?.get(i) ?? NO_EMOTION }] : []));
  const currencies = [...new Set(o.material.catalog.map((c) => c.currency))];
  return ScenarioSchema.parse({
    id: scenarioIdOf(rec.id),
    version: 1,
    synthetic: false,
    source: `audited transcript ${rec.file}:${rec.line}`,
    title: `Audited conversation ${rec.id}`,
    approach: o.approach,
    domain: o.domain,
    difficulty: 'multi-step',
    tags: ['audit', ...(rec.truth?.outcome ? [`outcome:${rec.truth.outcome}`] : [])],
    // Without a date the scenario says so: `now` is a placeholder, and what only "now" could decide is not checkable.
    now: rec.date.date ?? UNKNOWN_NOW,
    ...(rec.date.date === null ? { nowKnown: false } : {}),
    persona: { firstName: '', lastName: '', variantSets: [] },
    customer: {
      reason: 'audited conversation',
      goal: 'not known: an audited conversation',
      turns: customerTurns.length ? customerTurns : [{ text: '(no customer text)', emotion: NO_EMOTION }],
    },
    context: o.useBrief ? rec.brief.map((text, i) => ({ label: rec.brief.length > 1 ? `system message ${i + 1}` : 'system message', text })) : [],
    ...(currencies.length === 1 ? { bounds: { currency: currencies[0] } } : {}),
    judging: {
      ...(actions ? { endState: { kind: 'actions', writes: actions.writes } } : {}),
      shouldEscalate: actions?.shouldEscalate ?? false,
    },
  });
}

/** The scenario with its material resolved, as the scorers read it. */
export function auditResolved(rec: AuditRecord, o: AuditScenarioOptions): ResolvedScenario {
  const scenario = auditScenario(rec, o);
  // The conversation's id as written (the scenario id is its kebab-case form); stored so results trace back to the file.
  scenario.id = rec.id;
  const m = o.material;
  return {
    scenario,
    variant: BASELINE,
    catalog: m.catalog,
    policies: m.policies,
    kb: m.kb,
    crm: undefined,
    signals: [],
    corpus: undefined,
    contacts: contactsIn([...m.kb.map((a) => a.text), ...m.policies.map((p) => p.text), ...scenario.context.map((c) => c.text)]),
    toolClasses: o.toolClasses,
  };
}
