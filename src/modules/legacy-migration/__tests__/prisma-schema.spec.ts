import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import { PrismaMariaDb } from "@prisma/adapter-mariadb"
import { createConnection, type Connection } from "mariadb"
import { deployMigrations, DEFAULT_MIGRATIONS_DIR } from "../deploy/deploy"
import { migrationChecksum } from "../deploy/migrations"
import { parseMysqlUrl } from "../deploy/mysql-url"
import { FIXTURE_PASSWORDS } from "../fixture/passwords"
import { PrismaClient } from "../generated/prisma/client"
import {
  describeDatabase,
  PRISMA_BOOKKEEPING_TABLES,
} from "../schema-check/describe-database"
import { readPrismaDmmf } from "../schema-check/dmmf"
import { expectedSchema } from "../schema-check/expected-schema"
import type { DatabaseShape } from "../schema-check/shape"

jest.setTimeout(60_000)

const SERVER =
  process.env.LEGACY_MYSQL_TEST_URL ?? "mysql://root@127.0.0.1:3306"
const SCHEMA = join(DEFAULT_MIGRATIONS_DIR, "..", "schema.prisma")
const database = `klelite_schema_${process.pid}_${Date.now().toString(36)}`
const url = `${SERVER}/${database}`
const target = parseMysqlUrl(url)

let admin: Connection
let tempDirs: string[] = []

async function migrationRows() {
  return admin.query(
    `SELECT id, checksum, migration_name, finished_at, started_at, logs,
       rolled_back_at, applied_steps_count
     FROM \`${database}\`._prisma_migrations ORDER BY migration_name`
  )
}

async function describeSchema() {
  const shape = await describeDatabase(admin, database)
  PRISMA_BOOKKEEPING_TABLES.forEach((name) => delete shape[name])
  return shape
}

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "klelite-migrations-"))
  tempDirs.push(dir)
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true })
  return dir
}

beforeAll(async () => {
  const { host, port, user, password } = target
  admin = await createConnection({ host, port, user, password })
})

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``)
  await admin.query(`DROP DATABASE IF EXISTS \`${database}_failing\``)
  await admin.end()
  await Promise.all(
    tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))
  )
  tempDirs = []
})

describe("prisma/migrations deployed to MariaDB", () => {
  let deployed: Awaited<ReturnType<typeof deployMigrations>>
  let names: string[]
  let expected: DatabaseShape

  beforeAll(async () => {
    names = (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
    deployed = await deployMigrations({ url })
    expected = expectedSchema(await readPrismaDmmf(SCHEMA))
  })

  it("creates the database and applies every migration in order", () => {
    expect(names.length).toBeGreaterThan(0)
    expect(deployed).toEqual({
      databaseCreated: true,
      found: names.length,
      applied: names,
      alreadyApplied: [],
      unknownInDatabase: [],
    })
  })

  it("builds exactly the tables, columns, keys and foreign keys of schema.prisma", async () => {
    expect(Object.keys(expected).length).toBe(17)
    expect(await describeSchema()).toEqual(expected)
  })

  it("records each migration in _prisma_migrations as Prisma does", async () => {
    const rows = await migrationRows()
    expect(
      rows.map((row: { migration_name: string }) => row.migration_name)
    ).toEqual(names)
    for (const row of rows) {
      const script = await readFile(
        join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql")
      )
      expect(row).toEqual({
        id: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        ),
        checksum: migrationChecksum(script),
        migration_name: row.migration_name,
        started_at: expect.any(Date),
        finished_at: expect.any(Date),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      })
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(
        row.started_at.getTime()
      )
    }
  })

  it("changes nothing when deployed again", async () => {
    const [schemaBefore, rowsBefore] = [
      await describeSchema(),
      await migrationRows(),
    ]
    const again = await deployMigrations({ url })
    expect(again).toEqual({
      ...deployed,
      databaseCreated: false,
      applied: [],
      alreadyApplied: names,
    })
    expect(await describeSchema()).toEqual(schemaBefore)
    expect(await migrationRows()).toEqual(rowsBefore)
  })

  it("refuses a migration edited after it was applied", async () => {
    const dir = await copyMigrations()
    const file = join(dir, names[0], "migration.sql")
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited\n`)
    await expect(deployMigrations({ url, migrationsDir: dir })).rejects.toThrow(
      `Migration ${names[0]} was edited after it was applied`
    )
  })

  it("records a failing migration and refuses to deploy past it", async () => {
    const failing = `${url}_failing`
    const dir = await copyMigrations()
    await mkdir(join(dir, "99991231000000_broken"))
    await writeFile(
      join(dir, "99991231000000_broken", "migration.sql"),
      "ALTER TABLE `no_such_table` ADD COLUMN `x` INTEGER;\n"
    )

    await expect(
      deployMigrations({ url: failing, migrationsDir: dir })
    ).rejects.toThrow("Migration 99991231000000_broken failed")
    const [row] = await admin.query(
      `SELECT finished_at, logs, applied_steps_count FROM \`${database}_failing\`._prisma_migrations
       WHERE migration_name = ?`,
      ["99991231000000_broken"]
    )
    expect(row).toEqual({
      finished_at: null,
      logs: expect.stringContaining("no_such_table"),
      applied_steps_count: 0,
    })
    await expect(
      deployMigrations({ url: failing, migrationsDir: dir })
    ).rejects.toThrow("Migration 99991231000000_broken failed earlier")
  })

  it("notices a column that drifted from the schema", async () => {
    await admin.query(
      `ALTER TABLE \`${database}\`.customers MODIFY phone VARCHAR(40) NULL`
    )
    try {
      const actual = await describeSchema()
      expect(actual.customers.columns.phone.type).toBe("varchar(40)")
      expect(actual).not.toEqual(expected)
    } finally {
      await admin.query(
        `ALTER TABLE \`${database}\`.customers MODIFY phone VARCHAR(32) NULL`
      )
    }
  })
})

