/**
 * A bounded most-recently-used set kept identically on both sides of a worker channel. Messages arrive in order and
 * both sides apply the same operation for each, so they agree on what the other side holds without asking: the
 * sender ships a large value (a resolved scenario) only the first time, or again after it was evicted.
 */
export class MirroredLru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** True when the key was held (it becomes the most recent); false when it must be shipped and added. */
  touch(key: string): boolean {
    const v = this.entries.get(key);
    if (v === undefined) return false;
    this.entries.delete(key);
    this.entries.set(key, v);
    return true;
  }

  get(key: string): V | undefined {
    return this.touch(key) ? this.entries.get(key) : undefined;
  }

  add(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
