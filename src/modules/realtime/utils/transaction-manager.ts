import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/** The SQL entity manager of the transaction `@InjectTransactionManager` opened. */
export function transactionManagerOf(context: Context): SqlEntityManager {
  const manager = context.transactionManager
  if (!(manager instanceof SqlEntityManager)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The realtime module needs a PostgreSQL transaction in its context"
    )
  }
  return manager
}
