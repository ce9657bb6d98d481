/** The report entry points the CLI (`cxbench report`, `cxbench report --compare A B`) calls. */
export { buildReport, type BuildReportOptions, type BuildReportResult, type ChartOutput } from './build.js';
export { buildComparison, compareRuns, type BuildComparisonOptions, type BuildComparisonResult, type CompareRow } from './compare.js';
