import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { LEGACY_BCRYPT_PROVIDER } from "../../src/modules/auth-legacy-bcrypt"
import { FIXTURE_PASSWORDS } from "../../src/modules/legacy-migration/fixture/passwords"

jest.setTimeout(10 * 60 * 1000)

const [{ password, hash }, other] = FIXTURE_PASSWORDS

function actorOf(token: string): { actor_id: string; actor_type: string } {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString())
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const status = (request: Promise<unknown>) =>
      request.then(
        () => 200,
        (error) => error.response?.status
      )

    /** A customer as stage 2 leaves one: a legacy identity holding the bcrypt hash. */
    async function legacyCustomer(email: string, bcryptHash = hash) {
      const customers = getContainer().resolve(Modules.CUSTOMER)
      const auth = getContainer().resolve(Modules.AUTH)
      const customer = await customers.createCustomers({
        email,
        first_name: "Camille",
        has_account: true,
      })
      await auth.createAuthIdentities({
        provider_identities: [
          {
            provider: LEGACY_BCRYPT_PROVIDER,
            entity_id: email,
            provider_metadata: { password_hash: bcryptHash, legacy_id: "x" },
          },
        ],
        app_metadata: { customer_id: customer.id },
      })
      return customer.id
    }

    const legacyLogin = (email: string, pass: string) =>
      api.post(`/auth/customer/${LEGACY_BCRYPT_PROVIDER}`, {
        email,
        password: pass,
      })
    const emailpassLogin = (email: string, pass: string) =>
      api.post("/auth/customer/emailpass", { email, password: pass })

    it("signs a migrated customer in once with the legacy password, then with emailpass", async () => {
      const customerId = await legacyCustomer("camille@example.fr")

      expect(await status(emailpassLogin("camille@example.fr", password))).toBe(
        401
      )
      expect(
        await status(legacyLogin("camille@example.fr", other.password))
      ).toBe(401)

      const { data } = await legacyLogin("Camille@Example.fr ", password)
      expect(actorOf(data.token)).toMatchObject({
        actor_id: customerId,
        actor_type: "customer",
      })

      const moved = await emailpassLogin("camille@example.fr", password)
      expect(actorOf(moved.data.token).actor_id).toBe(customerId)
      expect(
        await status(emailpassLogin("camille@example.fr", other.password))
      ).toBe(401)
      // The hash is gone: the legacy route no longer signs anyone in.
      expect(await status(legacyLogin("camille@example.fr", password))).toBe(
        401
      )

      const auth = getContainer().resolve(Modules.AUTH)
      const identities = await auth.listProviderIdentities({
        entity_id: "camille@example.fr",
      })
      const legacy = identities.find(
        (i) => i.provider === LEGACY_BCRYPT_PROVIDER
      )
      expect(legacy?.provider_metadata).toMatchObject({
        password_hash: null,
        moved_to: "emailpass",
      })
      expect(new Set(identities.map((i) => i.auth_identity_id)).size).toBe(1)
    })

    it("answers 401 to a wrong password, an unknown email and bad input", async () => {
      await legacyCustomer("jade@example.fr", other.hash)
      expect(await status(legacyLogin("jade@example.fr", password))).toBe(401)
      expect(await status(legacyLogin("nobody@example.fr", password))).toBe(401)
      expect(
        await status(
          api.post(`/auth/customer/${LEGACY_BCRYPT_PROVIDER}`, {
            email: "jade@example.fr",
          })
        )
      ).toBe(401)
      expect(
        await status(
          api.post(`/auth/customer/${LEGACY_BCRYPT_PROVIDER}`, {
            email: ["jade@example.fr"],
            password: other.password,
          })
        )
      ).toBe(401)
      // Still the legacy hash after all those failures.
      expect(await status(legacyLogin("jade@example.fr", other.password))).toBe(
        200
      )
    })

    it("moves a customer once when two logins race", async () => {
      const customerId = await legacyCustomer("hugo@example.fr")
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () =>
          legacyLogin("hugo@example.fr", password)
        )
      )
      const fulfilled = results.filter((r) => r.status === "fulfilled")
      expect(fulfilled.length).toBeGreaterThanOrEqual(1)
      const auth = getContainer().resolve(Modules.AUTH)
      const emailpass = await auth.listProviderIdentities({
        entity_id: "hugo@example.fr",
        provider: "emailpass",
      })
      expect(emailpass).toHaveLength(1)
      const { data } = await emailpassLogin("hugo@example.fr", password)
      expect(actorOf(data.token).actor_id).toBe(customerId)
    })

    it("refuses to register a new legacy password", async () => {
      expect(
        await status(
          api.post(`/auth/customer/${LEGACY_BCRYPT_PROVIDER}/register`, {
            email: "new@example.fr",
            password,
          })
        )
      ).toBe(401)
    })
  },
})
