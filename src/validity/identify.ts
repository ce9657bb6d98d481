import { createHash } from 'node:crypto';
import { laidOutSystem } from '../providers/prompt-layout.js';
import { APPROACHES } from '../approaches/index.js';
import type { DatasetIndex } from '../plan/datasets.js';
import { resolveScenario } from '../plan/material.js';
import { applyVariant, BASELINE, setAppliesTo, type VariantChoice } from '../plan/personas.js';
import { OUTREACH_OPENER } from '../providers/turns.js';
import type { Scenario } from '../schema/scenario.js';
import type { ChatRequest } from '../mock/openai-server.js';

/**
 * How the planted model knows where it is, from what any model receives: the customer's first message (or, for an
 * outreach opener before the customer spoke, the whole system prompt) names the scenario; the customer's name in
 * the profile, looked up in the bundled persona sets, names the persona group. Statement-based variants (age,
 * disability) keep the baseline name, so their group comes from the statement in the first customer message.
 */

export interface PersonaRef { set: string; group: string; variantId: string }

export interface ScenarioIndex {
  scenarios: Map<string, Scenario>;
  /** normalised first customer message -> scenario ids that open with it */
  byFirstMessage: Map<string, Set<string>>;
  /** sha256 of the system prompt -> scenario ids */
  byPrompt: Map<string, Set<string>>;
  /** "first last" (lower case) -> persona variant */
  byName: Map<string, PersonaRef>;
  statements: (PersonaRef & { statement: string })[];
}

export interface Identification {
  scenarioId: string | null;
  via: 'first-message' | 'prompt' | null;
  name: string | null;
  group: string | null;
}

export const normaliseText = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

const add = (m: Map<string, Set<string>>, k: string, v: string): void => {
  const s = m.get(k);
  if (s) s.add(v); else m.set(k, new Set([v]));
};

function variantsOf(s: Scenario, data: DatasetIndex): VariantChoice[] {
  const out: VariantChoice[] = [BASELINE];
  for (const id of s.persona.variantSets) {
    const set = data.personaSets.get(id);
    if (!set || !setAppliesTo(set, s)) continue;
    for (const variant of set.variants) out.push({ set: set.id, attribute: set.attribute, variant });
  }
  return out;
}

export function buildScenarioIndex(scenarios: readonly Scenario[], data: DatasetIndex): ScenarioIndex {
  const idx: ScenarioIndex = { scenarios: new Map(), byFirstMessage: new Map(), byPrompt: new Map(), byName: new Map(), statements: [] };
  for (const set of data.personaSets.values()) {
    for (const v of set.variants) {
      const ref = { set: set.id, group: v.group, variantId: v.id };
      if (v.firstName && v.lastName) idx.byName.set(normaliseText(`${v.firstName} ${v.lastName}`), ref);
      if (v.statement) idx.statements.push({ ...ref, statement: normaliseText(v.statement) });
    }
  }
  for (const s of scenarios) {
    idx.scenarios.set(s.id, s);
    const approach = APPROACHES[s.approach];
    for (const v of variantsOf(s, data)) {
      const applied = applyVariant(s, v);
      const first = applied.customer.turns[0];
      if (first) add(idx.byFirstMessage, normaliseText(first.text), s.id);
      // Vendors receive the prompt laid out stable-first (src/providers/prompt-layout.ts); index both forms.
      const prompt = approach.systemPrompt(resolveScenario(applied, v, data));
      add(idx.byPrompt, sha(prompt), s.id);
      const laid = laidOutSystem(prompt);
      if (laid !== prompt) add(idx.byPrompt, sha(laid), s.id);
    }
  }
  return idx;
}

const only = (s: Set<string> | undefined): string | null => (s && s.size === 1 ? [...s][0]! : null);

export function identify(index: ScenarioIndex, req: ChatRequest): Identification {
  const system = req.messages.find((m) => m.role === 'system')?.content ?? '';
  const firstCustomer = req.messages.find((m) => m.role === 'user' && m.content && m.content !== OUTREACH_OPENER)?.content ?? null;
  let scenarioId: string | null = null;
  let via: Identification['via'] = null;
  if (firstCustomer) {
    scenarioId = only(index.byFirstMessage.get(normaliseText(firstCustomer)));
    if (scenarioId) via = 'first-message';
  }
  if (!scenarioId) {
    scenarioId = only(index.byPrompt.get(sha(system)));
    if (scenarioId) via = 'prompt';
  }
  const name = /^- Name: (.+)$/m.exec(system)?.[1]?.trim() ?? null;
  let group = name ? index.byName.get(normaliseText(name))?.group ?? null : null;
  if (!group && firstCustomer) {
    const text = normaliseText(firstCustomer);
    group = index.statements.find((s) => text.endsWith(s.statement))?.group ?? null;
  }
  return { scenarioId, via, name, group };
}
