import { ReadWindows } from "../_read-windows"

/** A read that records the ids it was asked for and answers them back. */
function recordingRead() {
  const calls: string[][] = []
  const read = async (ids: string[]) => {
    calls.push([...ids].sort())
    return ids
  }
  return { calls, read }
}

const led = async (
  parts: { leads: boolean; result: Promise<string[]> }[]
): Promise<string[]> => {
  const results = await Promise.all(parts.map((part) => part.result))
  return results.flatMap((ids, i) => (parts[i].leads ? ids : [])).sort()
}

describe("ReadWindows", () => {
  it("reads the ids of events arriving together once, and hands them to the first event", async () => {
    const windows = new ReadWindows<string[]>({ delayMs: 5 })
    const { calls, read } = recordingRead()

    const first = windows.join(["p1", "p2"], read)
    const second = windows.join(["p2", "p3"], read)
    const third = windows.join(["p1"], read)

    expect(await led(first)).toEqual(["p1", "p2", "p3"])
    expect(await led(second)).toEqual([])
    expect(await led(third)).toEqual([])
    expect(calls).toEqual([["p1", "p2", "p3"]])
  })

  it("reads again an id claimed after its window started reading", async () => {
    const windows = new ReadWindows<string[]>({ delayMs: 1 })
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const calls: string[][] = []
    const read = async (ids: string[]) => {
      calls.push(ids)
      await gate
      return ids
    }

    const first = windows.join(["p1"], read)
    await new Promise((resolve) => setTimeout(resolve, 10))
    const second = windows.join(["p1"], read)
    release()

    expect(await led(first)).toEqual(["p1"])
    expect(await led(second)).toEqual(["p1"])
    expect(calls).toEqual([["p1"], ["p1"]])
  })

  it("fails every event of a window whose read fails", async () => {
    const windows = new ReadWindows<string[]>({ delayMs: 1 })
    const read = async () => {
      throw new Error("database gone")
    }

    const first = windows.join(["p1"], read)
    const second = windows.join(["p1"], read)

    await expect(led(first)).rejects.toThrow("database gone")
    await expect(led(second)).rejects.toThrow("database gone")
  })

  it("starts a new window once one holds the most ids it reads", async () => {
    const windows = new ReadWindows<string[]>({ delayMs: 50, maxIds: 3 })
    const { calls, read } = recordingRead()

    const first = windows.join(["p1", "p2"], read)
    const second = windows.join(["p2", "p3", "p4"], read)

    expect(await led(first)).toEqual(["p1", "p2"])
    expect(await led(second)).toEqual(["p3", "p4"])
    expect(calls).toEqual([
      ["p1", "p2"],
      ["p3", "p4"],
    ])
  })

  it("leaves out the ids that need no read", async () => {
    const windows = new ReadWindows<string[]>({ delayMs: 1 })
    const { calls, read } = recordingRead()

    expect(windows.join(["p1"], read, () => true)).toEqual([])
    expect(
      await led(windows.join(["p1", "p2"], read, (id) => id === "p1"))
    ).toEqual(["p2"])
    expect(calls).toEqual([["p2"]])
  })

  it("waits for the windows holding the given ids to have read", async () => {
    const windows = new ReadWindows<string[]>({ delayMs: 1 })
    const done: string[] = []
    const read = async (ids: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      done.push(...ids)
      return ids
    }
    windows.join(["p1"], read)

    await windows.settled(["p2"])
    expect(done).toEqual([])
    await windows.settled(["p1"])
    expect(done).toEqual(["p1"])
    await windows.settled()
  })
})
