import { LruCache } from './lru-cache';

describe(LruCache.name, () => {
  let now = 0;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000;
  });

  it('returns what was stored until the time-to-live has passed', () => {
    const cache = new LruCache<string>(10, 500, clock);
    cache.set('paris', 'Paris');
    now += 499;
    expect(cache.get('paris')).toBe('Paris');
    now += 1;
    expect(cache.get('paris')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry beyond its bound', () => {
    const cache = new LruCache<number>(2, 10_000, clock);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('renews the time-to-live when a key is stored again', () => {
    const cache = new LruCache<number>(2, 100, clock);
    cache.set('a', 1);
    now += 80;
    cache.set('a', 2);
    now += 80;
    expect(cache.get('a')).toBe(2);
  });

  it('refuses a useless configuration', () => {
    expect(() => new LruCache(0, 100)).toThrow('maxEntries');
    expect(() => new LruCache(1, 0)).toThrow('ttlMs');
  });
});