describe("deploy errors", () => {
  it("says what to set when LEGACY_MYSQL_URL is missing", async () => {
    await expect(deployMigrations({ url: undefined })).rejects.toThrow(
      "LEGACY_MYSQL_URL is not set"
    )
  })

  it("says the server is unreachable in one line", async () => {
    await expect(
      deployMigrations({ url: "mysql://root@127.0.0.1:1/x" })
    ).rejects.toThrow(
      /^Cannot reach MySQL\/MariaDB at 127\.0\.0\.1:1 \(ECONNREFUSED\); is the server running\?$/
    )
  })
})

describe("generated Prisma client over the MariaDB adapter", () => {
  let prisma: InstanceType<typeof PrismaClient>

  beforeAll(async () => {
    await deployMigrations({ url })
    const { host, port, user, password } = target
    prisma = new PrismaClient({
      adapter: new PrismaMariaDb({
        host,
        port,
        user,
        password,
        database,
        connectionLimit: 2,
      }),
    })
  })

  afterAll(async () => {
    await prisma.$disconnect()
  })

  it("creates a customer with an address and reads it back by email", async () => {
    const created = await prisma.customer.create({
      data: {
        legacyId: "5d17c947124a0ce28c00003e",
        email: "camille.martin1@orange.fr",
        passwordHash: FIXTURE_PASSWORDS[0].hash,
        firstName: "Camille",
        loyaltyPoints: 120,
        addresses: {
          create: [
            {
              position: 0,
              line1: "12 rue Oberkampf",
              city: "Paris",
              countryCode: "FR",
              isDefault: true,
            },
          ],
        },
      },
    })
    const found = await prisma.customer.findUnique({
      where: { email: "camille.martin1@orange.fr" },
      include: { addresses: true },
    })
    expect(found).toMatchObject({
      id: created.id,
      legacyId: "5d17c947124a0ce28c00003e",
      loyaltyPoints: 120,
      deletedAt: null,
      addresses: [
        { position: 0, city: "Paris", countryCode: "FR", isDefault: true },
      ],
    })
    await expect(
      prisma.customer.create({
        data: {
          legacyId: "5d17c947124a0ce28c00003f",
          email: "camille.martin1@orange.fr",
          passwordHash: "x",
          firstName: "C",
        },
      })
    ).rejects.toMatchObject({ code: "P2002" })
  })

  it("keeps decimal prices exact", async () => {
    const product = await prisma.product.create({
      data: {
        legacyId: "5d17c947124a0ce28c000040",
        name: "Paris-Brest signature",
        slug: "paris-brest-signature-1",
        price: "12.50",
        variants: {
          create: [
            { position: 0, sku: "KL-000001-1", name: "Pour 4", price: "0.10" },
          ],
        },
      },
      include: { variants: true },
    })
    expect(product.price.toFixed(2)).toBe("12.50")
    expect(product.variants[0].price.plus("0.20").toFixed(2)).toBe("0.30")
  })
})
