import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The SQL entity manager of the transaction `@InjectTransactionManager` put
 * in the context: every raw statement of the service runs on it.
 */
export function transactionManagerOf(context: Context): SqlEntityManager {
  const manager = context.transactionManager
  if (!(manager instanceof SqlEntityManager)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The loyalty module needs a PostgreSQL transaction in its context"
    )
  }
  return manager
}

/** The SQL entity manager `@InjectManager` put in the context, for reads. */
export function managerOf(context: Context): SqlEntityManager {
  const manager = context.manager ?? context.transactionManager
  if (!(manager instanceof SqlEntityManager)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The loyalty module needs a PostgreSQL connection in its context"
    )
  }
  return manager
}
