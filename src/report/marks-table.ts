import type { Store } from '../store/db.js';
import type { Row } from '../render/query.js';
import { validityMark, type ValiditySource } from './validity-marks.js';

/**
 * A temporary table `report_marks (metric, level, mark, detail)` for this connection only (nothing is written to the
 * database file): the chart and table queries join it to label a panel or a row whose instrument is a screen, below
 * the bar or not measured. It lives as long as the connection; each build replaces it.
 */
export async function registerMarks(store: Store, metrics: readonly Row[], src: ValiditySource): Promise<number> {
  await store.exec('CREATE OR REPLACE TEMP TABLE report_marks (metric VARCHAR, level VARCHAR, mark VARCHAR, detail VARCHAR)');
  const ids = new Set([...metrics.map((m) => String(m.metric)), ...src.screens.keys(), ...src.rows.map((r) => String(r.metric))]);
  let n = 0;
  for (const metric of [...ids].sort()) {
    const mark = validityMark(metric, src);
    if (!mark) continue;
    await store.exec('INSERT INTO report_marks VALUES (?, ?, ?, ?)', [metric, mark.level, mark.text, mark.detail]);
    n++;
  }
  return n;
}
