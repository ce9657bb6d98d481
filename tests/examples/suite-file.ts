import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A copy of an example suite file in a temporary folder, with its output moved there and literal strings replaced
 * (the example's fixed port or model URL by the loopback server the test started). Returns the file and the output.
 */
export function exampleSuite(example: string, replace: Record<string, string> = {}): { file: string; dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cxb-example-'));
  let text = readFileSync(example, 'utf8');
  for (const [from, to] of Object.entries(replace)) {
    if (!text.includes(from)) throw new Error(`${example} does not contain ${from}`);
    text = text.split(from).join(to);
  }
  text = text.replace(/^output: .*$/m, `output: ${join(dir, 'out')}`);
  const file = join(dir, 'suite.yaml');
  writeFileSync(file, text);
  return { file, dir, db: join(dir, 'out', 'cxbench.duckdb') };
}
