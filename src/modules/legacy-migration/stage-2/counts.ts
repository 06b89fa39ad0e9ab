import type { Stage2Counts, Stage2SkipReason } from "./types"

type Counter = Stage2Counts[string]

/** Running counters of the entities one stage-2 step handles. */
export class Stage2Tally {
  readonly counts: Stage2Counts = {}

  constructor(entities: readonly string[]) {
    for (const entity of entities) {
      this.counts[entity] = {
        source: 0,
        created: 0,
        present: 0,
        skipped: {},
        medusa: 0,
      }
    }
  }

  add(
    entity: string,
    field: "source" | "created" | "present" | "medusa",
    n = 1
  ) {
    this.entry(entity)[field] += n
  }

  skip(entity: string, reason: Stage2SkipReason, n = 1) {
    if (n <= 0) {
      return
    }
    const skipped = this.entry(entity).skipped
    skipped[reason] = (skipped[reason] ?? 0) + n
  }

  private entry(entity: string): Counter {
    const counter = this.counts[entity]
    if (!counter) {
      throw new Error(`Stage 2 does not count ${entity}`)
    }
    return counter
  }
}
