/**
 * tau-bench pass^k (Yao et al. 2024; methods.md 5.7): with n trials of a task and c successes, C(c, k) / C(n, k)
 * is the chance that k trials drawn without replacement all succeed; averaged over tasks.
 */
export function passHatK(c: number, n: number, k: number): number | null {
  if (k < 1 || n < k) return null;
  if (c < k) return 0;
  let v = 1;
  for (let i = 0; i < k; i++) v *= (c - i) / (n - i);
  return v;
}

/** Mean over tasks with at least k trials; null when no task has k trials. */
export function meanPassHatK(tasks: readonly { c: number; n: number }[], k: number): { value: number; nTasks: number } | null {
  let s = 0;
  let m = 0;
  for (const t of tasks) {
    const v = passHatK(t.c, t.n, k);
    if (v === null) continue;
    s += v;
    m++;
  }
  return m === 0 ? null : { value: s / m, nTasks: m };
}
