import { existsSync, globSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type InputProblem } from '../core/errors.js';
import { closestField } from '../schema/strict.js';
import type { Scenario } from '../schema/scenario.js';
import type { DatasetIndex } from './datasets.js';

/**
 * What a suite selects (persona-variant sets, approaches, scenario globs) checked against what exists, so a typo is
 * an error naming the valid choices instead of a study that silently runs less than was asked.
 */

/** ` (did you mean "x"?)` when a known name is close to `word`, else ''. */
export function didYouMean(word: string, known: readonly string[]): string {
  const near = closestField(word, known);
  return near ? ` (did you mean "${near}"?)` : '';
}

const SCENARIO_FILE = /\.(ya?ml|json)$/;
const GLOB_CHARS = /[*?[\]{}]/;

/** The scenario files one glob matches (YAML or JSON), sorted. */
export function filesOfGlob(glob: string): string[] {
  return globSync(glob).filter((f) => SCENARIO_FILE.test(f)).sort();
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => !n.startsWith('.') && statSync(join(dir, n)).isDirectory()).sort();
  } catch {
    return [];
  }
}

/** Folders (below `dir`, `dir` included) that hold scenario files, for the error's list of valid choices. */
function scenarioFolders(dir: string, limit = 12): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (out.length >= limit || depth > 3) return;
    let names: string[];
    try { names = readdirSync(d); } catch { return; }
    if (names.some((n) => SCENARIO_FILE.test(n))) out.push(d);
    for (const n of subfolders(d)) walk(join(d, n), depth + 1);
  };
  walk(dir, 0);
  return out;
}

/**
 * One problem for a glob that matches no scenario file: the folder that does not exist (with the nearest existing
 * name), or the folders that do hold scenario files.
 */
export function globProblem(glob: string, source: string, path: string): InputProblem {
  const parts = glob.split('/');
  const firstWild = parts.findIndex((p) => GLOB_CHARS.test(p));
  const literal = firstWild < 0 ? parts.length - 1 : firstWild;
  // The deepest folder of the glob's literal part that exists.
  let depth = 0;
  while (depth < literal && existsSync(parts.slice(0, depth + 1).join('/') || '/') && statSync(parts.slice(0, depth + 1).join('/') || '/').isDirectory()) depth++;
  const base = parts.slice(0, depth).join('/') || '.';
  let hint = '';
  if (depth < literal) {
    const near = closestField(parts[depth]!, subfolders(base));
    if (near) {
      const fixed = [...parts.slice(0, depth), near, ...parts.slice(depth + 1)].join('/');
      hint = filesOfGlob(fixed).length ? ` (did you mean "${fixed}"?)` : ` (did you mean the folder "${join(base, near)}"?)`;
    } else {
      hint = ` (there is no folder "${parts.slice(0, depth + 1).join('/')}")`;
    }
  }
  const folders = scenarioFolders(base === '.' && existsSync('scenarios') ? 'scenarios' : base);
  return {
    file: source,
    path,
    expected: folders.length
      ? `a glob matching scenario files (.yaml/.yml/.json); folders with scenario files: ${folders.join(', ')}`
      : 'a glob matching scenario files (.yaml/.yml/.json)',
    found: `"${glob}" matches no scenario file${hint}`,
  };
}

/** Every glob must match at least one scenario file; the files of all globs, deduplicated and sorted. */
export function scenarioFilesChecked(globs: string[], source: string, pathPrefix = 'scenarios'): string[] {
  const problems: InputProblem[] = [];
  const files = new Set<string>();
  globs.forEach((g, i) => {
    const matched = filesOfGlob(g);
    if (matched.length === 0) problems.push(globProblem(g, source, `${pathPrefix}.${i}`));
    for (const f of matched) files.add(f);
  });
  if (problems.length) {
    throw new InputError(problems.length === 1 ? `scenario glob ${problems[0]!.found}` : `${problems.length} scenario globs match no scenario file`, problems);
  }
  return [...files].sort();
}

/** Unknown persona-variant set ids are errors listing the sets the datasets define. */
export function checkVariantSets(wanted: 'all' | 'none' | string[], data: DatasetIndex, source: string, path: string): void {
  if (!Array.isArray(wanted)) return;
  const known = [...data.personaSets.keys()].sort();
  const valid = ['all', 'none', ...known].join(', ');
  const problems: InputProblem[] = wanted.flatMap((id, i) => (data.personaSets.has(id) ? [] : [{
    file: source, path: `${path}.${i}`, expected: `a persona-variant set: ${valid}`, found: `"${id}"${didYouMean(id, known)}`,
  }]));
  if (problems.length) {
    const names = problems.map((p) => p.found).join(', ');
    throw new InputError(`unknown persona-variant set ${names}; valid: ${valid} (see \`cxbench list variants\`)`, problems);
  }
}

/** Warnings for valid variant sets that no selected scenario uses (those cells run the baseline persona only). */
export function unusedVariantSets(wanted: 'all' | 'none' | string[], scenarios: Scenario[]): string[] {
  if (!Array.isArray(wanted)) return [];
  const used = new Set(scenarios.flatMap((s) => s.persona.variantSets));
  const unused = wanted.filter((id) => !used.has(id));
  if (unused.length === 0) return [];
  const all = unused.length === wanted.length;
  return [`persona-variant set${unused.length > 1 ? 's' : ''} ${unused.join(', ')}: no selected scenario uses ${unused.length > 1 ? 'them' : 'it'}` +
    (all ? '; every cell runs the baseline persona only, so the bias audit has nothing to compare' : '') +
    ` (sets the selected scenarios use: ${[...used].sort().join(', ') || 'none'})`];
}

/** Unknown approach ids are errors listing the valid ones, with the nearest. */
export function checkApproachIds(ids: string[], known: readonly string[], source: string, path: string): void {
  const problems: InputProblem[] = ids.flatMap((id, i) => (known.includes(id) ? [] : [{
    file: source, path: `${path}.${i}`, expected: `an approach id: ${known.join(', ')}`, found: `"${id}"${didYouMean(id, known)}`,
  }]));
  if (problems.length) throw new InputError(`unknown approach ${problems.map((p) => p.found).join(', ')}; valid: ${known.join(', ')} (see \`cxbench list approaches\`)`, problems);
}

/**
 * The selected approaches against the selected scenarios: none in common is an error (the run would plan no cell);
 * an explicitly chosen approach without scenarios is a warning.
 */
export function approachCoverage(selected: string[], explicit: boolean, scenarios: Scenario[], source: string): string[] {
  const have = new Set<string>(scenarios.map((s) => s.approach));
  const covered = selected.filter((a) => have.has(a));
  if (covered.length === 0) {
    throw new InputError(`no selected scenario is for the selected approach${selected.length > 1 ? 'es' : ''} ${selected.join(', ')}: the run would plan no cell`, [{
      file: source, path: source === 'command line' ? '--approaches' : 'approaches', expected: `an approach the selected scenarios are for: ${[...have].sort().join(', ')}`, found: selected.join(', '),
    }]);
  }
  if (!explicit) return [];
  const missing = selected.filter((a) => !have.has(a));
  return missing.length ? [`approach${missing.length > 1 ? 'es' : ''} ${missing.join(', ')}: no selected scenario is for ${missing.length > 1 ? 'them' : 'it'}, so ${missing.length > 1 ? 'they run' : 'it runs'} no cell`] : [];
}
