import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from './definitions.js';
import type { Row } from './query.js';
import { safeIdPart } from './escape.js';

/**
 * Labels are never cut: vega-lite's default limit of 180 px turned two-arm model names into "openai-compatible:dem…"
 * rows nobody could tell apart. A spec may still set its own limits; these are only the defaults.
 */
const FULL_LABELS = { axis: { labelLimit: 0 }, legend: { labelLimit: 0 }, header: { labelLimit: 0 } };

/** The chart's Vega-Lite spec with the query rows injected as inline values (the spec file never names a data source). */
export function withValues(spec: VegaLiteSpec, rows: Row[]): VegaLiteSpec {
  const own = (spec.config ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const config: Record<string, unknown> = { ...own };
  for (const [k, v] of Object.entries(FULL_LABELS)) config[k] = { ...v, ...(own[k] ?? {}) };
  return { ...spec, config, data: { values: rows } };
}

/**
 * A logger that keeps vega and vega-lite warnings with the chart instead of printing them: they are advice for the
 * chart author (shown in the build result), not noise for every `cxbench report` run. Errors still throw.
 */
function collectingLogger(warnings: string[]): vega.LoggerInterface {
  return vega.logger(vega.Warn, undefined, (method, _level, args) => {
    const text = args.map(String).join(' ');
    if (method === 'error') throw new Error(text);
    warnings.push(text);
  });
}

export interface SvgResult { svg: string; warnings: string[] }

/** Vega-Lite -> Vega -> SVG string, headless: renderer 'none' needs no canvas; vega escapes every text it writes. */
export async function renderSvg(spec: VegaLiteSpec, idPrefix: string): Promise<SvgResult> {
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  // vega-lite checks the spec while compiling; a broken chart definition fails here with vega-lite's message.
  const compiled = compile(spec as unknown as TopLevelSpec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  try {
    return { svg: prefixIds(await view.toSVG(), idPrefix), warnings: [...new Set(warnings)] };
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers clip paths and gradients from 1 in every process and browser, so two inline SVGs (or a static and an
 * interactive copy) on one page would share `clip1` and clip each other. Prefix the ids each SVG defines.
 */
export function prefixIds(svg: string, prefix: string): string {
  const p = safeIdPart(prefix);
  const defined = new Set<string>();
  // Tags never contain a raw '<', while text content has it escaped, so this only sees real attributes.
  const out = svg.replace(/(<[a-zA-Z][^<>]*?\s)id="([^"]+)"/g, (_m, head: string, id: string) => {
    defined.add(id);
    return `${head}id="${p}-${id}"`;
  });
  if (defined.size === 0) return out;
  return out.replace(/url\(#([^)]+)\)/g, (m, id: string) => (defined.has(id) ? `url(#${p}-${id})` : m));
}
