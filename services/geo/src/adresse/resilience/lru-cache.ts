/** Time source, injectable so tests can move time without sleeping. */
export type Clock = () => number;

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * Bounded LRU with a time-to-live. A Map keeps insertion order, so re-inserting on read makes the first key the
 * least recently used one: eviction is O(1) without a linked list. Expired entries are dropped lazily on read and
 * pushed out by the size bound, which is enough for an autocomplete cache of a few thousand answers.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: Clock = Date.now,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('maxEntries must be >= 1');
    if (!(ttlMs > 0)) throw new Error('ttlMs must be > 0');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
