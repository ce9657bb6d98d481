import { compact } from '../nlp/patterns.js';

/**
 * Ways one offering is written: "&" or "and", "programme" or "program", "FlexiCover" or "Flexi Cover", its head noun
 * swapped for another of the same kind ("Gold member", "Gold membership", "Gold tier"; "Family plan", "Family
 * package"), a plural ("deliveries pass" for "delivery pass"). Kept apart from the checker so the lists can be read.
 */

/** Head nouns that name the same kind of offering. */
const HEAD_GROUPS: readonly string[][] = [
  ['member', 'members', 'membership', 'memberships', 'tier', 'tiers', 'club', 'status', 'level', 'programme', 'program', 'scheme', 'rewards', 'loyalty'],
  ['plan', 'plans', 'package', 'packages', 'bundle', 'bundles', 'subscription', 'subscriptions', 'option', 'tariff', 'pack', 'edition'],
  ['cover', 'coverage', 'insurance', 'protection', 'warranty', 'guarantee', 'policy', 'shield'],
  ['pass', 'card', 'ticket'],
  ['add-on', 'addon', 'add on', 'extra', 'upgrade', 'perk', 'benefit'],
  ['fare', 'ticket', 'rate'],
];

/** Heads of the same kind as `head` (itself included). */
export function sameKindHeads(head: string): string[] {
  const h = head.toLowerCase();
  const out = new Set([h]);
  for (const g of HEAD_GROUPS) if (g.includes(h)) for (const x of g) out.add(x);
  return [...out];
}

/** Lower case, "&" as "and", "programme" as "program", hyphens as spaces. */
export const normalName = (s: string): string =>
  s.toLowerCase().replace(/\s*&\s*/g, ' and ').replace(/programme/g, 'program').replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ').trim();

/** Letters and digits only, after normalising: "Flexi-Cover" and "FlexiCover" meet. */
export const compactName = (s: string): string => compact(normalName(s));

/** Two words are forms of one ("delivery"/"deliveries", "insured"/"insurance", "flexible"/"Flexi"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 4) return false;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i >= 5 && i >= n - 3;
}

/**
 * Naming words a description of an offering may use for the material's own ("our loyalty scheme" for "Rewards
 * Club: earn points"): near-synonyms for what an offering is for, never for its name.
 */
const NAMING_GROUPS: readonly string[][] = [
  ['loyalty', 'rewards', 'reward', 'points'],
  ['insurance', 'cover', 'coverage', 'protection', 'insured'],
  ['breakdown', 'roadside', 'recovery'],
  ['instalment', 'installment', 'finance', 'financing', 'payment', 'payments', 'spread'],
  ['trade', 'swap', 'exchange'],
  ['student', 'students', 'campus', 'university', 'college'],
  ['senior', 'seniors', 'pensioner', 'pensioners', 'retired'],
  ['family', 'household', 'families'],
  ['kids', 'children', 'child', 'junior'],
];

/** Two naming words of one offering: forms of one word, or near-synonyms. */
export function sameNamingWord(a: string, b: string): boolean {
  if (sameWord(a, b)) return true;
  return NAMING_GROUPS.some((g) => g.some((w) => sameWord(w, a)) && g.some((w) => sameWord(w, b)));
}
