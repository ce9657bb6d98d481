import { createHash } from 'node:crypto';
import type { Cell } from '../core/conversation.js';
import type { Approach } from '../approaches/approach.js';
import type { ModelSpec } from '../schema/model-spec.js';
import type { AgentSpec } from '../agents/agent.js';
import { agentSpecs, designOf, modelSpecOf, runsOn } from '../agents/plan.js';
import type { Scenario } from '../schema/scenario.js';
import type { SuiteConfig } from '../schema/config.js';
import type { DatasetIndex } from './datasets.js';
import { BASELINE, setAppliesTo, type VariantChoice } from './personas.js';

export interface PlannedCell {
  cell: Cell;
  scenario: Scenario;
  approach: Approach;
  variant: VariantChoice;
  /** The agent under test; its label is the cell's `model`. */
  agent: AgentSpec;
  /** The model a model-backed agent runs on (models, prompt variants, rules); undefined for user-supplied agents. */
  spec: ModelSpec | undefined;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Settings that change what a conversation would be; part of the key so a changed setting never reuses old cells. */
export function settingsFingerprint(config: SuiteConfig): string {
  return sha256(JSON.stringify({
    t: config.temperature, m: config.maxOutputTokens, s: config.maxAgentStepsPerTurn, c: config.customer.mode,
    cm: config.customer.mode === 'simulated' ? config.customer.model ?? null : null, ct: config.customer.mode === 'simulated' ? config.customer.maxTurns : null,
  })).slice(0, 12);
}

/** The stable cell key: the same parts always give the same key (cache scope, resume identity, primary key). */
export function cellKey(parts: { approach: string; promptVersion: number; scenarioId: string; scenarioVersion: number; variantSet: string; variantId: string; model: string; epoch: number; settings: string; design?: string }): string {
  // A user agent's design (prompt hash, body template, program) is a part of its own; bundled designs have none, so
  // their keys are what they always were.
  const s = [parts.approach, `p${parts.promptVersion}`, `${parts.scenarioId}@${parts.scenarioVersion}`, `${parts.variantSet}/${parts.variantId}`, parts.model, `e${parts.epoch}`, parts.settings, ...(parts.design ? [`d${parts.design}`] : [])].join('|');
  return sha256(s).slice(0, 24);
}

export function variantsFor(scenario: Scenario, config: SuiteConfig, data: DatasetIndex): VariantChoice[] {
  if (config.personaVariants === 'none') return [BASELINE];
  const wanted = config.personaVariants === 'all' ? scenario.persona.variantSets : scenario.persona.variantSets.filter((s) => (config.personaVariants as string[]).includes(s));
  const out: VariantChoice[] = [];
  for (const setId of wanted) {
    const set = data.personaSets.get(setId);
    if (!set || !setAppliesTo(set, scenario)) continue;
    for (const variant of set.variants) out.push({ set: set.id, attribute: set.attribute, variant });
  }
  return out.length ? out : [BASELINE];
}

/**
 * approach × scenario × persona variant × agent × epoch, in a stable order, one cell at a time: a 50,000-cell study
 * never holds its plan in memory. The agents are the models (bundled designs, the rules arm) and then `agents`, the
 * suite's own agent entries (src/agents/plan.ts); an agent meets only the approaches it runs on.
 */
export function* iterateCells(scenarios: Scenario[], approaches: Map<string, Approach>, models: ModelSpec[], config: SuiteConfig, data: DatasetIndex, agents: AgentSpec[] = []): Generator<PlannedCell> {
  const settings = settingsFingerprint(config);
  const all = [...agentSpecs(models, []), ...agents].map((a) => ({ agent: a, spec: modelSpecOf(a), design: designOf(a) }));
  for (const scenario of scenarios) {
    const approach = approaches.get(scenario.approach);
    if (!approach) continue;
    for (const variant of variantsFor(scenario, config, data)) {
      for (const { agent, spec, design } of all) {
        if (!runsOn(agent, approach.meta.id)) continue;
        const model = agent.label;
        for (let epoch = 0; epoch < config.epochs; epoch++) {
          const key = cellKey({
            approach: approach.meta.id, promptVersion: approach.promptVersion, scenarioId: scenario.id, scenarioVersion: scenario.version,
            variantSet: variant.set, variantId: variant.variant.id, model, epoch, settings, design,
          });
          yield {
            cell: {
              key, approach: approach.meta.id, stage: approach.meta.stage, mode: approach.meta.mode, domain: scenario.domain,
              scenarioId: scenario.id, scenarioVersion: scenario.version, variantSet: variant.set, variantId: variant.variant.id,
              attribute: variant.attribute, group: variant.variant.group, isReference: variant.variant.reference, model, epoch,
            },
            scenario, approach, variant, agent, spec,
          };
        }
      }
    }
  }
}

/** The whole plan as an array (validate, estimate, batch mode, tests). */
export function planCells(scenarios: Scenario[], approaches: Map<string, Approach>, models: ModelSpec[], config: SuiteConfig, data: DatasetIndex, agents: AgentSpec[] = []): PlannedCell[] {
  return [...iterateCells(scenarios, approaches, models, config, data, agents)];
}
