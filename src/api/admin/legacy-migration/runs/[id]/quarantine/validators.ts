import { z } from "@medusajs/framework/zod"
import { LEGACY_COLLECTIONS } from "../../../../../../modules/legacy-migration/types"

/** `GET /admin/legacy-migration/runs/:id/quarantine` */
export const AdminListLegacyQuarantine = z
  .object({
    collection: z.enum(LEGACY_COLLECTIONS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListLegacyQuarantineType = z.infer<
  typeof AdminListLegacyQuarantine
>
