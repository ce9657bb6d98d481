import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../core/paths.js';
import { InputError } from '../core/errors.js';

/**
 * The phrasing bank the planted model speaks from (validity/bank/hallucination-templates.json). It was written by a
 * separate hand from the constructs' definitions, without sight of any detector (validity/bank/README.md), and each
 * template belongs to a split: `dev` phrasings may be used while developing instruments, `holdout` phrasings only to
 * measure them. The study uses the holdout split by default, so its figures are on phrasings no instrument was tuned on.
 */

export const BankSplitSchema = z.enum(['dev', 'holdout', 'all']);
export type BankSplit = z.infer<typeof BankSplitSchema>;

const TemplateSchema = z.strictObject({ id: z.string().min(1), split: z.enum(['dev', 'holdout']), text: z.string().min(1) });
export type BankTemplate = z.infer<typeof TemplateSchema>;

export const TEMPLATE_LISTS = [
  'wrongDuration', 'inventedOffering', 'offeringNames', 'wrongPrice', 'correctPrice', 'falseHuman', 'aiDisclosure', 'neitherOpener', 'unsupportedPromise',
] as const;
export type TemplateList = (typeof TEMPLATE_LISTS)[number];

export const PhrasingBankSchema = z.strictObject(
  Object.fromEntries(TEMPLATE_LISTS.map((k) => [k, z.array(TemplateSchema).min(1)])) as Record<TemplateList, z.ZodArray<typeof TemplateSchema>>,
);
export type PhrasingBank = z.infer<typeof PhrasingBankSchema>;

/** The bank's lists as plain strings, restricted to one split (invented offering names are split like templates). */
export type PhrasingLists = Record<TemplateList, string[]>;

export const bankFile = (): string => join(packageRoot(), 'validity', 'bank', 'hallucination-templates.json');

const cache = new Map<string, PhrasingLists>();

export function loadPhrasingBank(split: BankSplit, file = bankFile()): PhrasingLists {
  const k = `${file}|${split}`;
  const hit = cache.get(k);
  if (hit) return hit;
  let raw: unknown;
  try { raw = JSON.parse(readFileSync(file, 'utf8')); }
  catch (e) { throw new InputError(`${file}: cannot read the phrasing bank (${(e as Error).message})`, [{ file, path: '', expected: 'a JSON phrasing bank', found: 'unreadable' }]); }
  const parsed = PhrasingBankSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new InputError(`${file}: ${first.path.join('.')}: ${first.message}`, [{ file, path: first.path.join('.'), expected: first.message, found: 'invalid' }]);
  }
  const keep = (t: BankTemplate): boolean => split === 'all' || t.split === split;
  const lists = Object.fromEntries(TEMPLATE_LISTS.map((l) => {
    const xs = parsed.data[l].filter(keep).map((t) => t.text);
    if (xs.length === 0) throw new InputError(`${file}: no ${split} templates in ${l}`, [{ file, path: l, expected: `at least one ${split} template`, found: 'none' }]);
    return [l, xs];
  })) as Record<TemplateList, string[]>;
  cache.set(k, lists);
  return lists;
}
