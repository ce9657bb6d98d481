/** The report's only stylesheet: system fonts, print-friendly, no external assets. */
export const REPORT_CSS = `
:root { --fg:#1d2430; --muted:#5b6575; --line:#d9dee6; --bg:#fff; --accent:#2f5d9b; --warn:#9a3b00; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 1340px; margin: 0 auto; padding: 24px; }
header { border-bottom: 1px solid var(--line); margin-bottom: 16px; }
h1 { font-size: 26px; margin: 8px 0; } h2 { font-size: 21px; margin-top: 40px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 24px 0 4px; } h4 { margin: 12px 0 4px; }
.lead, .desc, .note { color: var(--muted); } .desc { margin: 0 0 8px; }
nav.toc ul { columns: 2; padding-left: 18px; }
figure.chart { margin: 0 0 28px; padding: 12px; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; background: #eef1f6; font-size: 12px; color: var(--muted); }
.badge.fallback, .status-infra-error, .status-agent-error { background: #fff1e6; color: var(--warn); }
.no-data { padding: 18px; border: 1px dashed var(--line); border-radius: 6px; color: var(--muted); background: #fafbfc; }
.error { padding: 12px; border: 1px solid var(--warn); color: var(--warn); border-radius: 6px; }
.table-wrap { overflow-x: auto; margin-bottom: 20px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ul.headlines li { margin-bottom: 4px; }
details.conv { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 10px; }
details.conv > summary { cursor: pointer; }
details.conv:target, details.conv[open] { border-color: var(--accent); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 12px; font-size: 13px; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
ol.transcript { list-style: none; padding: 0; }
li.msg { margin: 6px 0; padding: 6px 10px; border-radius: 6px; background: #f4f6f9; }
li.msg.speaker-agent { background: #eaf1fb; } li.msg.speaker-tool { background: #f7f3e8; font-size: 13px; }
li.msg .speaker { font-weight: bold; font-size: 12px; text-transform: uppercase; color: var(--muted); }
li.msg .text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul.evidence { margin: 4px 0 0; padding-left: 18px; font-size: 12px; }
.lead { margin: 4px 0 10px; }
nav.toc ul { columns: 4; }
table.decision { font-size: 12px; width: 100%; }
table.decision th, table.decision td { padding: 3px 5px; }
table.decision th { background: #f4f6f9; vertical-align: bottom; }
table.decision td small { display: block; color: var(--muted); font-size: 11px; line-height: 1.3; }
table.decision tr.pooled td { background: #f7f9fc; }
table.decision tr.group th { background: #fff; padding-top: 12px; font-weight: normal; color: var(--muted); }
table.decision .fig, table.decision td.approach { white-space: nowrap; }
table.decision td.verdict { min-width: 170px; }
table.decision th .mark { display: block; width: max-content; margin-top: 2px; font-weight: normal; }
td.tone-bad .fig { color: #a3261a; font-weight: 600; } td.tone-good .fig { color: #1f6b35; } td.tone-unknown .fig { color: var(--muted); font-style: italic; }
.mark { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 7px; white-space: nowrap; }
.mark-warn { background: #fff1e6; color: var(--warn); } .mark-unknown { background: #eef1f6; color: var(--muted); } .mark-ok { background: #eaf6ee; color: #1f6b35; }
.badge.baseline { background: #e8eef8; color: var(--accent); }
td.v-better strong { color: #1f6b35; } td.v-worse strong { color: #a3261a; }
td.v-too-few-scenarios strong, td.v-not-compared strong, td.v-no-clear-difference strong { color: var(--muted); }
ul.compact { margin: 4px 0 12px; padding-left: 18px; font-size: 13px; } ul.compact li { margin: 2px 0; }
ul.files { columns: 2; font-size: 13px; }
p.files-only { padding: 8px 12px; border: 1px dashed var(--line); border-radius: 6px; background: #fafbfc; }
@media print { figure.chart { break-inside: avoid; } }
`;
