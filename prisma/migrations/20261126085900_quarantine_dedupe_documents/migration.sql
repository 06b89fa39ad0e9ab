-- MergeDuplicates: per (collection, legacy_id) keep the first row (id, run, date) with the latest reason, detail and content, as the loader rewrites a re-refused document.
UPDATE `quarantine_records` AS `kept`
JOIN `quarantine_records` AS `latest`
    ON `latest`.`collection` = `kept`.`collection`
    AND `latest`.`legacy_id` = `kept`.`legacy_id`
    AND (`latest`.`created_at`, `latest`.`id`) > (`kept`.`created_at`, `kept`.`id`)
LEFT JOIN `quarantine_records` AS `earlier`
    ON `earlier`.`collection` = `kept`.`collection`
    AND `earlier`.`legacy_id` = `kept`.`legacy_id`
    AND (`earlier`.`created_at`, `earlier`.`id`) < (`kept`.`created_at`, `kept`.`id`)
LEFT JOIN `quarantine_records` AS `later`
    ON `later`.`collection` = `latest`.`collection`
    AND `later`.`legacy_id` = `latest`.`legacy_id`
    AND (`later`.`created_at`, `later`.`id`) > (`latest`.`created_at`, `latest`.`id`)
SET `kept`.`reason` = `latest`.`reason`,
    `kept`.`detail` = `latest`.`detail`,
    `kept`.`raw_document` = `latest`.`raw_document`
WHERE `earlier`.`id` IS NULL AND `later`.`id` IS NULL;

-- DeleteDuplicates
DELETE `duplicate` FROM `quarantine_records` AS `duplicate`
JOIN `quarantine_records` AS `kept`
    ON `kept`.`collection` = `duplicate`.`collection`
    AND `kept`.`legacy_id` = `duplicate`.`legacy_id`
    AND (`kept`.`created_at`, `kept`.`id`) < (`duplicate`.`created_at`, `duplicate`.`id`);
