import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The VADER sentiment lexicon (token -> mean valence), read once, lazily, from `vader_lexicon.txt` in the
 * vader-sentiment package: a tab-separated file (token, mean, std-dev, raw ratings). It holds the same 7,503 entries
 * and values as the lexicon the package's bundle embeds (when a token repeats, the later line wins, as in the bundle's
 * object literal). Resolved through Node's resolver so it loads the same from sources (tsx, vitest) and from `dist/`.
 */
let lexicon: ReadonlyMap<string, number> | undefined;

export function vaderLexicon(): ReadonlyMap<string, number> {
  if (lexicon) return lexicon;
  const file = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  const map = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const end = line.indexOf('\t', tab + 1);
    const value = Number(line.slice(tab + 1, end < 0 ? undefined : end));
    if (!Number.isFinite(value)) throw new Error(`vader lexicon: bad valence on line ${JSON.stringify(line)}`);
    map.set(line.slice(0, tab), value);
  }
  if (map.size < 7000) throw new Error(`vader lexicon: only ${map.size} entries read from ${file}`);
  lexicon = map;
  return map;
}
