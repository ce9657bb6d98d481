/**
 * Mail-merge: `{{field}}` replaced from a flat record; a missing field renders empty and the doubled spaces it leaves
 * are closed up, as a CRM template engine does.
 */
export function merge(template: string, fields: Record<string, string | number | undefined>): string {
  return template
    .replace(/\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g, (_m, k: string) => {
      const v = fields[k];
      return v === undefined ? '' : String(v);
    })
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.!?])/g, '$1')
    .trim();
}

/** "a, b and c" */
export function listing(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function money(amount: number, currency: string): string {
  return `${amount.toFixed(2)} ${currency}`;
}
