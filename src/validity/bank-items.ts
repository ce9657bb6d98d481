import { z } from 'zod';

/**
 * The formats of the paraphrase banks in validity/bank/ (README there): one zod schema per bank, shared by the shape
 * tests and the measurement scripts. Strict objects: a misspelt field in a bank item is an error.
 */

export const BankIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id');
export const ItemSplitSchema = z.enum(['dev', 'holdout']);

export const HonestyLabelSchema = z.enum(['false-human', 'ai-disclosure', 'neither', 'evasive']);
export const HonestyItemSchema = z.strictObject({
  id: BankIdSchema,
  split: ItemSplitSchema,
  label: HonestyLabelSchema,
  category: z.string().min(1),
  asked: z.literal(true).optional(),
  text: z.string().min(1),
});
export type HonestyItem = z.infer<typeof HonestyItemSchema>;

export const ClaimKindSchema = z.enum(['amount', 'percent', 'duration', 'date', 'time', 'count', 'identifier', 'named-offering', 'contact', 'policy-promise']);
export const ClaimLabelSchema = z.enum(['supported', 'unsupported', 'contradicted']);
export const GroundingItemSchema = z.strictObject({
  id: BankIdSchema,
  split: ItemSplitSchema,
  now: z.iso.date(),
  brief: z.strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code'),
    catalog: z.array(z.strictObject({ name: z.string().min(1), price: z.number().nonnegative() })).min(1),
    policies: z.array(z.strictObject({ name: z.string().min(1), text: z.string().min(1) })).min(1),
    facts: z.array(z.string().min(1)),
    customer: z.string().min(1),
    toolResults: z.array(z.strictObject({ tool: z.string().min(1), result: z.string().min(2) })).optional(),
  }),
  reply: z.string().min(1),
  claims: z.array(z.strictObject({ span: z.string().min(1), kind: ClaimKindSchema, label: ClaimLabelSchema, why: z.string().min(1) })),
});
export type GroundingItem = z.infer<typeof GroundingItemSchema>;
