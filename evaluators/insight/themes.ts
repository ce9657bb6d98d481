import { z } from 'zod';
import type { FeedbackCorpus } from '../../src/schema/datasets.js';

/**
 * Matching submitted themes to gold themes (documented rule, version 1):
 *  1. Normalise: lower case, non-alphanumerics to spaces, light plural stemming (ies→y, ses/xes/ches/shes→drop es, s→drop).
 *  2. A submitted label that equals a gold theme's id or label (normalised) is an exact match (score 100).
 *  3. Otherwise score = number of the gold theme's keywords that occur as a token sequence in the submitted label
 *     + number of content tokens the submitted label shares with the gold label. Score >= 1 is a match.
 *  4. Best score wins; ties go to the gold theme carried by most of the theme's cited evidence items, then to gold order.
 * Only the label is matched (not root cause or action): the label is where the agent names the theme.
 */

export const SubmittedThemeSchema = z.object({
  label: z.string().min(1),
  sentiment: z.string().optional(),
  rootCause: z.string().optional(),
  evidenceIds: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  action: z.string().optional(),
});
export type SubmittedTheme = z.infer<typeof SubmittedThemeSchema>;
export type GoldTheme = FeedbackCorpus['themes'][number];

const STOP = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'with', 'in', 'on', 'for', 'to', 'about', 'issue', 'issues', 'problem', 'problems', 'complaint', 'complaints', 'customer', 'customers']);

const stem = (w: string): string => {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
};

export const tokens = (s: string): string[] => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).map(stem);
const contentTokens = (s: string): string[] => tokens(s).filter((t) => !STOP.has(t));
const joined = (s: string): string => tokens(s).join(' ');

function containsSequence(hay: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > hay.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((n, j) => hay[i + j] === n)) return true;
  return false;
}

export function themeScore(label: string, g: GoldTheme): number {
  const l = joined(label);
  if (l === joined(g.id) || l === joined(g.label)) return 100;
  const lt = tokens(label);
  const kw = g.keywords.filter((k) => containsSequence(lt, tokens(k))).length;
  const glabel = new Set(contentTokens(g.label));
  const overlap = new Set(contentTokens(label).filter((t) => glabel.has(t))).size;
  return kw + overlap;
}

export interface ThemeMatch { gold: GoldTheme; score: number }

/** itemThemes: gold themes per corpus item id, for the evidence tie-break. */
export function matchTheme(t: SubmittedTheme, golds: GoldTheme[], itemThemes: Map<string, string[]>): ThemeMatch | null {
  const scored = golds.map((gold) => ({ gold, score: themeScore(t.label, gold) })).filter((x) => x.score >= 1);
  if (!scored.length) return null;
  const evidenceVotes = (g: GoldTheme): number => t.evidenceIds.filter((id) => itemThemes.get(id)?.includes(g.id)).length;
  scored.sort((a, b) => b.score - a.score || evidenceVotes(b.gold) - evidenceVotes(a.gold));
  return scored[0]!;
}
