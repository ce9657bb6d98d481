import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateJsonSchema, JSON_SCHEMAS } from '../../src/schema/json-schema.js';

describe('committed JSON Schemas', () => {
  for (const [name, schema] of Object.entries(JSON_SCHEMAS)) {
    it(`schemas/${name} matches the zod schema (regenerate with \`npx cxbench schema\`)`, () => {
      expect(readFileSync(`schemas/${name}`, 'utf8')).toBe(generateJsonSchema(schema, `cxbench ${name.replace('.schema.json', '')}`));
    });
  }
  it('describes scenario fields editors can complete', () => {
    const s = JSON.parse(readFileSync('schemas/scenario.schema.json', 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['id', 'approach', 'customer', 'facts', 'judging', 'bounds']));
  });
});
