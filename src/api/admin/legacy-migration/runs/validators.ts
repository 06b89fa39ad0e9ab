import { z } from "@medusajs/framework/zod"
import type { AdminSource } from "../../../../modules/legacy-migration/run/admin-preflight"

const dumpFolder = z
  .string({ error: "source.dump must be the path of a mongodump folder" })
  .trim()
  .min(1, "source.dump must be the path of a mongodump folder")
  .max(4096)

const mongoUri = z
  .string({ error: "source.mongo must be a mongodb:// URI" })
  .trim()
  .regex(/^mongodb(\+srv)?:\/\/\S+$/, "source.mongo must be a mongodb:// URI")
  .max(2048)

const source = z
  .object({ dump: dumpFolder.optional(), mongo: mongoUri.optional() })
  .strict()
  .refine((s) => (s.dump === undefined) !== (s.mongo === undefined), {
    message: "Give source.dump (a mongodump folder) or source.mongo, not both",
  })
  .transform((s): AdminSource =>
    s.mongo !== undefined ? { mongo: s.mongo } : { dump: s.dump ?? "" }
  )

/** `POST /admin/legacy-migration/runs` */
export const AdminStartLegacyMigration = z
  .object({
    source,
    dry_run: z.boolean(),
    stage: z.union([z.literal(1), z.literal(2)], {
      error: "stage must be 1 (MongoDB to MySQL) or 2 (MySQL to Medusa)",
    }),
  })
  .strict()
export type AdminStartLegacyMigrationType = z.infer<
  typeof AdminStartLegacyMigration
>

/** `GET /admin/legacy-migration/runs` */
export const AdminListLegacyMigrationRuns = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListLegacyMigrationRunsType = z.infer<
  typeof AdminListLegacyMigrationRuns
>
