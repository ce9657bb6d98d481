/** RFC 4180 CSV: quoted fields, doubled quotes, CR/LF inside quotes, a leading BOM ignored. Returns rows of cells. */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.cells);
}

/** As parseCsv, with the line each row starts on (1-based), so errors can name it even after quoted line breaks. */
export function parseCsvRows(text: string): { cells: string[]; line: number }[] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else {
        cell += ch;
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.some((c) => c !== '')) rows.push({ cells: row, line: rowLine });
      row = [];
      line++;
      rowLine = line;
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c !== '')) rows.push({ cells: row, line: rowLine });
  return rows;
}

/** The header row names the columns: one record per following row (missing cells are empty strings). */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(text);
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}
