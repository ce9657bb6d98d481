import { byKeys, groupBy, keyOf } from './group.js';
import { ALL, query } from './source.js';
import { defineTable, type RowOf } from './table.js';
import type { Store } from '../store/db.js';

export const COSTS = defineTable('costs', {
  approach: 'VARCHAR', model: 'VARCHAR', role: 'VARCHAR', n_conv: 'INTEGER', calls: 'INTEGER', tokens_in: 'DOUBLE', tokens_out: 'DOUBLE',
  cost_usd_total: 'DOUBLE', cost_per_conv: 'DOUBLE', cost_per_resolved: 'DOUBLE', resolved_rate: 'DOUBLE', price_sources: 'VARCHAR',
});
export type CostRow = RowOf<typeof COSTS.columns>;

/** Resolution counts per (approach, model) among done conversations, from the per-scenario sums the aggregates use. */
export interface ResolutionCount {
  approach: string;
  model: string;
  scored: number;
  resolved: number;
}

interface CallRow {
  approach: string;
  model: string;
  role: string;
  calls: number;
  unpriced: number;
  /** Calls whose token usage is unknown (NULL counters: an audited transcript without usage). */
  untokened: number;
  tin: number | null;
  tout: number | null;
  cost: number | null;
  sources: string[];
}

interface ConvRow {
  approach: string;
  model: string;
  n: number;
}

/**
 * Spend per approach x model x role (methods.md 6.2), a ledger weighted by conversation. Every conversation counts,
 * whatever its status, because failed and errored conversations were paid for: n_conv = all conversations of the
 * approach x model; cost_per_resolved = total spend / resolved done conversations (failures stay in the numerator).
 * tokens_in = uncached input + cache reads + cache writes. A call without a known price makes the total and both
 * ratios unknown (null, never $0); price_sources says how many and what the priced part came to. Likewise a call
 * without known token usage makes tokens_in and tokens_out unknown (null, never 0), with the count and the known part
 * in price_sources. resolved_rate is
 * the scenario-weighted rate of methods.md 5.1, the same number the aggregates show.
 */
export async function computeCosts(store: Store, resolution: readonly ResolutionCount[]): Promise<CostRow[]> {
  const calls = await query<CallRow>(store, `
    SELECT c.approach, c.model, mc.role, count(*)::INTEGER AS calls, count(*) FILTER (WHERE mc.cost_usd IS NULL)::INTEGER AS unpriced,
           count(*) FILTER (WHERE mc.input_tokens IS NULL)::INTEGER AS untokened,
           sum(mc.input_tokens + mc.cache_read_tokens + mc.cache_write_tokens)::DOUBLE AS tin, sum(mc.output_tokens)::DOUBLE AS tout,
           sum(mc.cost_usd)::DOUBLE AS cost, list_sort(list(DISTINCT mc.price_source)) AS sources
    FROM model_calls mc JOIN conversations c ON mc.cell_key = c.cell_key
    GROUP BY c.approach, c.model, mc.role`);
  const convs = await query<ConvRow>(store, `SELECT approach, model, count(*)::INTEGER AS n FROM conversations GROUP BY approach, model`);
  const nConv = new Map<string, number>();
  for (const c of convs) {
    nConv.set(keyOf(c.approach, c.model), c.n);
    nConv.set(keyOf(ALL, c.model), (nConv.get(keyOf(ALL, c.model)) ?? 0) + c.n);
  }
  const res = new Map<string, { scored: number; resolved: number; rates: number[] }>();
  for (const r of resolution) {
    for (const approach of [r.approach, ALL]) {
      const k = keyOf(approach, r.model);
      const acc = res.get(k) ?? { scored: 0, resolved: 0, rates: [] };
      acc.scored += r.scored;
      acc.resolved += r.resolved;
      if (r.scored > 0) acc.rates.push(r.resolved / r.scored);
      res.set(k, acc);
    }
  }
  const pooled = calls.map((c) => ({ ...c, approach: ALL }));
  const rows: CostRow[] = [];
  for (const group of groupBy([...calls, ...pooled], (c) => keyOf(c.approach, c.model, c.role)).values()) {
    const f = group[0]!;
    const n = nConv.get(keyOf(f.approach, f.model)) ?? 0;
    const total = group.reduce((s, c) => s + (c.cost ?? 0), 0);
    const unpriced = group.reduce((s, c) => s + c.unpriced, 0);
    const callCount = group.reduce((s, c) => s + c.calls, 0);
    const r = res.get(keyOf(f.approach, f.model));
    const sources = [...new Set(group.flatMap((c) => c.sources))].sort();
    if (unpriced > 0) sources.push(`${unpriced} of ${callCount} calls without a price: total unknown (priced part $${total.toFixed(4)})`);
    const known = unpriced === 0 ? total : null;
    const untokened = group.reduce((s, c) => s + c.untokened, 0);
    const tin = group.reduce((s, c) => s + (c.tin ?? 0), 0);
    const tout = group.reduce((s, c) => s + (c.tout ?? 0), 0);
    if (untokened > 0) sources.push(`${untokened} of ${callCount} calls without token usage: tokens unknown (known part ${tin} in, ${tout} out)`);
    rows.push({
      approach: f.approach, model: f.model, role: f.role, n_conv: n, calls: callCount,
      tokens_in: untokened === 0 ? tin : null, tokens_out: untokened === 0 ? tout : null,
      cost_usd_total: known, cost_per_conv: known !== null && n > 0 ? known / n : null,
      cost_per_resolved: known !== null && r && r.resolved > 0 ? known / r.resolved : null,
      resolved_rate: r && r.rates.length ? r.rates.reduce((s, x) => s + x, 0) / r.rates.length : null,
      price_sources: sources.join('; '),
    });
  }
  return rows.sort(byKeys((r) => r.approach ?? '', (r) => r.model ?? '', (r) => r.role ?? ''));
}
