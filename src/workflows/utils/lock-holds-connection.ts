import type {
  ConfigModule,
  MedusaContainer,
  ModuleProvider,
  ModuleProviderExports,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** The identifier of Medusa's PostgreSQL advisory-lock provider. */
const POSTGRES_LOCKING = "locking-postgres"

/** `@medusajs/medusa/locking-postgres` or `@medusajs/locking-postgres`. */
const POSTGRES_LOCKING_PACKAGE = /(^|\/)locking-postgres$/

const isProvider = (entry: unknown): entry is ModuleProvider =>
  typeof entry === "object" && entry !== null && "resolve" in entry

/**
 * The Locking Module's default provider as configured, chosen as the module
 * chooses it: the last one marked `is_default`, else the only one. None
 * means the module's own in-memory provider.
 */
export function defaultLockingProvider(
  config: Pick<ConfigModule, "modules">
): ModuleProvider | undefined {
  const locking = config.modules?.[Modules.LOCKING]
  if (typeof locking !== "object") {
    return undefined
  }
  const listed = locking.options?.providers
  const providers = Array.isArray(listed) ? listed.filter(isProvider) : []
  if (providers.length === 1) {
    return providers[0]
  }
  return providers.filter(({ is_default }) => is_default).pop()
}

function isPostgresLocking({ resolve }: ModuleProvider): boolean {
  if (typeof resolve === "string") {
    return POSTGRES_LOCKING_PACKAGE.test(resolve)
  }
  // The module's loader takes a module namespace's default export too.
  const exported: Partial<ModuleProviderExports> | undefined =
    (resolve as { default?: ModuleProviderExports }).default ?? resolve
  return (exported?.services ?? []).some(
    (service) =>
      "identifier" in service && service.identifier === POSTGRES_LOCKING
  )
}

/**
 * Whether a lock of the default provider holds a pooled database connection
 * while its job runs: the PostgreSQL provider's locks live in an open
 * transaction; Redis and in-memory locks hold none.
 */
export function lockHoldsConnection(
  container: Pick<MedusaContainer, "resolve">
): boolean {
  const config = container.resolve<ConfigModule>(
    ContainerRegistrationKeys.CONFIG_MODULE
  )
  const provider = defaultLockingProvider(config)
  return !!provider && isPostgresLocking(provider)
}
