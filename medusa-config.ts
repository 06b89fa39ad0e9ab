import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import {
  infrastructureModules,
  notificationProviders,
  queueName,
  redisPrefix,
} from "./src/config/infrastructure"
import { searchModules } from "./src/search/_module-config"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const workerMode = (process.env.MEDUSA_WORKER_MODE || "shared") as
  "shared" | "worker" | "server"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    redisPrefix: redisPrefix(process.env),
    workerMode,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors:
        process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable:
      process.env.DISABLE_MEDUSA_ADMIN === "true" || workerMode === "worker",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  featureFlags: {
    caching: true,
  },
  modules: [
    ...infrastructureModules(process.env),
    {
      key: Modules.AUTH,
      resolve: "@medusajs/medusa/auth",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
          // Customers migrated from the legacy store sign in once with their
          // old password, then move to emailpass.
          { resolve: "./src/modules/auth-legacy-bcrypt", id: "legacy-bcrypt" },
        ],
      },
    },
    { resolve: "./src/modules/loyalty" },
    ...searchModules(process.env),
    {
      resolve: "./src/modules/flash-sale",
      options: {
        redisUrl: process.env.REDIS_URL,
        keyPrefix: `${redisPrefix(process.env)}flash-sale`,
      },
    },
    {
      resolve: "./src/modules/realtime",
      options: {
        redisUrl: process.env.REDIS_URL,
        prefix: redisPrefix(process.env),
        historySize: Number(process.env.REALTIME_HISTORY_SIZE) || undefined,
      },
    },
    {
      key: Modules.NOTIFICATION,
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: notificationProviders(process.env),
      },
    },
    {
      resolve: "./src/modules/email-queue",
      dependencies: [Modules.NOTIFICATION],
      options: {
        redisUrl: process.env.REDIS_URL,
        queueName: queueName(process.env, "emails"),
        backoffMs: Number(process.env.EMAIL_BACKOFF_MS) || undefined,
      },
    },
  ],
})
