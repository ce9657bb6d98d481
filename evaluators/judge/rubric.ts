import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Reads a rubric stored beside the module that uses it. The build (tsc) does not copy .md files into dist/, so when
 * running from dist/evaluators/... fall back to the same relative path in the source tree.
 */
export function loadRubric(moduleUrl: string, fileName: string): string {
  const here = path.join(path.dirname(fileURLToPath(moduleUrl)), fileName);
  if (existsSync(here)) return readFileSync(here, 'utf8');
  const source = here.replace(`${path.sep}dist${path.sep}`, path.sep);
  if (existsSync(source)) return readFileSync(source, 'utf8');
  throw new Error(`rubric ${fileName} not found beside ${here}`);
}
