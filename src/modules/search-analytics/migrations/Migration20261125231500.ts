import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125231500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "search_query_stat" ("id" text not null, "query" text not null, "day" timestamptz not null, "searches" integer not null default 0, "no_result_searches" integer not null default 0, "last_result_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_query_stat_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_search_query_stat_query_day_unique" ON "search_query_stat" ("query", "day");`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_query_stat_day" ON "search_query_stat" ("day") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_query_stat_deleted_at" ON "search_query_stat" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search_query_stat" cascade;`)
  }
}
