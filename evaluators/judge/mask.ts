import type { ResolvedScenario } from '../../src/plan/material.js';

/** What a judge must never see: the persona's names and the demographic statement a variant adds. */
export interface MaskSpec {
  names: string[];
  statements: string[];
}

export const MASK_REPLACEMENT = 'the customer';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every name a transcript of this scenario can carry: the baseline persona and the variant's names, first, last and
 * full. Masking both covers transcripts whether or not the scenario was stored with the variant applied.
 */
export function maskSpecFor(r: ResolvedScenario): MaskSpec {
  const pairs: [string | undefined, string | undefined][] = [
    [r.scenario.persona.firstName, r.scenario.persona.lastName],
    [r.variant.variant.firstName, r.variant.variant.lastName],
  ];
  const names = new Set<string>();
  for (const [first, last] of pairs) {
    if (first && last) names.add(`${first} ${last}`);
    if (first) names.add(first);
    if (last) names.add(last);
  }
  const statements = r.variant.variant.statement ? [r.variant.variant.statement] : [];
  return { names: [...names], statements };
}

/**
 * Replaces names with "the customer" and removes variant statements, so the judge cannot bring demographic bias of
 * its own into the bias metrics. Longest names first, so a full name becomes one "the customer", not two.
 */
export function maskText(text: string, spec: MaskSpec): string {
  let out = text;
  for (const s of spec.statements) out = out.split(s).join('');
  const names = spec.names.filter((n) => n.trim().length >= 2).sort((a, b) => b.length - a.length);
  for (const name of names) {
    // Unicode-aware word edges: \b fails on names such as "Zoë" or "Ngọc".
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name.trim()).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(re, MASK_REPLACEMENT);
  }
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}
