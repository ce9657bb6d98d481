import { calcPrice, findProvider, type MatchLogic } from '@pydantic/genai-prices';
import { PRICE_TABLE_VERSION } from '../cost/prices.js';
import { modelKey, type ModelSpec } from '../schema/model-spec.js';
import { editDistance } from '../schema/strict.js';

/**
 * Model names checked against the bundled price table (@pydantic/genai-prices), which lists the models each vendor
 * sells. A name the table does not match is not an error (a model newer than the table is real), but it is said
 * aloud with the nearest known name: `openai:gpt-4o-mni` would otherwise run with an unknown price and fail at the
 * vendor on every call.
 */

/** Our provider kinds that the table covers, and its ids for them. */
const TABLE_PROVIDERS = { openai: 'openai', anthropic: 'anthropic', google: 'google' } as const;
type TableKind = keyof typeof TABLE_PROVIDERS;
const isTableKind = (k: string): k is TableKind => k in TABLE_PROVIDERS;

/** Names a match rule accepts literally (`equals`, and `starts_with` prefixes, which are model names themselves). */
function literalNames(m: MatchLogic, out: Set<string>): void {
  if ('equals' in m) out.add(m.equals);
  else if ('starts_with' in m) out.add(m.starts_with);
  else if ('or' in m) for (const x of m.or) literalNames(x, out);
  else if ('and' in m) for (const x of m.and) literalNames(x, out);
}

const namesCache = new Map<TableKind, string[]>();

/** The model names the price table knows for a vendor (ids and the literal names its match rules accept). */
export function knownModelNames(kind: TableKind): string[] {
  let names = namesCache.get(kind);
  if (!names) {
    const set = new Set<string>();
    for (const m of findProvider({ providerId: TABLE_PROVIDERS[kind] })?.models ?? []) {
      if (!m.id.endsWith('-')) set.add(m.id);
      literalNames(m.match, set);
    }
    names = [...set].filter((n) => !n.endsWith('-') && !n.includes('/')).sort();
    namesCache.set(kind, names);
  }
  return names;
}

/** The known name nearest to `name` (edit distance at most a third of its length), or undefined. */
export function nearestModelName(name: string, known: readonly string[]): string | undefined {
  let best: { n: string; d: number } | undefined;
  for (const n of known) {
    const d = editDistance(name.toLowerCase(), n.toLowerCase());
    if (!best || d < best.d || (d === best.d && n.length < best.n.length)) best = { n, d };
  }
  return best && best.d > 0 && best.d <= Math.max(1, Math.floor(name.length / 3)) ? best.n : undefined;
}

/** Whether the price table matches this vendor model name. */
export function tableKnows(kind: TableKind, model: string): boolean {
  return calcPrice({ input_tokens: 1, output_tokens: 1 }, model, { providerId: TABLE_PROVIDERS[kind] }) !== null;
}

/**
 * One warning per vendor model the price table does not know. Local servers (openai-compatible, or any model with
 * its own baseUrl) name models freely and are not checked.
 */
export function modelNameWarnings(models: readonly ModelSpec[]): string[] {
  const out: string[] = [];
  for (const spec of models) {
    if (!isTableKind(spec.kind) || spec.baseUrl || tableKnows(spec.kind, spec.model)) continue;
    const near = nearestModelName(spec.model, knownModelNames(spec.kind));
    out.push(`model ${modelKey(spec)} is not in the price table (${PRICE_TABLE_VERSION})` +
      (near ? `: did you mean ${spec.kind}:${near}?` : `; no known ${spec.kind} model has a similar name (\`cxbench list models\` shows how to write one)`) +
      (spec.prices ? ' Its price comes from the model entry.' : ' If the name is right, its price is unknown: set prices in the model entry.'));
  }
  return out;
}
