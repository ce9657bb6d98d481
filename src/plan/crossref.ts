import type { InputProblem } from '../core/errors.js';
import type { Scenario } from '../schema/scenario.js';
import type { DatasetIndex } from './datasets.js';
import { BUNDLED_TOOL_CLASSES, type ToolClass } from '../approaches/tool-classes.js';

/**
 * Consistency checks zod cannot express: references that must resolve, ids that must be unique, bounds that must
 * not contradict the policy they cite. Returns problems; never throws.
 */
export function crossCheckScenario(s: Scenario, file: string, data: DatasetIndex): InputProblem[] {
  const out: InputProblem[] = [];
  const add = (path: string, expected: string, found: string): void => { out.push({ file, path, expected, found }); };
  const refs: [keyof typeof s.refs & ('catalog' | 'policies' | 'kb' | 'signals'), Map<string, unknown>, string][] = [
    ['catalog', data.catalog, 'a catalog SKU'], ['policies', data.policies, 'a policy id'], ['kb', data.kb, 'a knowledge-base article id'], ['signals', data.signals, 'a signal id'],
  ];
  for (const [key, map, what] of refs) {
    s.refs[key].forEach((id, i) => { if (!map.has(id)) add(`refs.${key}.${i}`, `${what} defined in datasets/`, `"${id}", which no dataset defines`); });
  }
  if (s.refs.crm && !data.crm.has(s.refs.crm)) add('refs.crm', 'a CRM profile id defined in datasets/', `"${s.refs.crm}"`);
  if (s.refs.corpus && !data.corpora.has(s.refs.corpus.id)) add('refs.corpus.id', 'a feedback or idea corpus id defined in datasets/', `"${s.refs.corpus.id}"`);
  s.persona.variantSets.forEach((id, i) => { if (!data.personaSets.has(id)) add(`persona.variantSets.${i}`, `a persona set id (${[...data.personaSets.keys()].join(', ') || 'none defined'})`, `"${id}"`); });

  const factIds = new Set<string>();
  s.facts.forEach((f, i) => {
    if (factIds.has(f.id)) add(`facts.${i}.id`, 'a fact id unique within the scenario', `duplicate "${f.id}"`);
    factIds.add(f.id);
  });
  s.judging.requiredInfo.forEach((r, i) => r.factIds.forEach((fid, j) => {
    if (!factIds.has(fid)) add(`judging.requiredInfo.${i}.factIds.${j}`, `a fact id of this scenario (${[...factIds].join(', ') || 'none'})`, `"${fid}"`);
  }));
  const uniq = (items: { id: string }[], path: string): void => {
    const seen = new Set<string>();
    items.forEach((it, i) => { if (seen.has(it.id)) add(`${path}.${i}.id`, 'a unique id', `duplicate "${it.id}"`); seen.add(it.id); });
  };
  uniq(s.judging.requiredInfo, 'judging.requiredInfo');
  uniq(s.judging.forbiddenClaims, 'judging.forbiddenClaims');
  uniq(s.orders, 'orders');

  // Bounds must not allow more than the policies the scenario cites.
  const maxDisc = s.bounds.maxDiscountPct;
  if (maxDisc !== undefined) {
    for (const pid of s.refs.policies) {
      const cap = data.policies.get(pid)?.terms['maxDiscountPct'];
      if (cap !== undefined && maxDisc > cap) add('bounds.maxDiscountPct', `at most ${cap} (policy ${pid} caps discounts there)`, String(maxDisc));
    }
  }
  if (s.bounds.priceFloor !== undefined && s.bounds.priceCeiling !== undefined && s.bounds.priceFloor > s.bounds.priceCeiling) {
    add('bounds.priceFloor', `at most priceCeiling (${s.bounds.priceCeiling})`, String(s.bounds.priceFloor));
  }
  const end = s.judging.endState;
  if (end?.kind === 'escalate' && !s.judging.shouldEscalate) add('judging.shouldEscalate', 'true when the expected end state is an escalation', 'false');
  // The actions kind judges escalation through shouldEscalate itself (writes and a hand-over can both be expected).
  if (end && s.judging.shouldEscalate && end.kind !== 'escalate' && end.kind !== 'actions') add('judging.endState.kind', 'escalate or actions when shouldEscalate is true', end.kind);
  if (end && (end.kind === 'report') !== (s.refs.corpus !== undefined)) add('refs.corpus', 'a corpus exactly when the end state is a report', s.refs.corpus ? 'a corpus' : 'no corpus');
  if (end?.kind === 'actions') {
    end.writes.forEach((w, i) => {
      const cls = (BUNDLED_TOOL_CLASSES as Record<string, ToolClass>)[w.tool];
      if (cls !== undefined && cls !== 'write') add(`judging.endState.writes.${i}.tool`, 'a tool of class write (an expected write changes state)', `${w.tool}, a bundled tool of class ${cls}`);
    });
  }
  s.customer.turns.forEach((t, i) => {
    for (const m of t.text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)) {
      if (!/^customer\.(firstName|lastName|name)$/.test(m[1] ?? '')) add(`customer.turns.${i}.text`, 'slots {{customer.firstName}}, {{customer.lastName}} or {{customer.name}}', `{{${m[1]}}}`);
    }
  });
  return out;
}
