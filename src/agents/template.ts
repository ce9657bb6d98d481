/**
 * `{{name.path}}` placeholders in strings and JSON bodies. A string that is exactly one placeholder takes the value as
 * it is (a list stays a list); a placeholder inside text is replaced by the value as text (objects as JSON). A
 * placeholder whose value is missing becomes an empty string in text and null as a whole value. Which roots a
 * template may use is checked when the suite file is loaded (src/schema/agents.ts).
 */
const WHOLE = /^\{\{\s*([^}]*?)\s*\}\}$/;
const INNER = /\{\{\s*([^}]*?)\s*\}\}/g;

export type TemplateVars = Record<string, unknown>;

export function lookup(vars: TemplateVars, path: string): unknown {
  let cur: unknown = vars;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const asText = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

/** Text with every placeholder replaced; `encode` escapes each value (URL components). */
export function renderText(template: string, vars: TemplateVars, encode: (s: string) => string = (s) => s): string {
  return template.replace(INNER, (_m, path: string) => encode(asText(lookup(vars, path))));
}

/** A JSON value (from YAML) with every placeholder replaced. */
export function renderValue(template: unknown, vars: TemplateVars): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) return lookup(vars, whole[1]!) ?? null;
    return renderText(template, vars);
  }
  if (Array.isArray(template)) return template.map((t) => renderValue(t, vars));
  if (template && typeof template === 'object') return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, renderValue(v, vars)]));
  return template;
}
