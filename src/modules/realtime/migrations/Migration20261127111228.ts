import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261127111228 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "low_stock_alert" drop constraint if exists "low_stock_alert_level_variant_unique";`
    )
    this.addSql(
      `create table if not exists "low_stock_alert" ("id" text not null, "inventory_level_id" text not null, "variant_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "low_stock_alert_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_low_stock_alert_deleted_at" ON "low_stock_alert" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_low_stock_alert_level_variant_unique" ON "low_stock_alert" ("inventory_level_id", "variant_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "low_stock_alert" cascade;`)
  }
}
