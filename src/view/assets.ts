/**
 * The viewer's front end: plain HTML, CSS and JavaScript modules in src/view/assets/, served from the package (no
 * build step, no CDN, nothing fetched from the network). Only files present when the server starts are served.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { packageRoot } from '../core/paths.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Asset { type: string; body: Buffer }

export const assetDir = (): string => join(packageRoot(), 'src', 'view', 'assets');

/** Every asset by URL path (/assets/<file>, and / for index.html), read once. */
export function loadAssets(dir = assetDir()): Map<string, Asset> {
  const out = new Map<string, Asset>();
  const walk = (sub: string): void => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) { walk(rel); continue; }
      const type = TYPES[extname(e.name)];
      if (type) out.set(`/assets/${rel}`, { type, body: readFileSync(join(dir, rel)) });
    }
  };
  walk('');
  const index = out.get('/assets/index.html');
  if (!index) throw new Error(`the viewer's index.html is missing from ${dir}`);
  out.set('/', index);
  return out;
}
