import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.js';
import type { PlannedCell } from './cells.js';

/** One of `count` disjoint slices of the plan; `index` is 1-based, as written on the command line (`--shard 2/3`). */
export interface Shard {
  index: number;
  count: number;
}

const problem = (found: string, expected: string): InputError =>
  new InputError(`invalid --shard "${found}": ${expected}`, [{ file: 'command line', path: '--shard', expected, found: found || 'nothing' }]);

/** Parses `i/n` with integers 1 <= i <= n; anything else is a usage error (exit 2) that says what was expected. */
export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw problem(spec, 'i/n, two whole numbers such as 2/3');
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw problem(spec, 'a shard count n of at least 1');
  if (index < 1 || index > count) throw problem(spec, `a shard index i between 1 and ${count}`);
  return { index, count };
}

export const formatShard = (s: Shard): string => `${s.index}/${s.count}`;

/**
 * The shard (1-based) a cell key belongs to: the first 8 hex digits (32 bits) of sha256(cell key), as an unsigned
 * integer, modulo n, plus one. It depends on the key alone, never on plan order or on what a database holds, so every
 * machine computes the same partition, the n shards are disjoint and together cover every cell. The key is hashed
 * again (it already is a hash prefix) so the partition stays uniform even if the key format changes.
 */
export function shardOfKey(cellKey: string, count: number): number {
  const h = Number.parseInt(createHash('sha256').update(cellKey).digest('hex').slice(0, 8), 16);
  return (h % count) + 1;
}

/** A `RunOptions.filter` keeping the cells of one shard. */
export const inShard = (s: Shard) => (pc: PlannedCell): boolean => shardOfKey(pc.cell.key, s.count) === s.index;
