import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * While a run lends its database to its store worker, DuckDB's file lock is briefly free (one thread closes the file,
 * the other opens it). This marker beside the file says the file is lent: another cxbench process that finds it, with
 * its process still alive, refuses to open the database itself instead of taking the lock from the run.
 */
export const handOffMarker = (dbPath: string): string => `${dbPath}.lent`;

export function markLent(dbPath: string): void {
  writeFileSync(handOffMarker(dbPath), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
}

export function clearLent(dbPath: string): void {
  rmSync(handOffMarker(dbPath), { force: true });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
};

/** The PID of another live process that has lent this database to its worker, if any (a dead one's marker is stale). */
export function lentBy(dbPath: string): number | undefined {
  let pid: unknown;
  try {
    pid = (JSON.parse(readFileSync(handOffMarker(dbPath), 'utf8')) as { pid?: unknown }).pid;
  } catch {
    return undefined;
  }
  return typeof pid === 'number' && pid !== process.pid && alive(pid) ? pid : undefined;
}
