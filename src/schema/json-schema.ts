import { z } from 'zod';
import { ScenarioSchema } from './scenario.js';
import { SuiteConfigSchema } from './config.js';
import { DatasetFileSchema } from './datasets.js';

/** JSON Schemas generated from the zod schemas (the single source of truth) so editors autocomplete YAML. */
export const JSON_SCHEMAS = {
  'scenario.schema.json': ScenarioSchema,
  'config.schema.json': SuiteConfigSchema,
  'dataset.schema.json': DatasetFileSchema,
} as const;

export function generateJsonSchema(schema: z.ZodType, title: string): string {
  // io: 'input' — authors write the input shape, in which defaulted fields are optional.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return JSON.stringify({ ...json, title, $comment: 'Generated from src/schema by `cxbench schema`; do not edit by hand.' }, null, 2) + '\n';
}
