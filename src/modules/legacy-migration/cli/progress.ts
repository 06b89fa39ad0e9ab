import type { ProgressEvent } from "../run/migrate"

const number = new Intl.NumberFormat("en-US")

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) {
    return "?"
  }
  const s = Math.round(seconds)
  return s >= 60
    ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`
    : `${s}s`
}

/** "orders  12,000 / 40,000  30%  8,512 docs/s  ETA 3s" */
export function progressLine(event: ProgressEvent): string {
  const seconds = event.elapsedMs / 1000
  const rate = seconds > 0 ? event.read / seconds : 0
  const share = event.total
    ? Math.min(100, (100 * event.processed) / event.total)
    : 100
  const left = Math.max(0, event.total - event.processed)
  const tail =
    event.phase === "done"
      ? `done in ${duration(seconds)}`
      : `ETA ${rate > 0 ? duration(left / rate) : "?"}`
  return [
    event.collection.padEnd(20),
    `${number.format(event.processed)} / ${number.format(event.total)}`.padStart(
      23
    ),
    `${share.toFixed(0)}%`.padStart(5),
    `${number.format(Math.round(rate))} docs/s`.padStart(15),
    tail,
  ].join("  ")
}

type Output = { write(text: string): unknown; isTTY?: boolean }

/**
 * Prints a progress line per collection: rewritten in place on a terminal,
 * otherwise one line at the start, every `every` documents, and at the end.
 */
export function progressPrinter(out: Output, every: number) {
  let lastLogged = 0
  return (event: ProgressEvent): void => {
    const line = progressLine(event)
    if (out.isTTY) {
      out.write(`\r${line}\u001b[K${event.phase === "done" ? "\n" : ""}`)
      return
    }
    if (event.phase === "start") {
      lastLogged = event.processed
    }
    const due =
      event.processed - lastLogged >= every && event.processed < event.total
    if (event.phase !== "batch" || due) {
      lastLogged = event.processed
      out.write(`${line}\n`)
    }
  }
}
