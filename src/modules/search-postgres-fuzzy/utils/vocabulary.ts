/** Documents whose words are added to the vocabulary per statement. */
const VOCABULARY_CHUNK_SIZE = 500

type Execute = (sql: string, params?: unknown[]) => Promise<unknown[]>

/** The vocabulary table that goes with a document table. */
export function vocabularyTable(table: string): string {
  return `${table}_vocab`
}

/**
 * Every distinct folded word of the searchable text, with a trigram index
 * that serves both `%` (similar words) and `LIKE 'pre%'` (completions). The
 * index skips GIN's pending list (`fastupdate = off`): words arrive a few at
 * a time, and a long pending list makes the planner give up on the index.
 */
export async function createVocabulary(execute: Execute, table: string) {
  const vocab = vocabularyTable(table)
  await execute(
    `CREATE TABLE IF NOT EXISTS "${vocab}" ("word" text NOT NULL, CONSTRAINT "${vocab}_pkey" PRIMARY KEY ("word"))`
  )
  await execute(
    `CREATE INDEX IF NOT EXISTS "${vocab}_trgm_idx" ON "${vocab}" USING GIN ("word" gin_trgm_ops) WITH (fastupdate = off)`
  )
}

/** Drops the vocabulary of a document table. */
export async function dropVocabulary(execute: Execute, table: string) {
  await execute(`DROP TABLE IF EXISTS "${vocabularyTable(table)}"`)
}

/** Empties the vocabulary of a document table. */
export async function clearVocabulary(execute: Execute, table: string) {
  await execute(`TRUNCATE TABLE "${vocabularyTable(table)}"`)
}

/**
 * Adds the words of the given documents and returns how many were new. Words
 * are only ever added (a word whose last document left stays until the next
 * rebuild), in sorted order so concurrent writers take their locks in the
 * same order.
 */
export async function addToVocabulary(
  execute: Execute,
  table: string,
  ids: string[]
): Promise<number> {
  let added = 0
  for (let start = 0; start < ids.length; start += VOCABULARY_CHUNK_SIZE) {
    const chunk = ids.slice(start, start + VOCABULARY_CHUNK_SIZE)
    const rows = await execute(
      `INSERT INTO "${vocabularyTable(table)}" ("word")
       SELECT DISTINCT word
       FROM "${table}" d,
         regexp_split_to_table(lower(unaccent(d."search_text")), '[^[:alnum:]]+') AS word
       WHERE d."id" IN (${chunk.map(() => "?").join(", ")}) AND length(word) > 1
       ORDER BY word
       ON CONFLICT DO NOTHING
       RETURNING 1`,
      chunk
    )
    added += rows.length
  }
  return added
}

/** What the vocabulary knows about one query word. */
export type VocabularyMatch = {
  term: string
  known: boolean
  known_prefix: boolean
  corrections: string[]
}

/**
 * Looks each (already folded) query word up in one statement: held as a
 * word, as the start of a word, and its closest words by trigram similarity
 * (`%`) when it is at least `minLength` long. The words are bound as values
 * of their own, so the planner sees them and picks the trigram index.
 */
export async function lookUpTerms(
  execute: Execute,
  table: string,
  terms: string[],
  { minLength, limit }: { minLength: number; limit: number }
): Promise<VocabularyMatch[]> {
  const vocab = vocabularyTable(table)
  const params: unknown[] = []
  const selects = terms.map((term, ord) => {
    const fuzzy = term.length >= minLength && limit > 0
    params.push(term, term, `${term.replace(/[\\%_]/g, "\\$&")}%`)
    if (fuzzy) {
      params.push(term, term, limit)
    }
    return `SELECT ${ord} AS ord, ?::text AS term,
       EXISTS (SELECT 1 FROM "${vocab}" WHERE "word" = ?) AS known,
       EXISTS (SELECT 1 FROM "${vocab}" WHERE "word" LIKE ?) AS known_prefix,
       ${
         fuzzy
           ? `ARRAY(SELECT "word" FROM "${vocab}" WHERE "word" % ?
               ORDER BY similarity("word", ?) DESC, "word" LIMIT ?)`
           : `ARRAY[]::text[]`
       } AS corrections`
  })
  const rows = (await execute(
    `${selects.join("\nUNION ALL\n")}\nORDER BY ord`,
    params
  )) as VocabularyMatch[]
  return rows.map((row) => ({
    term: row.term,
    known: !!row.known,
    known_prefix: !!row.known_prefix,
    corrections: row.corrections ?? [],
  }))
}
