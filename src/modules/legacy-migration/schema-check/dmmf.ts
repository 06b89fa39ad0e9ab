import { execFile } from "child_process"
import { mkdtemp, readFile, rm, writeFile } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import { promisify } from "util"

/** The parts of Prisma's DMMF a schema comparison needs. */
export type DmmfField = {
  name: string
  dbName?: string | null
  kind: "scalar" | "object" | "enum" | "unsupported"
  isList: boolean
  isRequired: boolean
  isUpdatedAt: boolean
  type: string
  nativeType?: [string, string[]] | null
  hasDefaultValue: boolean
  default?: unknown
  relationFromFields?: string[]
  relationToFields?: string[]
  relationOnDelete?: string
}

export type DmmfModel = {
  name: string
  dbName: string | null
  fields: DmmfField[]
}

export type DmmfIndex = {
  model: string
  type: "id" | "unique" | "normal" | "fulltext"
  dbName?: string | null
  fields: { name: string }[]
}

export type DmmfEnum = {
  name: string
  values: { name: string; dbName: string | null }[]
}

export type Dmmf = {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] }
}

const PROJECT_ROOT = join(__dirname, "..", "..", "..", "..")
const GENERATOR = join(PROJECT_ROOT, "scripts", "legacy", "dmmf-generator.js")
const PRISMA_CLI = join(
  PROJECT_ROOT,
  "node_modules",
  "prisma",
  "build",
  "index.js"
)

/**
 * Prisma's DMMF of `schemaPath`, read without the schema engine: a copy of
 * the schema whose only generator writes the DMMF `prisma generate` hands it.
 */
export async function readPrismaDmmf(schemaPath: string): Promise<Dmmf> {
  const dir = await mkdtemp(join(tmpdir(), "klelite-dmmf-"))
  try {
    const schema = await readFile(schemaPath, "utf8")
    const output = join(dir, "dmmf.json")
    const generator = `generator dmmf {\n  provider = ${JSON.stringify(`node ${GENERATOR}`)}\n  output   = ${JSON.stringify(output)}\n}`
    const rewritten = schema.replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "")
    await writeFile(join(dir, "schema.prisma"), `${generator}\n${rewritten}`)
    await promisify(execFile)(
      process.execPath,
      [PRISMA_CLI, "generate", "--schema", join(dir, "schema.prisma")],
      {
        cwd: dir,
        // Safe for `generate`, which never runs the engine it points at.
        env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" },
      }
    )
    return JSON.parse(await readFile(output, "utf8"))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
