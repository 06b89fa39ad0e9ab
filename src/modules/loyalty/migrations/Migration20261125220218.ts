import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125220218 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "loyalty_hold" drop constraint if exists "loyalty_hold_cart_id_active_unique";`
    )
    this.addSql(
      `alter table if exists "loyalty_entry" drop constraint if exists "loyalty_entry_idempotency_key_unique";`
    )
    this.addSql(
      `alter table if exists "loyalty_account" drop constraint if exists "loyalty_account_referral_code_unique";`
    )
    this.addSql(
      `alter table if exists "loyalty_account" drop constraint if exists "loyalty_account_customer_id_unique";`
    )
    this.addSql(
      `create table if not exists "loyalty_account" ("id" text not null, "customer_id" text not null, "balance" integer not null default 0, "held" integer not null default 0, "lifetime_earned" integer not null default 0, "tier" text not null default 'bronze', "referral_code" text not null, "last_activity_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_account_pkey" primary key ("id"), constraint loyalty_account_balance_check check (balance >= 0), constraint loyalty_account_held_check check (held >= 0 AND held <= balance), constraint loyalty_account_lifetime_earned_check check (lifetime_earned >= 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_loyalty_account_deleted_at" ON "loyalty_account" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_account_customer_id_unique" ON "loyalty_account" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_account_referral_code_unique" ON "loyalty_account" ("referral_code");`
    )

    this.addSql(
      `create table if not exists "loyalty_entry" ("id" text not null, "account_id" text not null, "type" text check ("type" in ('earn', 'redeem', 'expire', 'adjust', 'reverse', 'bonus')) not null, "points" integer not null, "balance_after" integer not null, "reason" text not null, "source_type" text not null, "source_id" text null, "idempotency_key" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_entry_pkey" primary key ("id"), constraint loyalty_entry_points_check check (points <> 0), constraint loyalty_entry_balance_after_check check (balance_after >= 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_account_id" ON "loyalty_entry" ("account_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_deleted_at" ON "loyalty_entry" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_account_id_created_at" ON "loyalty_entry" ("account_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_entry_idempotency_key_unique" ON "loyalty_entry" ("idempotency_key");`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_source_type_source_id" ON "loyalty_entry" ("source_type", "source_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "loyalty_hold" ("id" text not null, "account_id" text not null, "cart_id" text not null, "points" integer not null, "status" text check ("status" in ('active', 'released', 'consumed')) not null default 'active', "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_hold_pkey" primary key ("id"), constraint loyalty_hold_points_check check (points > 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_loyalty_hold_account_id" ON "loyalty_hold" ("account_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_loyalty_hold_deleted_at" ON "loyalty_hold" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_hold_cart_id_active_unique" ON "loyalty_hold" ("cart_id") WHERE status = 'active' AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_loyalty_hold_cart_id" ON "loyalty_hold" ("cart_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "loyalty_settings" ("id" text not null, "points_per_unit" jsonb not null, "point_value" jsonb not null, "min_redemption" integer not null, "max_cart_share" real not null, "expiry_months" integer not null, "tiers" jsonb not null, "signup_bonus" integer not null, "birthday_bonus" integer not null, "referral_bonus_referrer" integer not null, "referral_bonus_referee" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_settings_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_loyalty_settings_deleted_at" ON "loyalty_settings" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "loyalty_entry" add constraint "loyalty_entry_account_id_foreign" foreign key ("account_id") references "loyalty_account" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "loyalty_hold" add constraint "loyalty_hold_account_id_foreign" foreign key ("account_id") references "loyalty_account" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "loyalty_entry" drop constraint if exists "loyalty_entry_account_id_foreign";`
    )

    this.addSql(
      `alter table if exists "loyalty_hold" drop constraint if exists "loyalty_hold_account_id_foreign";`
    )

    this.addSql(`drop table if exists "loyalty_account" cascade;`)

    this.addSql(`drop table if exists "loyalty_entry" cascade;`)

    this.addSql(`drop table if exists "loyalty_hold" cascade;`)

    this.addSql(`drop table if exists "loyalty_settings" cascade;`)
  }
}
