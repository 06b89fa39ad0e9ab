import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125230000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "flash_sale_rate_limit" drop constraint if exists "flash_sale_rate_limit_key_unique";`
    )
    this.addSql(
      `alter table if exists "flash_sale_item" drop constraint if exists "flash_sale_item_sale_id_variant_id_unique";`
    )
    this.addSql(
      `create table if not exists "flash_sale" ("id" text not null, "title" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" text check ("status" in ('draft', 'scheduled', 'active', 'ended')) not null default 'draft', "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "flash_sale_pkey" primary key ("id"), constraint flash_sale_window_check check (ends_at > starts_at));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_deleted_at" ON "flash_sale" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_status_starts_at" ON "flash_sale" ("status", "starts_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "flash_sale_item" ("id" text not null, "sale_id" text not null, "variant_id" text not null, "prices" jsonb not null, "units_allocated" integer not null, "units_sold" integer not null default 0, "units_reserved" integer not null default 0, "per_customer_limit" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "flash_sale_item_pkey" primary key ("id"), constraint flash_sale_item_units_check check (units_sold >= 0 AND units_reserved >= 0 AND units_sold + units_reserved <= units_allocated), constraint flash_sale_item_per_customer_limit_check check (per_customer_limit > 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_item_sale_id" ON "flash_sale_item" ("sale_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_item_deleted_at" ON "flash_sale_item" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_flash_sale_item_sale_id_variant_id_unique" ON "flash_sale_item" ("sale_id", "variant_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_item_variant_id" ON "flash_sale_item" ("variant_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "flash_sale_rate_limit" ("id" text not null, "key" text not null, "hits" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "flash_sale_rate_limit_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_rate_limit_deleted_at" ON "flash_sale_rate_limit" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_flash_sale_rate_limit_key_unique" ON "flash_sale_rate_limit" ("key");`
    )

    this.addSql(
      `create table if not exists "flash_sale_reservation" ("id" text not null, "item_id" text not null, "customer_id" text not null, "quantity" integer not null, "status" text check ("status" in ('active', 'converted', 'released', 'expired')) not null default 'active', "expires_at" timestamptz not null, "cart_id" text null, "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "flash_sale_reservation_pkey" primary key ("id"), constraint flash_sale_reservation_quantity_check check (quantity > 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_reservation_item_id" ON "flash_sale_reservation" ("item_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_reservation_deleted_at" ON "flash_sale_reservation" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_reservation_item_id_customer_id" ON "flash_sale_reservation" ("item_id", "customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_reservation_active_expires_at" ON "flash_sale_reservation" ("expires_at") WHERE status = 'active' AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_reservation_cart_id" ON "flash_sale_reservation" ("cart_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "flash_sale_item" add constraint "flash_sale_item_sale_id_foreign" foreign key ("sale_id") references "flash_sale" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "flash_sale_reservation" add constraint "flash_sale_reservation_item_id_foreign" foreign key ("item_id") references "flash_sale_item" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "flash_sale_item" drop constraint if exists "flash_sale_item_sale_id_foreign";`
    )

    this.addSql(
      `alter table if exists "flash_sale_reservation" drop constraint if exists "flash_sale_reservation_item_id_foreign";`
    )

    this.addSql(`drop table if exists "flash_sale" cascade;`)

    this.addSql(`drop table if exists "flash_sale_item" cascade;`)

    this.addSql(`drop table if exists "flash_sale_rate_limit" cascade;`)

    this.addSql(`drop table if exists "flash_sale_reservation" cascade;`)
  }
}
