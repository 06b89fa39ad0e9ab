import { splitWords } from "./normalize"

/** Every member of a group, by each one-word member that triggers it. */
export type SynonymMap = Map<string, string[]>

/**
 * Indexes synonym groups by their one-word members. A member of several words
 * is only ever added to a query, as a phrase; it does not trigger the group.
 */
export function buildSynonymMap(groups: string[][]): SynonymMap {
  const map: SynonymMap = new Map()
  for (const group of groups) {
    const members = group.map((member) => splitWords(member).join(" "))
    for (const member of members) {
      if (!member || member.includes(" ")) {
        continue
      }
      const known = map.get(member) ?? []
      const added = members.filter((other) => other && other !== member)
      map.set(member, [...new Set([...known, ...added])])
    }
  }
  return map
}

/** The synonyms of the given words, without the words themselves. */
export function synonymsOf(map: SynonymMap, words: string[]): string[] {
  const found = new Set(words.flatMap((word) => map.get(word) ?? []))
  words.forEach((word) => found.delete(word))
  return [...found]
}
