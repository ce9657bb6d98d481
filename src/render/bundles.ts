import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inlineScriptText } from './escape.js';

const require = createRequire(import.meta.url);

/**
 * The packages' `exports` maps block deep paths such as 'vega-embed/build/vega-embed.min.js', so resolve each entry
 * point and take the minified UMD bundle beside it. Order matters: vega-embed reads the globals vega and vegaLite.
 */
const BUNDLES = [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
] as const;

export interface Bundle { name: string; source: string }

let cache: Bundle[] | undefined;

export function vegaBundles(): Bundle[] {
  cache ??= BUNDLES.map(([pkg, file]) => ({
    name: pkg,
    source: inlineScriptText(readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8')),
  }));
  return cache;
}
