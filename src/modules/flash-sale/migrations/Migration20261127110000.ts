import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261127110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_flash_sale_reservation_customer_id_item_id" ON "flash_sale_reservation" ("customer_id", "item_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `drop index if exists "IDX_flash_sale_reservation_customer_id_item_id";`
    )
  }
}
