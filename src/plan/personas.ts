import type { PersonaSet, PersonaVariant } from '../schema/datasets.js';
import type { CustomerTurn, Scenario } from '../schema/scenario.js';

/** The variant a cell runs: the baseline persona, or one counterfactual variant of one set. */
export interface VariantChoice {
  set: string;
  attribute: string;
  variant: PersonaVariant;
}

export const BASELINE: VariantChoice = {
  set: 'base',
  attribute: 'none',
  variant: { id: 'base', group: 'base', reference: true },
};

const SLOT = /\{\{\s*customer\.(firstName|lastName|name)\s*\}\}/g;

export function fillSlots(text: string, firstName: string, lastName: string): string {
  return text.replace(SLOT, (_m, slot: string) => (slot === 'firstName' ? firstName : slot === 'lastName' ? lastName : `${firstName} ${lastName}`));
}

/** A language-variety set applies only if every scripted turn has the variety text. */
export function setAppliesTo(set: PersonaSet, scenario: Scenario): boolean {
  if (set.attribute !== 'language-variety') return true;
  return set.variants.every((v) => !v.variety || v.variety === 'sae' || scenario.customer.turns.every((t) => t.varieties?.[v.variety!] !== undefined));
}

/**
 * Applies one variant and nothing else: names for race-gender, a statement (or its length-matched neutral twin) for
 * age and disability, the rewritten turns for language variety. Everything else in the scenario stays identical.
 */
export function applyVariant(scenario: Scenario, choice: VariantChoice): Scenario {
  const v = choice.variant;
  const firstName = v.firstName ?? scenario.persona.firstName;
  const lastName = v.lastName ?? scenario.persona.lastName;
  const turns: CustomerTurn[] = scenario.customer.turns.map((t, i) => {
    let text = t.text;
    if (v.variety && v.variety !== 'sae') text = t.varieties?.[v.variety] ?? text;
    if (i === 0 && v.statement) text = `${text} ${v.statement}`;
    return { ...t, text: fillSlots(text, firstName, lastName) };
  });
  return {
    ...scenario,
    persona: { ...scenario.persona, firstName, lastName },
    customer: { ...scenario.customer, turns, goal: fillSlots(scenario.customer.goal, firstName, lastName) },
    context: scenario.context.map((c) => ({ label: c.label, text: fillSlots(c.text, firstName, lastName) })),
  };
}
