/** The trigrams pg_trgm takes from one folded word: "  word " split in threes. */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `
  const out = new Set<string>()
  for (let i = 0; i + 3 <= padded.length; i++) {
    out.add(padded.slice(i, i + 3))
  }
  return out
}

/**
 * pg_trgm's `similarity()` of two folded words: shared trigrams over all
 * trigrams. Computed here so a correction's closeness costs no round trip.
 */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a)
  const right = trigrams(b)
  let shared = 0
  for (const gram of left) {
    if (right.has(gram)) {
      shared++
    }
  }
  const all = left.size + right.size - shared
  return all ? shared / all : 0
}
