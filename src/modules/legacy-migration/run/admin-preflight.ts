import { MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../deploy/errors"
import { parseMysqlUrl } from "../deploy/mysql-url"
import { checkTargetServer, openSource, type SourceSpec } from "./connections"
import { isTargetLocked } from "./read-runs"

/** Where an admin run reads from: a mongodump folder or a live MongoDB. */
export type AdminSource = { dump: string } | { mongo: string }

/** How long a start request waits for MongoDB before calling it unreachable. */
export const MONGO_CHECK_TIMEOUT_MS = 3000

function invalid(error: unknown): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    errorMessage(error).split("\n")[0]
  )
}

/** The source of an admin request as the migration reads it. */
export function sourceSpecOf(source: AdminSource): SourceSpec {
  return "dump" in source
    ? { kind: "dump", path: source.dump }
    : { kind: "mongo", uri: source.mongo, timeoutMs: MONGO_CHECK_TIMEOUT_MS }
}

/**
 * Checks, before anything starts, what would stop a migration at once: the
 * MySQL target of `url` (LEGACY_MYSQL_URL) is set and answers, the source
 * opens (a mongodump folder, a reachable MongoDB), and no other migration
 * is writing to the target. Returns the source's label.
 */
export async function checkMigrationCanStart(
  url: string | undefined,
  source: SourceSpec,
  dryRun: boolean
): Promise<string> {
  try {
    parseMysqlUrl(url)
    await checkTargetServer(url)
  } catch (error) {
    throw invalid(error)
  }
  let label: string
  try {
    const opened = await openSource(source)
    label = opened.label
    await opened.close()
  } catch (error) {
    throw invalid(error)
  }
  if (!dryRun && (await isTargetLocked(url))) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "Another legacy migration is writing to the MySQL target; wait for it to finish"
    )
  }
  return label
}
