// Fails loudly when the project's own Node (>= 22, installed by `npm ci` from the `node` package) is not the one running.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `cxbench needs Node >= 22 but this is ${process.version} (${process.execPath}).\n` +
      'Run commands through npm (`npm test`, `npm start`, `npx cxbench`) after `npm ci`, which installs Node 24 into node_modules/.bin.\n' +
      'If you installed with --ignore-scripts, run `npm rebuild node` to fetch the Node binary.'
  );
  process.exit(1);
}
