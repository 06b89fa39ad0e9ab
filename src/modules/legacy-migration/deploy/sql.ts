// Statements on Prisma's bookkeeping table, shaped as `prisma migrate deploy`
// writes them so Prisma's own CLI can take over the database later.

/** Prisma's advisory lock: our deploy and Prisma's exclude each other. */
export const MIGRATE_LOCK_NAME = "prisma_migrate"

/** Params: lock name, timeout in seconds. */
export const GET_LOCK = `SELECT GET_LOCK(?, ?) AS acquired`

/** Params: lock name. */
export const RELEASE_LOCK = `SELECT RELEASE_LOCK(?) AS released`

/** Params: none. */
export const MIGRATIONS_TABLE_EXISTS = `
SELECT COUNT(*) AS found FROM information_schema.tables
WHERE table_schema = DATABASE() AND table_name = '_prisma_migrations'`

/** Params: none. */
export const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             DATETIME(3),
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          DATETIME(3),
    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`

/** Params: none. */
export const SELECT_MIGRATION_ROWS = `
SELECT id, checksum, migration_name, finished_at, rolled_back_at
FROM _prisma_migrations ORDER BY started_at, migration_name`

/** Params: id, checksum, migration name. */
export const INSERT_STARTED = `
INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count)
VALUES (?, ?, UTC_TIMESTAMP(3), ?, 0)`

/** Params: id. */
export const MARK_FINISHED = `
UPDATE _prisma_migrations
SET applied_steps_count = applied_steps_count + 1, finished_at = UTC_TIMESTAMP(3)
WHERE id = ?`

/** Params: logs, id. */
export const MARK_FAILED = `UPDATE _prisma_migrations SET logs = ? WHERE id = ?`
