#!/usr/bin/env node
// Entry point of the `cxbench` command. Runs the compiled CLI from dist/ (built by `npm ci` via `prepare`).
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`cxbench needs Node >= 22, this is ${process.version}. Run it as \`npx cxbench\` or through npm scripts after \`npm ci\`.`);
  process.exit(2);
}
import('../dist/src/cli/main.js').then((m) => m.main(process.argv)).catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/src/cli/main.js')) {
    console.error('cxbench is not built yet: run `npm run build` (npm ci does it automatically).');
    process.exit(2);
  }
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
