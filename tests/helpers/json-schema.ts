/**
 * A compact JSON Schema (draft-07) validator for the keywords promptfoo's config schema uses: type, properties,
 * required, additionalProperties, items, enum, const, anyOf/oneOf/allOf, $ref to #/definitions, propertyNames,
 * pattern, minLength, minItems, minimum, maximum, exclusiveMinimum. Any other keyword throws, so a refreshed schema
 * that starts using one is noticed instead of silently accepted. No validator package is installed in the project.
 */
type Schema = boolean | { [k: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'definitions', 'default', 'examples']);
const KNOWN = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', '$ref',
  'propertyNames', 'pattern', 'minLength', 'minItems', 'minimum', 'maximum', 'exclusiveMinimum']);

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const isType = (v: unknown, t: string): boolean =>
  t === 'integer' ? Number.isInteger(v) : t === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeOf(v) === t;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolveRef = (ref: string): Schema => {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    const defs = typeof root === 'object' ? (root['definitions'] as Record<string, Schema> | undefined) : undefined;
    const target = m ? defs?.[m[1]!] : undefined;
    if (target === undefined) throw new Error(`unsupported or dangling $ref ${ref}`);
    return target;
  };

  const check = (schema: Schema, v: unknown, path: string, out: string[]): void => {
    if (schema === true) return;
    if (schema === false) { out.push(`${path}: not allowed`); return; }
    for (const k of Object.keys(schema)) if (!KNOWN.has(k) && !ANNOTATIONS.has(k)) throw new Error(`unsupported keyword ${k} at ${path}`);
    const s = schema;
    if (typeof s['$ref'] === 'string') check(resolveRef(s['$ref']), v, path, out);
    if (s['type'] !== undefined) {
      const types = Array.isArray(s['type']) ? (s['type'] as string[]) : [s['type'] as string];
      if (!types.some((t) => isType(v, t))) { out.push(`${path}: expected ${types.join(' or ')}, found ${typeOf(v)}`); return; }
    }
    if (s['enum'] !== undefined && !(s['enum'] as unknown[]).some((e) => same(e, v))) out.push(`${path}: ${JSON.stringify(v)} is not one of the allowed values`);
    if (s['const'] !== undefined && !same(s['const'], v)) out.push(`${path}: expected ${JSON.stringify(s['const'])}`);
    if (typeof v === 'string') {
      if (typeof s['minLength'] === 'number' && [...v].length < s['minLength']) out.push(`${path}: shorter than ${s['minLength']}`);
      if (typeof s['pattern'] === 'string' && !new RegExp(s['pattern'], 'u').test(v)) out.push(`${path}: does not match ${s['pattern']}`);
    }
    if (typeof v === 'number') {
      if (typeof s['minimum'] === 'number' && v < s['minimum']) out.push(`${path}: below ${s['minimum']}`);
      if (typeof s['maximum'] === 'number' && v > s['maximum']) out.push(`${path}: above ${s['maximum']}`);
      if (typeof s['exclusiveMinimum'] === 'number' && v <= s['exclusiveMinimum']) out.push(`${path}: not above ${s['exclusiveMinimum']}`);
    }
    if (Array.isArray(v)) {
      if (typeof s['minItems'] === 'number' && v.length < s['minItems']) out.push(`${path}: fewer than ${s['minItems']} items`);
      if (s['items'] !== undefined) v.forEach((x, i) => check(s['items'] as Schema, x, `${path}[${i}]`, out));
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (s['properties'] ?? {}) as Record<string, Schema>;
      for (const r of (s['required'] ?? []) as string[]) if (!(r in obj)) out.push(`${path}: missing required property ${r}`);
      for (const [k, x] of Object.entries(obj)) {
        if (s['propertyNames'] !== undefined) check(s['propertyNames'] as Schema, k, `${path}.${k} (name)`, out);
        if (k in props) check(props[k]!, x, `${path}.${k}`, out);
        else if (s['additionalProperties'] !== undefined) {
          if (s['additionalProperties'] === false) out.push(`${path}: unknown property ${k}`);
          else check(s['additionalProperties'] as Schema, x, `${path}.${k}`, out);
        }
      }
    }
    if (Array.isArray(s['allOf'])) for (const sub of s['allOf'] as Schema[]) check(sub, v, path, out);
    const branches = (key: 'anyOf' | 'oneOf'): number | undefined => {
      if (!Array.isArray(s[key])) return undefined;
      return (s[key] as Schema[]).filter((sub) => { const e: string[] = []; check(sub, v, path, e); return e.length === 0; }).length;
    };
    const any = branches('anyOf');
    if (any === 0) out.push(`${path}: matches none of the anyOf alternatives`);
    const one = branches('oneOf');
    if (one !== undefined && one !== 1) out.push(`${path}: matches ${one} of the oneOf alternatives, expected exactly 1`);
  };

  check(root, value, '$', errors);
  return errors;
}
