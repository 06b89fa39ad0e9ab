import type { Connection } from "mariadb"
import type { RecordOf } from "../../transform"
import type { LegacyCollection } from "../../types"
import type { BatchIndex } from "../target-index"

/** Writes the migrated records of one batch (inside the batch's transaction). */
export type CollectionWriter<C extends LegacyCollection> = (
  connection: Connection,
  records: RecordOf[C][],
  index: BatchIndex
) => Promise<void>
