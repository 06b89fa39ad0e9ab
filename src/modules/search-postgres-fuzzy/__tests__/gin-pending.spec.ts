import { mergePendingEntries } from "../utils/gin"
import { useScratchDatabase } from "./utils/scratch-database"

const DATABASE = "klelite_test_search_gin_pending"
const TABLE = "search_pg_gin_test"

jest.setTimeout(60_000)

describe("merging GIN pending lists after a write", () => {
  const { query, execute } = useScratchDatabase(DATABASE)

  beforeAll(async () => {
    // The stock layout's full-text and filter indexes, pending lists on (the
    // default); no trigram index, which the merge must skip.
    await query(
      `CREATE TABLE "${TABLE}" ("id" text PRIMARY KEY, "indexed" jsonb NOT NULL, "search_vector" tsvector NOT NULL)`
    )
    await query(
      `CREATE INDEX "${TABLE}_fts_idx" ON "${TABLE}" USING GIN ("search_vector")`
    )
    await query(
      `CREATE INDEX "${TABLE}_indexed_idx" ON "${TABLE}" USING GIN ("indexed" jsonb_path_ops)`
    )
  })

  it("moves a page of documents' entries into the indexes and leaves no pending list behind", async () => {
    await query(
      `INSERT INTO "${TABLE}"
       SELECT 'p' || i, jsonb_build_object('status', 'published', 'n', i),
         to_tsvector('simple', 'croissant pistache word' || i)
       FROM generate_series(1, 1000) AS i`
    )

    expect(await mergePendingEntries(execute, TABLE)).toBeGreaterThan(0)
    const [left] = await execute(
      `SELECT gin_clean_pending_list(?::regclass) + gin_clean_pending_list(?::regclass) AS pages`,
      [`"${TABLE}_fts_idx"`, `"${TABLE}_indexed_idx"`]
    )
    expect(Number((left as { pages: number }).pages)).toEqual(0)

    await query("SET enable_seqscan = off")
    const [found] = await execute(
      `SELECT count(*)::int AS n FROM "${TABLE}"
       WHERE "search_vector" @@ to_tsquery('simple', 'word77') AND "indexed" @> ?::jsonb`,
      [JSON.stringify({ status: "published" })]
    )
    expect((found as { n: number }).n).toEqual(1)
    expect(await mergePendingEntries(execute, TABLE)).toEqual(0)
  })
})
