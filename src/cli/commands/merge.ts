import type { Command } from 'commander';

export function registerMerge(program: Command): void {
  program.command('merge')
    .description('pool shard databases (from `run --shard i/n` on several machines) into one; refuses shards run with different settings')
    .argument('<out>', 'target database, created if missing (use <folder>/cxbench.duckdb to report on it with -o <folder>)')
    .argument('<shards...>', 'shard databases to merge (read-only; merging the same shard twice adds nothing)')
    .action(async (out: string, shards: string[]) => {
      const { mergeShards } = await import('../../store/merge.js');
      const s = await mergeShards(out, shards);
      const line = (x: string): boolean => process.stdout.write(x + '\n');
      for (const r of s.shards) {
        line(`${r.path}: ${r.cellsInShard} cells, ${r.cellsAdded} added, ${r.cellsReplaced} replaced infrastructure failures, ${r.runsAdded} runs added`);
      }
      line(`${s.out}: ${s.cellsBefore} cells before, ${s.cellsAfter} after`);
      line('analysis tables are not merged: rebuild them with `cxbench report -o <folder of the merged database>`');
    });
}
