import { inLockedSectionSlot, LOCKED_SECTIONS_AT_ONCE } from "../run-locked"

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe("inLockedSectionSlot", () => {
  it("runs at most LOCKED_SECTIONS_AT_ONCE sections at once, the others in arrival order", async () => {
    let running = 0
    let most = 0
    const started: number[] = []
    const finish: (() => void)[] = []
    const jobs = Array.from({ length: 6 }, (_, index) =>
      inLockedSectionSlot(async () => {
        started.push(index)
        running += 1
        most = Math.max(most, running)
        await new Promise<void>((resolve) => finish.push(resolve))
        running -= 1
        return index
      })
    )

    await tick()
    expect(started).toEqual([0, 1])
    while (finish.length) {
      finish.shift()!()
      await tick()
      await tick()
    }

    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4, 5])
    expect(started).toEqual([0, 1, 2, 3, 4, 5])
    expect(most).toEqual(LOCKED_SECTIONS_AT_ONCE)
  })

  it("frees the slot of a job that throws", async () => {
    const failures = Array.from({ length: LOCKED_SECTIONS_AT_ONCE + 1 }, () =>
      inLockedSectionSlot(async () => {
        throw new Error("sync failed")
      })
    )
    await expect(Promise.all(failures)).rejects.toThrow("sync failed")
    await Promise.allSettled(failures)

    const after = await Promise.all(
      Array.from({ length: LOCKED_SECTIONS_AT_ONCE + 1 }, (_, index) =>
        inLockedSectionSlot(async () => index)
      )
    )
    expect(after).toEqual([0, 1, 2])
  })
})
