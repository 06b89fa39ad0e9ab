/**
 * A small least-recently-used map whose entries also expire after `ttlMs`.
 * Reads refresh an entry's place, not its age.
 */
export class TtlCache<V> {
  private readonly entries_ = new Map<string, { at: number; value: V }>()

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries_.get(key)
    if (!entry) {
      return undefined
    }
    this.entries_.delete(key)
    if (Date.now() - entry.at > this.ttlMs) {
      return undefined
    }
    this.entries_.set(key, entry)
    return entry.value
  }

  set(key: string, value: V): void {
    this.entries_.delete(key)
    this.entries_.set(key, { at: Date.now(), value })
    if (this.entries_.size > this.maxEntries) {
      const oldest = this.entries_.keys().next().value
      if (oldest !== undefined) {
        this.entries_.delete(oldest)
      }
    }
  }

  delete(key: string): void {
    this.entries_.delete(key)
  }

  clear(): void {
    this.entries_.clear()
  }

  get size(): number {
    return this.entries_.size
  }
}

/**
 * The cached promise of `key`, or a new one from `load`, cached until it
 * expires; a rejected load is forgotten so the next call tries again.
 */
export function remember<T>(
  cache: TtlCache<Promise<T>>,
  key: string,
  load: () => Promise<T>
): Promise<T> {
  let pending = cache.get(key)
  if (!pending) {
    pending = load()
    cache.set(key, pending)
    pending.catch(() => cache.delete(key))
  }
  return pending
}
