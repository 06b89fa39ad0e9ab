-- CreateTable
CREATE TABLE `migration_stage_2_runs` (
    `id` VARCHAR(64) NOT NULL,
    `status` ENUM('running', 'completed', 'failed', 'interrupted') NOT NULL DEFAULT 'running',
    `started_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `finished_at` DATETIME(3) NULL,
    `totals` JSON NOT NULL,
    `counts` JSON NOT NULL,
    `report` JSON NULL,
    `error` VARCHAR(1000) NULL,

    INDEX `migration_stage_2_runs_started_at_idx`(`started_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
