import { DALUtils } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { Redis } from "ioredis"
import path from "path"
import { FLASH_SALE_MODULE, type FlashSaleModuleOptions } from "../.."
import { RedisReservationEngine } from "../../engine/redis/redis-engine"
import {
  FlashSale,
  FlashSaleItem,
  FlashSaleRateLimit,
  FlashSaleReservation,
} from "../../models"
import { FlashSaleStore } from "../../store/flash-sale-store"

/**
 * A Redis logical database and key prefix for one test file, with a client
 * that deletes the file's keys after all its tests. `flush` empties the
 * database (FLUSHDB) after checking it holds nothing but this file's keys:
 * files that flush each take a database number no other file uses.
 */
export function testRedis(database: number, name: string) {
  const url = `redis://127.0.0.1:6379/${database}`
  const keyPrefix = `test:flash-sale:${name}:${process.pid}:${Date.now()}`
  const redis = new Redis(url, { lazyConnect: true })

  const flush = async (): Promise<void> => {
    const foreign = (await redis.keys("*")).filter(
      (key) => !key.startsWith(keyPrefix)
    )
    if (foreign.length) {
      throw new Error(
        `Redis database ${database} holds keys this test did not write (${foreign[0]}); refusing to FLUSHDB`
      )
    }
    await redis.flushdb()
  }

  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}*`)
    if (keys.length) {
      await redis.del(...keys)
    }
    await redis.quit()
  })

  return { url, keyPrefix, redis, flush }
}

/** What `moduleIntegrationTestRunner` needs to boot the flash-sale module. */
export function flashSaleModuleRunner(
  dbName: string,
  moduleOptions: FlashSaleModuleOptions
) {
  return {
    moduleName: FLASH_SALE_MODULE,
    moduleModels: [
      FlashSale,
      FlashSaleItem,
      FlashSaleReservation,
      FlashSaleRateLimit,
    ],
    resolve: "./src/modules/flash-sale",
    moduleOptions,
    dbName,
    pathToMigrations: path.join(__dirname, "..", "..", "migrations"),
  }
}

/**
 * A Redis engine of its own beside the module's, as another instance would
 * run it: its own Redis connection, a store on the test's database.
 */
export function separateRedisEngine(
  url: string,
  keyPrefix: string,
  manager: SqlEntityManager,
  redisOptions: { enableAutoPipelining?: boolean } = {}
) {
  const redis = new Redis(url, { lazyConnect: true, ...redisOptions })
  const store = new FlashSaleStore(
    new DALUtils.MikroOrmBaseRepository({ manager })
  )
  const engine = new RedisReservationEngine({ redis, keyPrefix, store })
  return { redis, store, engine }
}
