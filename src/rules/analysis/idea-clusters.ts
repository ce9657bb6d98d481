import { STOP_WORDS, stem, words } from '../text/tokens.js';

/** Words every idea uses and that group nothing ("we should add an option to..."). */
const IDEA_STOP = new Set([
  ...STOP_WORDS, 'idea', 'ideas', 'suggest', 'suggestion', 'propose', 'maybe', 'perhaps', 'add', 'adding', 'allow', 'option',
  'options', 'better', 'customer', 'customers', 'people', 'user', 'users', 'able', 'nice', 'great', 'good', 'really', 'lot',
  'lots', 'thing', 'things', 'something', 'way', 'ways', 'possible', 'feature', 'could', 'also', 'wish', 'love', 'think',
  'time', 'times', 'more', 'less', 'instead', 'every', 'many', 'when', 'should', 'offer', 'provide', 'give', 'help', 'easier',
]);

export interface IdeaCluster {
  keywords: string[];
  ideaIds: string[];
  texts: string[];
}

const termsOf = (text: string): Map<string, string> => {
  const m = new Map<string, string>();
  for (const w of words(text)) if (w.length > 2 && !IDEA_STOP.has(w)) { const s = stem(w); if (!m.has(s)) m.set(s, w); }
  return m;
};

/**
 * Greedy shared-keyword grouping: repeatedly take the keyword shared by the most unassigned ideas and group them.
 * Ties break alphabetically, so the result depends only on the texts.
 */
export function clusterIdeas(items: { id: string; text: string }[], maxClusters = 6): { clusters: IdeaCluster[]; rest: { id: string; text: string }[] } {
  const terms = items.map((it) => termsOf(it.text));
  const surface = new Map<string, Map<string, number>>();
  terms.forEach((t) => t.forEach((w, s) => { const m = surface.get(s) ?? new Map<string, number>(); m.set(w, (m.get(w) ?? 0) + 1); surface.set(s, m); }));
  const display = (s: string): string => [...(surface.get(s) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? s;

  const open = new Set(items.map((_, i) => i));
  const clusters: IdeaCluster[] = [];
  while (clusters.length < maxClusters && open.size) {
    const df = new Map<string, number>();
    for (const i of open) for (const s of terms[i]!.keys()) df.set(s, (df.get(s) ?? 0) + 1);
    const best = [...df].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (!best || best[1] < 2) break;
    const members = [...open].filter((i) => terms[i]!.has(best[0]));
    // A second keyword names the cluster more precisely when most members share it.
    const co = new Map<string, number>();
    for (const i of members) for (const s of terms[i]!.keys()) if (s !== best[0]) co.set(s, (co.get(s) ?? 0) + 1);
    const second = [...co].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const keywords = [display(best[0]), ...(second && second[1] * 2 >= members.length && second[1] >= 2 ? [display(second[0])] : [])];
    clusters.push({ keywords, ideaIds: members.map((i) => items[i]!.id), texts: members.map((i) => items[i]!.text) });
    for (const i of members) open.delete(i);
  }
  return { clusters, rest: [...open].map((i) => items[i]!) };
}
