/** How long a product read is remembered. */
const REMEMBERED_MS = 60_000

/** Most products remembered at once; the oldest reads go first. */
const REMEMBERED_PRODUCTS = 10_000

type Read = { variantIds: Set<string>; readAt: number }

export type RecentProductReadsOptions = {
  ttlMs?: number
  maxProducts?: number
  now?: () => number
}

/**
 * The variant ids each product had when this process last read its document.
 * It answers one question exactly: is a new variant already in the indexed
 * document? Another process remembers nothing and reads the product again,
 * which is redundant, never wrong.
 */
export class RecentProductReads {
  // Map order is read order: `remember` re-inserts, so the oldest come first.
  private readonly reads = new Map<string, Read>()
  private readonly productOfVariant = new Map<string, string>()
  private readonly ttlMs: number
  private readonly maxProducts: number
  private readonly now: () => number

  constructor(options: RecentProductReadsOptions = {}) {
    this.ttlMs = options.ttlMs ?? REMEMBERED_MS
    this.maxProducts = options.maxProducts ?? REMEMBERED_PRODUCTS
    this.now = options.now ?? Date.now
  }

  /** Records the variants a read of the product found. */
  remember(productId: string, variantIds: string[]): void {
    this.forget(productId)
    this.reads.set(productId, {
      variantIds: new Set(variantIds),
      readAt: this.now(),
    })
    variantIds.forEach((id) => this.productOfVariant.set(id, productId))
    this.evict()
  }

  /** Drops what is known of the products (deleted, or not found by a read). */
  forget(...productIds: string[]): void {
    for (const productId of productIds) {
      const read = this.reads.get(productId)
      if (!read) {
        continue
      }
      this.reads.delete(productId)
      read.variantIds.forEach((id) => {
        if (this.productOfVariant.get(id) === productId) {
          this.productOfVariant.delete(id)
        }
      })
    }
  }

  /** Whether the last read of the variant's product, still fresh, found it. */
  sawVariant(variantId: string): boolean {
    const productId = this.productOfVariant.get(variantId)
    const read = productId ? this.reads.get(productId) : undefined
    return (
      !!read &&
      read.variantIds.has(variantId) &&
      this.now() - read.readAt < this.ttlMs
    )
  }

  /** How many products are remembered. */
  get size(): number {
    return this.reads.size
  }

  private evict(): void {
    const now = this.now()
    for (const [productId, read] of this.reads) {
      if (
        this.reads.size <= this.maxProducts &&
        now - read.readAt < this.ttlMs
      ) {
        return
      }
      this.forget(productId)
    }
  }
}
