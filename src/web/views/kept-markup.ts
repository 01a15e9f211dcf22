// Markup kept while the object it was written from lives. A page's part that is made only from one
// object the application hands out and never changes (a frozen evaluated profile, a listed
// chronology) and from a few words of its own (the key: the case, the viewer's kind, the list's query)
// is written once for that object and key and given again after; a change to the case gives a new
// object, so the old markup is never shown again and goes with its object. Where the keys have no
// bound (a list's filters as typed), at most `most` are kept, the least recently used going first.
// A write that fails keeps nothing.

/** One piece of markup, where it is kept: by its key in its source's markup. */
interface Kept {
  html: string;
  key: string;
  of: WeakRef<Map<string, Kept>>;
}

export class KeptMarkup<Source extends object> {
  readonly #bySource = new WeakMap<Source, Map<string, Kept>>();
  readonly #most: number;
  /** With a bound: every piece kept, least recently used first. */
  readonly #used: Set<Kept> | undefined;

  /** `most`: the bound, where the keys have none of their own; without it, a piece lives exactly as long as its source. */
  constructor({ most }: { most?: number } = {}) {
    this.#most = most ?? Infinity;
    this.#used = most === undefined ? undefined : new Set();
  }

  /** The markup kept for `key` of `source`; else written now by `write`, then kept. */
  async markup(source: Source, key: string, write: () => Promise<string>): Promise<string> {
    const known = this.#bySource.get(source)?.get(key);
    if (known) {
      this.#used?.delete(known);
      this.#used?.add(known);
      return known.html;
    }
    const html = await write();
    let ofSource = this.#bySource.get(source);
    if (!ofSource) this.#bySource.set(source, (ofSource = new Map<string, Kept>()));
    const kept: Kept = { html, key, of: new WeakRef(ofSource) };
    // Written twice at once: the later one stands, and is counted once.
    const before = ofSource.get(key);
    if (before) this.#used?.delete(before);
    ofSource.set(key, kept);
    this.#used?.add(kept);
    if (this.#used && this.#used.size > this.#most) this.#letGo(this.#used.values().next().value!);
    return html;
  }

  #letGo(kept: Kept): void {
    this.#used?.delete(kept);
    const ofSource = kept.of.deref();
    if (ofSource?.get(kept.key) === kept) ofSource.delete(kept.key);
  }
}
