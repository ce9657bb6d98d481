import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { InputError } from '../core/errors.js';
import { APPROACHES } from '../approaches/index.js';
import { ApproachIdSchema } from '../schema/approach.js';
import { DomainSchema, ScenarioSchema, type ScenarioInput } from '../schema/scenario.js';

/** The folder of each stage, numbered along the customer journey. */
export const STAGE_FOLDERS = {
  'attract-inform': '1-attract-inform',
  'sell-choose': '2-sell-choose',
  'service-support': '3-service-support',
  'retain-loyalty': '4-retain-loyalty',
  'feedback-cocreate': '5-feedback-cocreate',
} as const;

/** Writes a scenario skeleton that already validates; TODO strings mark what the author must write. */
export function scaffoldScenario(o: { kind: string; id: string; approach: string; domain: string; dir: string; force: boolean }): string {
  const bad = (path: string, expected: string, found: string): never => { throw new InputError(`cannot scaffold: ${path} ${found}`, [{ file: 'command line', path, expected, found }]); };
  if (o.kind !== 'scenario') bad('kind', 'scenario', o.kind);
  const approach = ApproachIdSchema.safeParse(o.approach);
  if (!approach.success) bad('--approach', ApproachIdSchema.options.join(' | '), o.approach);
  const domain = DomainSchema.safeParse(o.domain);
  if (!domain.success) bad('--domain', DomainSchema.options.join(' | '), o.domain);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(o.id)) bad('id', 'a kebab-case id', o.id);
  const a = APPROACHES[approach.data!];
  const analysis = a.meta.mode === 'analysis';
  const draft: ScenarioInput = {
    id: o.id, version: 1, synthetic: true, title: 'TODO: one line saying what happens', approach: a.meta.id, domain: domain.data!, difficulty: 'simple',
    tags: [], now: new Date().toISOString().slice(0, 10),
    persona: { firstName: 'Alex', lastName: 'Morgan', variantSets: analysis ? [] : ['race-gender'] },
    customer: {
      reason: 'TODO: why the customer gets in touch', goal: 'TODO: what the customer wants (used by the simulated customer)', knows: [], mayReveal: [],
      turns: [{ text: analysis ? 'TODO: the request, e.g. please analyse this week\'s feedback' : 'TODO: the customer\'s first message; sign with {{customer.firstName}} if natural', emotion: { label: 'neutral', intensity: 0 } }],
    },
    context: [], orders: [],
    refs: { catalog: [], policies: [], kb: [], signals: [], ...(analysis ? { corpus: { id: 'TODO-corpus-id' } } : {}) },
    facts: [{ id: 'todo-fact', text: 'TODO: one atomic fact the agent needs', kind: 'other' }],
    bounds: { currency: 'USD', personalisedPricing: false },
    judging: {
      requiredInfo: [], forbiddenClaims: [],
      endState: analysis ? { kind: 'report', tool: a.meta.tools[0]! } : { kind: 'answer' },
      shouldEscalate: false, pii: [], critical: false,
    },
  };
  ScenarioSchema.parse(draft);
  const folder = join(o.dir, STAGE_FOLDERS[a.meta.stage]);
  const path = join(folder, `${o.id}.yaml`);
  if (existsSync(path) && !o.force) bad('id', 'a new scenario id (or --force)', `${path} exists`);
  mkdirSync(folder, { recursive: true });
  const schemaRef = relative(folder, 'schemas/scenario.schema.json');
  writeFileSync(path, `# yaml-language-server: $schema=${schemaRef}\n# SYNTHETIC DATA — written for cxbench; not real customers, products or prices.\n${stringify(draft)}`);
  return path;
}
