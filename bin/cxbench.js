#!/usr/bin/env node
// Entry point of the `cxbench` command. Runs the compiled CLI from dist/ (built by `npm ci` via `prepare`).
import { readFileSync } from 'node:fs';
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`cxbench needs Node >= 22, this is ${process.version}. Run it as \`npx cxbench\` or through npm scripts after \`npm ci\`.`);
  process.exit(2);
}
// A run allocates fast and keeps little (HTTP bodies, transcripts in flight). With V8's defaults that short-lived
// garbage is promoted and the heaps grow to several times their live size; glibc's per-thread malloc arenas add
// fragmentation. Measured over 2,000 cells (docs/performance.md): 406 MB peak by default, 268 MB with a 2 MB
// semi-space, a 1.25 heap-growing factor and two arenas. The growing factor costs speed (more major GCs: ≈ 6 % of wall
// time at 64 calls in flight) and saves ≈ 20 MB at 2,000 cells and ≈ 70 MB at 50,000: memory wins. Heap sizes are fixed when
// V8 starts and glibc reads its tunables at start-up, so `run` restarts itself once, in place (same process id, stdio
// and signals), with them. Where process.execve is missing (Windows) or the user set the flags, it runs as it is.
// The flags live in run-flags.json so that the benchmark's SDK floor runs under the same ones.
const hasFlag = (flag) => process.execArgv.some((a) => a.startsWith(flag)) || (process.env.NODE_OPTIONS ?? '').includes(flag);
if (process.argv[2] === 'run' && typeof process.execve === 'function' && !hasFlag('--max-semi-space-size')) {
  const RUN_FLAGS = JSON.parse(readFileSync(new URL('./run-flags.json', import.meta.url), 'utf8'));
  const env = { ...RUN_FLAGS.env, ...process.env };
  process.execve(process.execPath, [process.execPath, ...RUN_FLAGS.v8, ...process.execArgv, process.argv[1], ...process.argv.slice(2)], env);
}
import('../dist/src/cli/main.js').then((m) => m.main(process.argv)).catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/src/cli/main.js')) {
    console.error('cxbench is not built yet: run `npm run build` (npm ci does it automatically).');
    process.exit(2);
  }
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
