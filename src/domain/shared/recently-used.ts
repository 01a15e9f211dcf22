// A map that holds at most `most` values, the least recently used going first when a new one would
// pass that: what every per-process cache here keeps (a case's chronology, its evaluated profile, its
// event reading, pattern state and clock entries, a family's drawn genogram). A Map keeps its keys in
// the order they were set, so "used" means set again at the end.
export class RecentlyUsed<K, V> {
  readonly #values = new Map<K, V>();

  constructor(readonly most: number) {}

  /** The value kept for `key`, now the most recently used; undefined when none. */
  get(key: K): V | undefined {
    const value = this.#values.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  /** The value kept for `key`, without counting it as used. */
  peek(key: K): V | undefined {
    return this.#values.get(key);
  }

  /**
   * The value kept for `key`, no longer kept: for a value that is changed in place when used, so
   * that if using it throws, the half-changed value is not kept.
   */
  take(key: K): V | undefined {
    const value = this.#values.get(key);
    this.#values.delete(key);
    return value;
  }

  /** Keeps `value` for `key` as the most recently used, letting the least recently used go if there are now too many. */
  set(key: K, value: V): void {
    this.#values.delete(key);
    this.#values.set(key, value);
    if (this.#values.size > this.most) this.#values.delete(this.#values.keys().next().value!);
  }

  get size(): number {
    return this.#values.size;
  }
}
