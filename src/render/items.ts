import type { ChartMeta, TableMeta, VegaLiteSpec } from './definitions.js';
import type { Row } from './query.js';

/** rendered = drawn from data; no-data = the query ran (or its table is not built yet) and found nothing; error = a broken definition. */
export type ItemStatus = 'rendered' | 'no-data' | 'error';

export interface RenderedChart {
  kind: 'chart';
  id: string;
  meta: ChartMeta;
  status: ItemStatus;
  /** Why there is nothing to draw, shown in place of the chart. */
  note?: string;
  svg?: string;
  /** The Vega-Lite spec with its rows inlined, for the interactive section. */
  spec?: VegaLiteSpec;
  rowCount: number;
  warnings?: string[];
}

export interface RenderedTable {
  kind: 'table';
  id: string;
  meta: TableMeta;
  status: ItemStatus;
  note?: string;
  rows: Row[];
}

export type RenderedItem = RenderedChart | RenderedTable;

/** One headline: a label and a plain-text statement (escaped by whoever renders it, HTML or Markdown). */
export interface Headline { label: string; text: string }
export interface HeadlineBlock { title: string; items: Headline[]; note?: string }
