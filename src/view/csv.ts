/**
 * CSV for downloads (RFC 4180). Text that came from a model can start with = + - @ and be run as a formula by a
 * spreadsheet: such text cells get a leading apostrophe. Numbers are written as numbers; null is an empty cell.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else if (typeof v === 'object') s = JSON.stringify(v);
  else {
    s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: unknown[]): string => `${values.map(csvCell).join(',')}\r\n`;
