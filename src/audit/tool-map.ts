import type { InputProblem } from '../core/errors.js';
import { toolClassOf, ToolClassMapSchema, type ToolClassMap } from '../approaches/tool-classes.js';
import { loadFile } from '../schema/load.js';
import { toolNamesOf, type AuditRecord } from './record.js';

/** Reads a `--tool-classes` YAML map (tool name -> read | write | escalate | record). */
export function loadToolClassMap(file: string): ToolClassMap {
  return loadFile(file, ToolClassMapSchema);
}

/**
 * Every tool the agents called must have a class (from the map, or a bundled cxbench tool): scorers read classes,
 * so an unclassed tool would silently count as nothing. One problem lists every unmapped name with where it is first
 * used. Expected writes in the ground truth must name tools of class `write`, or they could never be matched.
 */
export function toolClassProblems(records: AuditRecord[], map: ToolClassMap, mapFile: string | undefined, allowUnmapped: boolean): InputProblem[] {
  const r = { toolClasses: map };
  const problems: InputProblem[] = [];
  const firstUse = new Map<string, AuditRecord>();
  for (const rec of records) for (const name of toolNamesOf(rec)) if (toolClassOf(name, r) === undefined && !firstUse.has(name)) firstUse.set(name, rec);
  if (firstUse.size && !allowUnmapped) {
    const where = [...firstUse].map(([name, rec]) => `${name} (first at ${rec.file}:${rec.line})`).join(', ');
    problems.push({
      file: mapFile ?? 'command line',
      path: mapFile ? '' : '--tool-classes',
      expected: mapFile
        ? `a class (read, write, escalate or record) for every tool the agent called; add them to ${mapFile} or pass --allow-unmapped`
        : 'a --tool-classes <yaml> map giving a class (read, write, escalate or record) to every tool the agent called, or --allow-unmapped',
      found: `${firstUse.size} tool(s) with no class: ${where}`,
    });
  }
  for (const rec of records) {
    (rec.truth?.actions?.writes ?? []).forEach((w, i) => {
      const cls = toolClassOf(w.tool, r);
      // A tool already listed as unmapped is not reported twice.
      if (cls !== 'write' && !(cls === undefined && firstUse.has(w.tool) && !allowUnmapped)) {
        problems.push({
          file: rec.file, line: rec.line, path: `expected_writes.${i}.tool`,
          expected: `a tool of class write${mapFile ? ` in ${mapFile}` : ''} (only writes are compared)`,
          found: `${JSON.stringify(w.tool)} (${cls ? `class ${cls}` : 'no class'})`,
        });
      }
    });
  }
  return problems;
}
