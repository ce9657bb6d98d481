import { valsOfField, valsOfText, type Val } from './values.js';
import type { MaterialRecord } from './material.js';

/**
 * A read-tool result that is JSON: its numbers keep their field names ("total": 74 is an amount, "windowDays": 30 a
 * duration), and every object becomes a record named by its id-like and name-like fields, holding the values of
 * its whole subtree, so "order #W123 came to $89" is checked against that order, not against any number returned.
 */

const NAME_KEY = /(?:^|_|-)(?:id|name|number|code|sku|title|product|item|reference|ref|plan|tier|type)s?$|Id$|Name$|Number$|Code$/i;
/** An id-like string: letters and digits mixed, or a long digit run ("#W2378156", "HATHAT", "1000234"). */
const ID_LIKE = /^(?=.*\d)[A-Za-z0-9#][A-Za-z0-9#_-]{3,}$|^[A-Z0-9]{5,}$/;

export interface JsonMaterial {
  vals: Val[];
  records: MaterialRecord[];
}

export function jsonRecords(text: string, ref: string, turn: number, now = ''): JsonMaterial | undefined {
  const t = text.trim();
  if (!/^[[{]/.test(t)) return undefined;
  let data: unknown;
  try { data = JSON.parse(t); } catch { return undefined; }
  const records: MaterialRecord[] = [];
  let seq = 0;
  const walk = (node: unknown, key: string, path: string): Val[] => {
    if (typeof node === 'number') return Number.isFinite(node) ? valsOfField(key, node, `${ref}${path}`, turn) : [];
    if (typeof node === 'string') return valsOfText(node, now, `${ref}${path}`, turn).map((v) => ({ ...v, context: `${key} ${v.context}` }));
    if (Array.isArray(node)) {
      const inner = node.flatMap((x, i) => walk(x, key, `${path}[${i}]`));
      return [...inner, { kind: 'number', v: node.length, ref: `${ref}${path}`, turn, context: `number of ${key}` }];
    }
    if (node && typeof node === 'object') {
      const entries = Object.entries(node as Record<string, unknown>);
      const vals: Val[] = [];
      for (const [k, v] of entries) {
        const child = walk(v, k, `${path}.${k}`);
        vals.push(...child);
        // An object keyed by ids ({"W123": {...}}) names each child by its key.
        if (ID_LIKE.test(k) && v && typeof v === 'object') records.push({ ref: `${ref}${path}.${k}`, turn, names: [k.toLowerCase()], vals: child });
      }
      const names = entries.flatMap(([k, v]) => (typeof v === 'string' && (NAME_KEY.test(k) || ID_LIKE.test(v.trim())) && v.trim().length >= 3 ? [v.toLowerCase().trim()] : []));
      if (names.length) records.push({ ref: `${ref}${path || '#' + seq++}`, turn, names, vals });
      return vals;
    }
    return [];
  };
  const vals = walk(data, '', '');
  return { vals, records };
}
