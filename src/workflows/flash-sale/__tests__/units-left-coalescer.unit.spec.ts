import { setTimeout as sleep } from "timers/promises"
import type { UnitsChangedEventData } from "../events"
import { UnitsLeftCoalescer } from "../utils/units-left-coalescer"

describe("UnitsLeftCoalescer", () => {
  it("publishes a sale's first change at once and the rest of the window together, last state included", async () => {
    const published: UnitsChangedEventData[] = []
    const coalescer = new UnitsLeftCoalescer(
      async (data) => {
        published.push(data)
      },
      (error) => {
        throw error
      },
      50
    )

    await coalescer.changed({ id: "fsale_a", item_ids: ["i1"] })
    expect(published).toEqual([{ id: "fsale_a", item_ids: ["i1"] }])
    // A rush inside the window, and another sale meanwhile.
    for (const itemId of ["i1", "i2", "i1", "i2"]) {
      await coalescer.changed({ id: "fsale_a", item_ids: [itemId] })
    }
    await coalescer.changed({ id: "fsale_b", item_ids: ["i9"] })
    expect(published).toHaveLength(2)

    await sleep(80)
    expect(published).toEqual([
      { id: "fsale_a", item_ids: ["i1"] },
      { id: "fsale_b", item_ids: ["i9"] },
      { id: "fsale_a", item_ids: ["i1", "i2"] },
    ])
    // A quiet window publishes nothing; the next change goes out at once.
    await sleep(80)
    expect(published).toHaveLength(3)
    await coalescer.changed({ id: "fsale_a", item_ids: ["i2"] })
    expect(published[3]).toEqual({ id: "fsale_a", item_ids: ["i2"] })
  })

  it("reports a failed trailing publication and keeps going", async () => {
    const errors: unknown[] = []
    let calls = 0
    const coalescer = new UnitsLeftCoalescer(
      async () => {
        calls += 1
        if (calls === 2) {
          throw new Error("realtime is down")
        }
      },
      (error) => errors.push(error),
      30
    )
    await coalescer.changed({ id: "fsale_a", item_ids: ["i1"] })
    await coalescer.changed({ id: "fsale_a", item_ids: ["i1"] })
    await sleep(50)
    expect(errors).toEqual([new Error("realtime is down")])
    await sleep(50)
    await coalescer.changed({ id: "fsale_a", item_ids: ["i1"] })
    expect(calls).toBe(3)
  })
})
