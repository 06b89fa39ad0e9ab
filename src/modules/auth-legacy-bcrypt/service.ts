import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityDTO,
  AuthIdentityProviderService,
  Logger,
  ProviderIdentityDTO,
} from "@medusajs/framework/types"
import {
  AbstractAuthModuleProvider,
  isString,
  MedusaError,
} from "@medusajs/framework/utils"
import bcrypt from "bcryptjs"
import Scrypt, { type ScryptParams } from "scrypt-kdf"

/** The provider id: `POST /auth/customer/legacy-bcrypt`. */
export const LEGACY_BCRYPT_PROVIDER = "legacy-bcrypt"

/** Options of the legacy bcrypt provider. */
export type LegacyBcryptOptions = {
  /** The provider a customer moves to after one legacy login (`emailpass`). */
  password_provider?: string
  /**
   * Scrypt cost of the moved password: set it to the `hashConfig` given to
   * `emailpass` when that one is not Medusa's default.
   */
  hash_config?: ScryptParams
}

/** The scrypt cost `emailpass` hashes with unless configured otherwise. */
const EMAILPASS_HASH_CONFIG: ScryptParams = { logN: 15, r: 8, p: 1 }

/** What stage 2 of the legacy migration stores on the legacy provider identity. */
export type LegacyProviderMetadata = {
  /** The bcrypt hash from the legacy store; null once the customer moved. */
  password_hash?: string | null
  legacy_id?: string
  /** Set when the password moved to `password_provider`. */
  moved_to?: string
  moved_at?: string
}

/** The auth module's internal provider identity service (from its container). */
type ProviderIdentityStore = {
  list(
    filters: { provider: string; entity_id: string },
    config?: { take?: number }
  ): Promise<ProviderIdentityDTO[]>
  create(data: {
    provider: string
    entity_id: string
    auth_identity_id: string
    provider_metadata: Record<string, unknown>
  }): Promise<ProviderIdentityDTO>
}

type InjectedDependencies = {
  logger: Logger
  providerIdentityService: ProviderIdentityStore
}

const INVALID = "Invalid email or password"

// Compared against when the email is unknown, so a miss costs as much as a hit.
const DECOY_HASH = bcrypt.hashSync("klelite-legacy-decoy", 10)

/**
 * Signs in customers migrated from the legacy Klelite store with their old
 * bcrypt password, once: a successful login gives the same auth identity an
 * `emailpass` identity with this password and drops the legacy hash, so the
 * customer signs in with Medusa's own email-password login from then on.
 */
export class LegacyBcryptAuthService extends AbstractAuthModuleProvider {
  static identifier = LEGACY_BCRYPT_PROVIDER
  static DISPLAY_NAME = "Legacy Klelite password"

  protected readonly dependencies_: InjectedDependencies
  protected readonly options_: LegacyBcryptOptions

  constructor(
    dependencies: InjectedDependencies,
    options: LegacyBcryptOptions
  ) {
    super()
    this.dependencies_ = dependencies
    this.options_ = options ?? {}
  }

  static validateOptions(options: LegacyBcryptOptions): void {
    if (
      options?.password_provider !== undefined &&
      !isString(options.password_provider)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "legacy-bcrypt: password_provider must be a provider id such as emailpass"
      )
    }
  }

  get passwordProvider(): string {
    return this.options_.password_provider ?? "emailpass"
  }

  async register(): Promise<AuthenticationResponse> {
    return {
      success: false,
      error: "Legacy passwords cannot be registered: sign up with emailpass",
    }
  }

  async authenticate(
    data: AuthenticationInput,
    identities: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    const { email, password } = data.body ?? {}
    if (!isString(email) || !email.trim()) {
      return { success: false, error: "Email should be a string" }
    }
    if (!isString(password) || !password) {
      return { success: false, error: "Password should be a string" }
    }
    const entityId = email.trim().toLowerCase()
    const authIdentity = await this.findIdentity(entityId, identities)
    const metadata = this.legacyMetadata(authIdentity)
    const hash = metadata?.password_hash ?? DECOY_HASH
    const matches = await bcrypt.compare(password, hash)
    if (!authIdentity || !metadata?.password_hash || !matches) {
      return { success: false, error: INVALID }
    }
    const moved = await this.moveToPasswordProvider(
      authIdentity,
      entityId,
      password
    )
    if (!moved) {
      this.dependencies_.logger.warn(
        `legacy-bcrypt: ${entityId} has a ${this.passwordProvider} identity on another account; the legacy password stays`
      )
      return { success: true, authIdentity: this.withoutHash(authIdentity) }
    }
    const updated = await identities.update(entityId, {
      // Stored metadata is merged: the hash has to be overwritten, not left out.
      provider_metadata: {
        password_hash: null,
        legacy_id: metadata.legacy_id,
        moved_to: this.passwordProvider,
        moved_at: new Date().toISOString(),
      } satisfies LegacyProviderMetadata,
    })
    return { success: true, authIdentity: updated }
  }

  protected async findIdentity(
    entityId: string,
    identities: AuthIdentityProviderService
  ): Promise<AuthIdentityDTO | null> {
    try {
      return await identities.retrieve({ entity_id: entityId })
    } catch (error) {
      // Compared by shape: the error may come from another module's realm.
      if ((error as { type?: string }).type === MedusaError.Types.NOT_FOUND) {
        return null
      }
      throw error
    }
  }

  protected legacyMetadata(
    authIdentity: AuthIdentityDTO | null
  ): LegacyProviderMetadata | null {
    const identity = authIdentity?.provider_identities?.find(
      (p) => p.provider === this.provider
    )
    return (identity?.provider_metadata as LegacyProviderMetadata) ?? null
  }

  protected withoutHash(authIdentity: AuthIdentityDTO): AuthIdentityDTO {
    return {
      ...authIdentity,
      provider_identities: authIdentity.provider_identities?.map((p) =>
        p.provider === this.provider
          ? {
              ...p,
              provider_metadata: {
                ...p.provider_metadata,
                password_hash: null,
              },
            }
          : p
      ),
    }
  }

  /**
   * Gives the auth identity an `emailpass` identity with this password.
   * Answers false when the email's `emailpass` identity belongs to another
   * auth identity; one on this auth identity (a login racing this one) is
   * left as it is.
   */
  protected async moveToPasswordProvider(
    authIdentity: AuthIdentityDTO,
    entityId: string,
    password: string
  ): Promise<boolean> {
    const store = this.dependencies_.providerIdentityService
    const filters = { provider: this.passwordProvider, entity_id: entityId }
    const ownedHere = (identity: ProviderIdentityDTO | undefined) =>
      identity?.auth_identity_id === authIdentity.id
    const [existing] = await store.list(filters, { take: 1 })
    if (existing) {
      return ownedHere(existing)
    }
    // The format `emailpass` stores and verifies: a scrypt-kdf key in base64.
    const hashConfig = this.options_.hash_config ?? EMAILPASS_HASH_CONFIG
    const passwordHash = (await Scrypt.kdf(password, hashConfig)).toString(
      "base64"
    )
    try {
      await store.create({
        ...filters,
        auth_identity_id: authIdentity.id,
        provider_metadata: { password: passwordHash },
      })
      return true
    } catch (error) {
      const [raced] = await store.list(filters, { take: 1 })
      if (!raced) {
        throw error
      }
      return ownedHere(raced)
    }
  }
}
