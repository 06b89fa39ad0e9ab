const path = require("path")
const { createDatabase, dropDatabase, ROOT } = require("./server")

// The engine is TypeScript: compile it on load, as `medusa develop` would.
require("ts-node").register({ transpileOnly: true })

const {
  DALUtils,
  ModulesSdkUtils,
  toMikroOrmEntities,
} = require("@medusajs/framework/utils")
const MODULE_DIR = path.join(ROOT, "src", "modules", "flash-sale")
const models = require(path.join(MODULE_DIR, "models"))
const { FlashSaleStore } = require(
  path.join(MODULE_DIR, "store", "flash-sale-store")
)

/**
 * A throw-away database migrated with the flash-sale module's own
 * migration, and a store on it wired as the module loader wires it: a
 * shared knex pool (10 connections) under a MikroORM entity manager.
 */
async function openFlashSaleDatabase(adminUrl) {
  const name = `klelite_bench_flash_sale_${Date.now()}`
  const clientUrl = createDatabase(adminUrl, name)
  const connection = ModulesSdkUtils.createPgConnection({
    clientUrl,
    schema: "public",
    pool: { min: 2, max: 10 },
  })
  const orm = await DALUtils.mikroOrmCreateConnection(
    // No snapshot: it would be written into the module's migrations folder.
    { clientUrl, schema: "public", connection, snapshot: false },
    toMikroOrmEntities(Object.values(models)),
    path.join(MODULE_DIR, "migrations")
  )
  await orm.getMigrator().up()

  const store = new FlashSaleStore(
    new DALUtils.MikroOrmBaseRepository({ manager: orm.em })
  )
  return {
    store,
    /** Runs one parameterised statement; returns its rows. */
    query: (sql, params = []) => orm.em.fork().execute(sql, params),
    close: async () => {
      await orm.close(true)
      await connection.destroy()
      dropDatabase(adminUrl, name)
    },
  }
}

module.exports = { openFlashSaleDatabase, MODULE_DIR }
