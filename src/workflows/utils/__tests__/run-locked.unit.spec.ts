import type { ConfigModule } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import postgresLocking from "@medusajs/medusa/locking-postgres"
import {
  infrastructureModules,
  type InfrastructureEnv,
} from "../../../config/infrastructure"
import {
  defaultLockingProvider,
  lockHoldsConnection,
} from "../lock-holds-connection"
import {
  inLockedSectionSlot,
  LOCKED_SECTIONS_AT_ONCE,
  runLocked,
} from "../run-locked"

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe("inLockedSectionSlot", () => {
  it("runs at most LOCKED_SECTIONS_AT_ONCE sections at once, the others in arrival order", async () => {
    let running = 0
    let most = 0
    const started: number[] = []
    const finish: (() => void)[] = []
    const jobs = Array.from({ length: 6 }, (_, index) =>
      inLockedSectionSlot(async () => {
        started.push(index)
        running += 1
        most = Math.max(most, running)
        await new Promise<void>((resolve) => finish.push(resolve))
        running -= 1
        return index
      })
    )

    await tick()
    expect(started).toEqual([0, 1])
    while (finish.length) {
      finish.shift()!()
      await tick()
      await tick()
    }

    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4, 5])
    expect(started).toEqual([0, 1, 2, 3, 4, 5])
    expect(most).toEqual(LOCKED_SECTIONS_AT_ONCE)
  })

  it("frees the slot of a job that throws", async () => {
    const failures = Array.from({ length: LOCKED_SECTIONS_AT_ONCE + 1 }, () =>
      inLockedSectionSlot(async () => {
        throw new Error("sync failed")
      })
    )
    await expect(Promise.all(failures)).rejects.toThrow("sync failed")
    await Promise.allSettled(failures)

    const after = await Promise.all(
      Array.from({ length: LOCKED_SECTIONS_AT_ONCE + 1 }, (_, index) =>
        inLockedSectionSlot(async () => index)
      )
    )
    expect(after).toEqual([0, 1, 2])
  })
})

/** The modules of our config for `env`, keyed as `defineConfig` keys them. */
const configFor = (env: InfrastructureEnv): Pick<ConfigModule, "modules"> => ({
  modules: Object.fromEntries(
    infrastructureModules(env).map((entry) => [entry.key, entry])
  ),
})

const lockingWith = (...providers: Record<string, unknown>[]) => ({
  modules: { [Modules.LOCKING]: { options: { providers } } },
})

/** A container whose Locking Module runs each job at once. */
function containerWith(config: Pick<ConfigModule, "modules">) {
  const registrations: Record<string, unknown> = {
    [ContainerRegistrationKeys.CONFIG_MODULE]: config,
    [Modules.LOCKING]: {
      execute: <T>(_key: string, job: () => Promise<T>) => job(),
    },
  }
  return { resolve: <T>(key: string) => registrations[key] as T }
}

describe("runLocked", () => {
  /** How many of `count` sections on distinct keys run at the same moment. */
  async function sectionsAtOnce(
    config: Pick<ConfigModule, "modules">,
    count = LOCKED_SECTIONS_AT_ONCE + 3
  ) {
    const container = containerWith(config)
    let running = 0
    let most = 0
    const finish: (() => void)[] = []
    const sections = Array.from({ length: count }, (_, index) =>
      runLocked(container, `key:${index}`, async () => {
        running += 1
        most = Math.max(most, running)
        await new Promise<void>((resolve) => finish.push(resolve))
        running -= 1
        return index
      })
    )
    await tick()
    const atOnce = most
    while (finish.length) {
      finish.shift()!()
      await tick()
      await tick()
    }
    expect(await Promise.all(sections)).toEqual(
      Array.from({ length: count }, (_, index) => index)
    )
    return atOnce
  }

  it("keeps sections to LOCKED_SECTIONS_AT_ONCE with the PostgreSQL lock provider", async () => {
    expect(await sectionsAtOnce(configFor({}))).toEqual(LOCKED_SECTIONS_AT_ONCE)
  })

  it("runs every section at once with the Redis lock provider, whose locks hold no connection", async () => {
    const config = configFor({ REDIS_URL: "redis://127.0.0.1:6379" })
    expect(await sectionsAtOnce(config)).toEqual(LOCKED_SECTIONS_AT_ONCE + 3)
  })

  it("runs every section at once with the Locking Module's in-memory provider", async () => {
    expect(await sectionsAtOnce({ modules: {} })).toEqual(
      LOCKED_SECTIONS_AT_ONCE + 3
    )
    expect(
      await sectionsAtOnce({ modules: { [Modules.LOCKING]: true } })
    ).toEqual(LOCKED_SECTIONS_AT_ONCE + 3)
  })
})

describe("lockHoldsConnection", () => {
  const postgres = {
    resolve: "@medusajs/medusa/locking-postgres",
    id: "locking-postgres",
  }
  const redis = {
    resolve: "@medusajs/medusa/locking-redis",
    id: "locking-redis",
    options: { redisUrl: "redis://127.0.0.1:6379" },
  }
  const holds = (config: Pick<ConfigModule, "modules">) =>
    lockHoldsConnection(containerWith(config))

  it("follows the default provider as the Locking Module picks it", () => {
    expect(holds(lockingWith(postgres))).toBe(true)
    expect(holds(lockingWith(redis))).toBe(false)
    expect(holds(lockingWith(redis, { ...postgres, is_default: true }))).toBe(
      true
    )
    expect(holds(lockingWith({ ...redis, is_default: true }, postgres))).toBe(
      false
    )
    // Several and none the default: the in-memory provider.
    expect(defaultLockingProvider(lockingWith(redis, postgres))).toBeUndefined()
    expect(holds(lockingWith(redis, postgres))).toBe(false)
  })

  it("knows the PostgreSQL provider by package or by its exports", () => {
    expect(
      holds(lockingWith({ ...postgres, resolve: "@medusajs/locking-postgres" }))
    ).toBe(true)
    expect(holds(lockingWith({ ...postgres, resolve: postgresLocking }))).toBe(
      true
    )
    // A module namespace, as `import * as` or a transpiled `require` gives.
    const namespace = { default: postgresLocking } as never
    expect(holds(lockingWith({ ...postgres, resolve: namespace }))).toBe(true)
    expect(
      holds(
        lockingWith({
          ...postgres,
          resolve: "./src/modules/my-locking-postgres-fork",
        })
      )
    ).toBe(false)
  })
})
