import { defineConfig } from "prisma/config"

// `env()` from prisma/config throws when the variable is unset, which would
// break `prisma generate` on machines (CI, postinstall) without a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.LEGACY_MYSQL_URL ?? "" },
})
