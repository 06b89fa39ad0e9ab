import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { LegacyBcryptAuthService } from "./service"

/** The legacy Klelite password provider, for the Auth Module's `providers`. */
export default ModuleProvider(Modules.AUTH, {
  services: [LegacyBcryptAuthService],
})

export { LEGACY_BCRYPT_PROVIDER, LegacyBcryptAuthService } from "./service"
export type { LegacyBcryptOptions, LegacyProviderMetadata } from "./service"
