import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261126023843 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "flash_sale_reservation" drop constraint if exists "flash_sale_reservation_status_check";`
    )

    this.addSql(
      `alter table if exists "flash_sale_reservation" add constraint "flash_sale_reservation_status_check" check("status" in ('active', 'converted', 'released', 'expired', 'returned'));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_reservation_order_id" ON "flash_sale_reservation" ("order_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "flash_sale_reservation" drop constraint if exists "flash_sale_reservation_status_check";`
    )

    this.addSql(`drop index if exists "IDX_flash_sale_reservation_order_id";`)

    this.addSql(
      `alter table if exists "flash_sale_reservation" add constraint "flash_sale_reservation_status_check" check("status" in ('active', 'converted', 'released', 'expired'));`
    )
  }
}
