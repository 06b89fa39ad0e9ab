import { MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../deploy/errors"
import { parseMysqlUrl } from "../deploy/mysql-url"
import type { LegacyCollection } from "../types"
import { boardDryRuns, findBoardRun } from "./admin-board"
import { boardRunView, rowRunView, type AdminMigrationRun } from "./admin-view"
import {
  findRunRow,
  isMigrationWriting,
  listCheckpointRows,
  listQuarantineRows,
  listRunRows,
  readTarget,
  type Page,
  type QuarantineRow,
} from "./read-runs"

/** A refused document, as the admin API answers it. */
export type AdminQuarantineRecord = Omit<QuarantineRow, "created_at"> & {
  created_at: string
}

/** LEGACY_MYSQL_URL, or one message saying how to set it. */
export function configuredTargetUrl(): string {
  const url = process.env.LEGACY_MYSQL_URL
  try {
    parseMysqlUrl(url)
  } catch (error) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, errorMessage(error))
  }
  return url as string
}

function unreadable(error: unknown): MedusaError {
  return error instanceof MedusaError
    ? error
    : new MedusaError(MedusaError.Types.UNEXPECTED_STATE, errorMessage(error))
}

/**
 * Runs newest first: those recorded in MySQL (with this server's live
 * progress where it runs them) and this server's dry runs, which MySQL
 * never sees.
 */
export async function listAdminRuns(
  page: Page
): Promise<{ runs: AdminMigrationRun[]; count: number }> {
  const url = configuredTargetUrl()
  const stored = await readTarget(
    url,
    { rows: [], count: 0, writing: false, checkpoints: [] },
    async (connection, database) => {
      const { rows, count } = await listRunRows(connection, page)
      return {
        rows,
        count,
        writing: await isMigrationWriting(connection, database),
        checkpoints: await listCheckpointRows(
          connection,
          rows.filter((r) => r.status === "running").map((r) => r.id)
        ),
      }
    }
  ).catch((error) => {
    throw unreadable(error)
  })
  const live = stored.rows.map((row) => {
    const onBoard = findBoardRun(row.id)
    return onBoard
      ? boardRunView(onBoard)
      : rowRunView(row, stored.writing, stored.checkpoints)
  })
  const dry = boardDryRuns().map(boardRunView)
  const runs = [...live, ...dry]
    .sort((a, b) => b.started_at.localeCompare(a.started_at))
    .slice(page.offset, page.offset + page.limit)
  return { runs, count: stored.count + dry.length }
}

/**
 * One run as MySQL records it (runs, checkpoints, the target's lock), as any
 * server sees it; null when unknown.
 */
export async function readStoredRun(
  id: string
): Promise<AdminMigrationRun | null> {
  const url = configuredTargetUrl()
  return await readTarget(url, null, async (connection, database) => {
    const row = await findRunRow(connection, id)
    return row
      ? rowRunView(
          row,
          await isMigrationWriting(connection, database),
          await listCheckpointRows(connection, [id])
        )
      : null
  }).catch((error) => {
    throw unreadable(error)
  })
}

/** One run by id: live from this server, else from MySQL; 404 when unknown. */
export async function getAdminRun(id: string): Promise<AdminMigrationRun> {
  const onBoard = findBoardRun(id)
  if (onBoard) {
    return boardRunView(onBoard)
  }
  const found = await readStoredRun(id)
  if (!found) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Legacy migration run ${id} was not found`
    )
  }
  return found
}

/**
 * The quarantine as it stands after run `id`: the documents the target
 * refuses today (each with the run that first refused it). A dry run
 * stores none; its report counts them by reason.
 */
export async function listAdminQuarantine(
  id: string,
  query: Page & { collection?: LegacyCollection }
): Promise<{ records: AdminQuarantineRecord[]; count: number }> {
  const run = await getAdminRun(id)
  if (run.dry_run) {
    return { records: [], count: 0 }
  }
  const { rows, count } = await readTarget(
    configuredTargetUrl(),
    { rows: [], count: 0 },
    (connection) => listQuarantineRows(connection, query)
  ).catch((error) => {
    throw unreadable(error)
  })
  const records = rows.map((row) => ({
    ...row,
    created_at: new Date(row.created_at).toISOString(),
  }))
  return { records, count }
}
