/**
 * A small seeded pseudo-random generator (mulberry32), so a generated
 * catalogue is the same on every run and every machine.
 */
export function seededRandom(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)]
  return { next, pick }
}

export type SeededRandom = ReturnType<typeof seededRandom>
