import type { UnitsChangedEventData } from "../events"

/** Shortest gap between two units-left announcements of one sale. */
export const UNITS_LEFT_INTERVAL_MS = 250

type Window = { itemIds: Set<string> }

/**
 * Coalesces a sale's units-left announcements: the first change is published
 * at once, the changes of the next `intervalMs` together when it ends, with
 * the units left at that moment. A rush of a thousand reservations a second
 * then costs a few reads and publications a second instead of a thousand,
 * and the last state is always published. Per process.
 */
export class UnitsLeftCoalescer {
  protected readonly windows_ = new Map<string, Window>()

  constructor(
    protected readonly publish_: (data: UnitsChangedEventData) => Promise<void>,
    protected readonly onError_: (error: unknown) => void,
    protected readonly intervalMs_ = UNITS_LEFT_INTERVAL_MS
  ) {}

  /** Publishes now, or at the end of the sale's current window. */
  async changed(data: UnitsChangedEventData): Promise<void> {
    const open = this.windows_.get(data.id)
    if (open) {
      data.item_ids.forEach((itemId) => open.itemIds.add(itemId))
      return
    }
    this.open_(data.id)
    await this.publish_(data)
  }

  protected open_(saleId: string): void {
    const window: Window = { itemIds: new Set() }
    this.windows_.set(saleId, window)
    setTimeout(() => void this.close_(saleId, window), this.intervalMs_).unref()
  }

  protected async close_(saleId: string, window: Window): Promise<void> {
    this.windows_.delete(saleId)
    if (!window.itemIds.size) {
      return
    }
    this.open_(saleId)
    try {
      await this.publish_({ id: saleId, item_ids: [...window.itemIds] })
    } catch (error) {
      this.onError_(error)
    }
  }
}
