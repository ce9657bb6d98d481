import { isAbsolute, relative, resolve } from 'node:path';
import type { MetricInfo } from '../score/types.js';
import type { DecisionPage, ExportLink, FileChart, InstrumentLine } from '../render/decision.js';
import { instrumentValidityRows } from '../analysis/instrument-validity.js';
import { missingTableHint } from '../render/query.js';
import { DECISION_METRICS, type DecisionData } from './decision-data.js';
import { flaggedGapLines, governanceRows } from './decision-governance.js';
import { managerRows } from './decision-managers.js';
import { validityMark, type ValiditySource } from './validity-marks.js';

/** The screens of the metric catalog (MetricInfo.screen): always labelled, never in headlines. */
export function screensOf(catalog: readonly MetricInfo[]): Map<string, string> {
  return new Map(catalog.flatMap((m) => (m.screen !== undefined ? [[m.id, m.screen] as [string, string]] : [])));
}

/**
 * The validity rows to mark figures with. Without an instrument_validity table every text instrument of the catalog
 * reads "validity not measured" (and screens stay screens): absence of a measurement is never shown as validity.
 */
export function validitySource(d: DecisionData, catalog: readonly MetricInfo[]): ValiditySource {
  const rows = d.missing.includes('instrument_validity')
    ? instrumentValidityRows(catalog, null).map((r) => ({ ...r, status: r.status === 'screen' ? 'screen' : 'not-measured',
      note: r.status === 'screen' ? r.note : 'this database has no instrument_validity table (`cxbench analyse` writes it from validity/measured.json)' }))
    : d.validity;
  return { rows, screens: screensOf(catalog) };
}

/** `npx cxbench view <database>`, the path relative to the working folder when it lies inside it. */
export function viewerCommand(dbPath: string | undefined): string {
  if (!dbPath || dbPath === ':memory:') return 'npx cxbench view';
  const rel = relative(process.cwd(), resolve(dbPath));
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(dbPath);
  return `npx cxbench view ${/^[\w./@:-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`}`;
}

/** The decision page from loaded data: pure, so the rows and their wording are tested without a database. */
export function decisionPageFrom(d: DecisionData, catalog: readonly MetricInfo[], extra: { exports: ExportLink[]; fileCharts: FileChart[]; dbPath?: string }): DecisionPage {
  const v = validitySource(d, catalog);
  const title = (metric: string): string => String(d.metrics.find((m) => m.metric === metric)?.title ?? catalog.find((m) => m.id === metric)?.title ?? metric);
  const shown = Object.values(DECISION_METRICS).filter((m) => d.aggregates.some((a) => a.metric === m));
  const instruments: InstrumentLine[] = shown.flatMap((metric) => {
    const mark = validityMark(metric, v);
    return mark ? [{ metric, title: title(metric), mark }] : [];
  });
  // Only the tables the page could not do without are worth a note; each names the command that writes it.
  const notes = d.missing.filter((t) => ['aggregates', 'comparisons', 'roi', 'bias_gaps', 'instrument_validity'].includes(t)).map(missingTableHint);
  return {
    managers: managerRows(d, v),
    governance: governanceRows(d, v),
    flagged: flaggedGapLines(d.biasFlagged),
    instruments,
    exports: extra.exports,
    fileCharts: extra.fileCharts,
    notes,
    viewerCommand: viewerCommand(extra.dbPath),
  };
}
