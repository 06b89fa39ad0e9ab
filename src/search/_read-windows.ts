/** How long a window stays open for the events delivered with its first one. */
const WINDOW_MS = 5

/** Most ids one window reads: a page of the batched product reads. */
const WINDOW_SIZE = 1000

export type ReadWindowsOptions = { delayMs?: number; maxIds?: number }

/** Reads a window's ids at once. */
export type WindowRead<R> = (ids: string[]) => Promise<R>

/** An event's share of a window: only the event that opened it `leads`. */
export type WindowPart<R> = { leads: boolean; result: Promise<R> }

type Window<R> = {
  ids: Set<string>
  read: WindowRead<R>
  result: Promise<R>
  start: (read: Promise<R>) => void
  timer?: ReturnType<typeof setTimeout>
}

const ignore = () => undefined

/**
 * Coalesces the ids of events that arrive within a few milliseconds into one
 * read. An id claimed in the open window is not claimed again; a window, once
 * reading, takes no more ids, so a later event that needs a fresh read opens
 * the next window.
 */
export class ReadWindows<R> {
  private open: Window<R> | undefined
  private readonly reading = new Map<string, Promise<void>>()
  private readonly delayMs: number
  private readonly maxIds: number

  constructor(options: ReadWindowsOptions = {}) {
    this.delayMs = options.delayMs ?? WINDOW_MS
    this.maxIds = options.maxIds ?? WINDOW_SIZE
  }

  /**
   * Claims `ids` in the open window, or in a new one read by `read`, and
   * returns the windows the event takes part in. Ids claimed earlier in the
   * open window, and those `covered` says need no read, are left out.
   * Synchronous, so what was checked is what gets claimed.
   */
  join(
    ids: string[],
    read: WindowRead<R>,
    covered: (id: string) => boolean = () => false
  ): WindowPart<R>[] {
    const parts: WindowPart<R>[] = []
    const open = this.open
    const claimed = !!open && ids.some((id) => open.ids.has(id))
    if (open && claimed) {
      parts.push({ leads: false, result: open.result })
    }
    const fresh = [...new Set(ids)].filter(
      (id) => !open?.ids.has(id) && !covered(id)
    )
    if (!fresh.length) {
      return parts
    }
    if (open && open.ids.size + fresh.length > this.maxIds) {
      this.flush(open)
    }
    const leads = !this.open
    const window = this.open ?? this.openWindow(read)
    fresh.forEach((id) => window.ids.add(id))
    if (!claimed || leads) {
      parts.push({ leads, result: window.result })
    }
    if (window.ids.size >= this.maxIds) {
      this.flush(window)
    }
    return parts
  }

  /**
   * Resolves once the windows that are open or reading now, those holding
   * one of `ids` when given, have read, whether or not the read succeeded.
   */
  async settled(ids?: string[]): Promise<void> {
    const wanted = ids && new Set(ids)
    const pending = new Set<Promise<unknown>>()
    const open = this.open
    if (open && (!wanted || [...wanted].some((id) => open.ids.has(id)))) {
      pending.add(open.result.then(ignore, ignore))
    }
    for (const [id, read] of this.reading) {
      if (!wanted || wanted.has(id)) {
        pending.add(read)
      }
    }
    await Promise.all(pending)
  }

  private openWindow(read: WindowRead<R>): Window<R> {
    let start!: (read: Promise<R>) => void
    const result = new Promise<R>((resolve) => {
      start = resolve
    })
    const window: Window<R> = { ids: new Set(), read, result, start }
    window.timer = setTimeout(() => this.flush(window), this.delayMs)
    this.open = window
    return window
  }

  private flush(window: Window<R>): void {
    clearTimeout(window.timer)
    if (this.open === window) {
      this.open = undefined
    }
    const ids = [...window.ids]
    const read = Promise.resolve().then(() => window.read(ids))
    const done = read.then(ignore, ignore)
    ids.forEach((id) => this.reading.set(id, done))
    void done.then(() =>
      ids.forEach((id) => {
        if (this.reading.get(id) === done) {
          this.reading.delete(id)
        }
      })
    )
    window.start(read)
  }
}
