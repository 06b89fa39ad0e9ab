import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** The advisory lock key pair of stage 2 ("KL", stage 2) in Medusa's database. */
const STAGE_2_LOCK = [0x4b4c, 2]

/** What a start refused because another stage-2 run holds the lock says. */
export const STAGE_2_RUNNING =
  "Legacy stage 2 is already running (started from the admin or the command line); wait for it to finish"

/** A held stage-2 lock; `release` is safe to call more than once. */
export type Stage2Lock = { release(): Promise<void> }

/**
 * Takes the stage-2 lock without waiting, or throws a CONFLICT. It is a
 * PostgreSQL session advisory lock in Medusa's own database, held on a
 * dedicated connection for the whole run, so every server and CLI sharing
 * the store sees it. The Locking Module's providers do not fit a run that
 * may be killed: the PostgreSQL provider never hands an expired key to a
 * new owner and its `execute` cannot refuse without waiting, whereas a
 * session lock dies with the process that held it.
 */
export async function acquireStage2Lock(
  container: MedusaContainer
): Promise<Stage2Lock> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const connection = await knex.client.acquireConnection()
  const sql = (statement: string) =>
    knex.raw(statement, STAGE_2_LOCK).connection(connection)
  let acquired = false
  try {
    const { rows } = await sql("SELECT pg_try_advisory_lock(?, ?) AS acquired")
    acquired = rows[0]?.acquired === true
  } finally {
    if (!acquired) {
      await knex.client.releaseConnection(connection)
    }
  }
  if (!acquired) {
    throw new MedusaError(MedusaError.Types.CONFLICT, STAGE_2_RUNNING)
  }
  let released: Promise<void> | null = null
  return {
    release: () =>
      (released ??= sql("SELECT pg_advisory_unlock(?, ?)")
        .then(() => undefined)
        .finally(() => knex.client.releaseConnection(connection))),
  }
}

/** Whether any process (this one included) holds the stage-2 lock now. */
export async function isStage2Locked(
  container: MedusaContainer
): Promise<boolean> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `SELECT EXISTS (
       SELECT 1 FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND classid = ? AND objid = ?
         AND objsubid = 2
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
     ) AS locked`,
    STAGE_2_LOCK
  )
  return rows[0]?.locked === true
}

/** Runs `work` holding the stage-2 lock (refused with a CONFLICT if held). */
export async function withStage2Lock<T>(
  container: MedusaContainer,
  work: () => Promise<T>
): Promise<T> {
  const lock = await acquireStage2Lock(container)
  try {
    return await work()
  } finally {
    await lock.release()
  }
}
