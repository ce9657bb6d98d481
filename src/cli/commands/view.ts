import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { dbPath } from '../options.js';

interface ViewCliOptions {
  port: string;
  host: string;
}

export function registerView(program: Command): void {
  program.command('view')
    .description('browse one or more result databases in a local web viewer (loopback only, read-only, offline); Ctrl-C stops it')
    .argument('[db...]', `DuckDB files to open (default: ${dbPath('out')}); two or more can be compared row by row`)
    .option('--port <n>', 'port to listen on (0 = any free port)', '8765')
    .option('--host <address>', 'loopback address to listen on: 127.0.0.1, ::1 or localhost', '127.0.0.1')
    .action(async (dbs: string[], opts: ViewCliOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new InputError('--port must be a whole number from 0 to 65535', [{ file: 'command line', path: '--port', expected: 'an integer 0-65535', found: opts.port }]);
      }
      const { startViewer } = await import('../../view/server.js');
      const t0 = performance.now();
      const viewer = await startViewer({ paths: dbs.length ? dbs : [dbPath('out')], port, host: opts.host });
      process.stdout.write(`cxbench viewer: ${viewer.url} (${viewer.files.files.map((f) => f.path).join(', ')}; ready in ${Math.round(performance.now() - t0)} ms)\n`);
      process.stdout.write('read-only; the files stay free for a run between requests. Press Ctrl-C to stop.\n');
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void viewer.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
