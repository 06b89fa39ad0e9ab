-- CreateIndex
CREATE UNIQUE INDEX `quarantine_records_collection_legacy_id_key` ON `quarantine_records`(`collection`, `legacy_id`);
