import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The SQL entity manager `@InjectTransactionManager` or `@InjectManager` put
 * in the context (the transaction's when there is one): raw statements of the
 * store run on it.
 */
export function sqlManagerOf(context: Context): SqlEntityManager {
  const manager = context.transactionManager ?? context.manager
  if (!(manager instanceof SqlEntityManager)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The flash-sale module needs a PostgreSQL manager in its context"
    )
  }
  return manager
}
