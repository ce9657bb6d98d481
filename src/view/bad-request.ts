import type { z } from 'zod';

/** A request the API cannot answer as asked (unknown parameter, bad value, unknown cell): HTTP 400 or 404. */
export class BadRequest extends Error {
  constructor(message: string, readonly status: 400 | 404 = 400) {
    super(message);
    this.name = 'BadRequest';
  }
}

/** Parses a query string with a strict zod object: each problem names the parameter and what it expects. */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) {
    if (k in raw) throw new BadRequest(`parameter ${k} is given twice`);
    raw[k] = v;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`;
    return `${i.path.join('.') || 'query'}: ${i.message}`;
  });
  throw new BadRequest(problems.join('; '));
}
