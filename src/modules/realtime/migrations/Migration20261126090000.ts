import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261126090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "back_in_stock_subscription" ("id" text not null, "variant_id" text not null, "customer_id" text not null, "email" text not null, "notified_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "back_in_stock_subscription_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_back_in_stock_subscription_deleted_at" ON "back_in_stock_subscription" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_back_in_stock_subscription_pending_unique" ON "back_in_stock_subscription" ("variant_id", "customer_id") WHERE notified_at IS NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_back_in_stock_subscription_customer_id" ON "back_in_stock_subscription" ("customer_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "back_in_stock_subscription" cascade;`)
  }
}
