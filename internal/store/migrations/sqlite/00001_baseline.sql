-- +goose Up
-- The baseline: the schema that GORM's AutoMigrate made up to the release
-- of December 2026, statement for statement (TestUpgradeRelease202612
-- compares the two). IF NOT EXISTS makes it a no-op on a database that
-- release made, which has these tables but no goose_db_version yet.
--
-- Tilmash migrates forward only: there is no Down section. To go back,
-- restore a backup made before the upgrade (tilmash restore).

CREATE TABLE IF NOT EXISTS `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`title` text,
	`source_lang` text,
	`revision` integer,
	`created_at` datetime,
	`created_by` integer
);
CREATE TABLE IF NOT EXISTS `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`document_id` integer NOT NULL,
	`number` integer NOT NULL,
	`text` text,
	`warnings` text,
	`author_id` integer,
	`created_at` datetime,
	CONSTRAINT `fk_revisions_document` FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_revision_number` ON `revisions`(`document_id`,`number`);
CREATE TABLE IF NOT EXISTS `segments` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`document_id` integer NOT NULL,
	`source` text,
	`derived_from_id` integer,
	`created_at` datetime,
	CONSTRAINT `fk_segments_document` FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS `idx_segments_document_id` ON `segments`(`document_id`);
CREATE TABLE IF NOT EXISTS `revision_segments` (
	`revision_id` integer,
	`ordinal` integer,
	`segment_id` integer NOT NULL,
	`paragraph` integer,
	`position` integer,
	PRIMARY KEY (`revision_id`,`ordinal`),
	CONSTRAINT `fk_revision_segments_revision` FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_revision_segments_segment` FOREIGN KEY (`segment_id`) REFERENCES `segments`(`id`) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS `idx_revision_segments_segment_id` ON `revision_segments`(`segment_id`);
CREATE TABLE IF NOT EXISTS `languages` (
	`tag` text,
	`name` text,
	`native_name` text,
	`script` text,
	`direction` text,
	`ordinal` integer,
	`is_source` numeric,
	PRIMARY KEY (`tag`)
);
CREATE TABLE IF NOT EXISTS `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`name` text NOT NULL,
	`password_hash` text,
	`created_at` datetime
);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_users_name` ON `users`(`name`);
CREATE TABLE IF NOT EXISTS `user_roles` (
	`user_id` integer,
	`role` text,
	PRIMARY KEY (`user_id`,`role`),
	CONSTRAINT `fk_user_roles_user` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS `tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`user_id` integer NOT NULL,
	`hash` text NOT NULL,
	`created_at` datetime,
	CONSTRAINT `fk_tokens_user` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_tokens_hash` ON `tokens`(`hash`);
CREATE INDEX IF NOT EXISTS `idx_tokens_user_id` ON `tokens`(`user_id`);
CREATE TABLE IF NOT EXISTS `translations` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`segment_id` integer NOT NULL,
	`lang` text NOT NULL,
	`text` text,
	`state` text,
	`version` integer,
	`author_id` integer,
	`comment` text,
	`origin` text,
	`updated_at` datetime,
	CONSTRAINT `fk_translations_segment` FOREIGN KEY (`segment_id`) REFERENCES `segments`(`id`) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS `idx_translations_state` ON `translations`(`state`);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_translation_segment_lang` ON `translations`(`segment_id`,`lang`);
CREATE TABLE IF NOT EXISTS `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`segment_id` integer NOT NULL,
	`lang` text NOT NULL,
	`actor_id` integer,
	`action` text,
	`from_state` text,
	`to_state` text,
	`version` integer,
	`text` text,
	`comment` text,
	`at` datetime,
	CONSTRAINT `fk_events_segment` FOREIGN KEY (`segment_id`) REFERENCES `segments`(`id`) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS `idx_event_segment_lang` ON `events`(`segment_id`,`lang`);
CREATE TABLE IF NOT EXISTS `memory_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`source_lang` text NOT NULL,
	`target_lang` text NOT NULL,
	`source` text,
	`target` text,
	`origin` text,
	`author` text,
	`translation_id` integer,
	`created_at` datetime,
	`folded` text
);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_memory_entries_translation_id` ON `memory_entries`(`translation_id`);
CREATE INDEX IF NOT EXISTS `idx_memory_recent` ON `memory_entries`(`source_lang`,`target_lang`,`created_at` desc);
CREATE INDEX IF NOT EXISTS `idx_memory_pair` ON `memory_entries`(`source_lang`,`target_lang`);
CREATE TABLE IF NOT EXISTS `glossary_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`source_lang` text NOT NULL,
	`target_lang` text NOT NULL,
	`source` text,
	`target` text,
	`note` text,
	`forbidden` text,
	`created_at` datetime
);
CREATE INDEX IF NOT EXISTS `idx_glossary_pair` ON `glossary_terms`(`source_lang`,`target_lang`);
CREATE TABLE IF NOT EXISTS `signin_counters` (
	`subject` text,
	`attempts` integer NOT NULL,
	`last_at` datetime NOT NULL,
	PRIMARY KEY (`subject`)
);
CREATE INDEX IF NOT EXISTS `idx_signin_counters_last_at` ON `signin_counters`(`last_at`);
CREATE TABLE IF NOT EXISTS `releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`document_id` integer NOT NULL,
	`lang` text NOT NULL,
	`number` integer NOT NULL,
	`revision` integer,
	`title` text,
	`headline` text,
	`published_by` integer,
	`published_at` datetime,
	`partial` numeric,
	`reason` text,
	`missing` integer,
	`withdrawn_at` datetime,
	`withdrawn_by` integer,
	`withdraw_reason` text,
	CONSTRAINT `fk_releases_document` FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS `idx_release_lang` ON `releases`(`lang`,`published_at`);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_release_number` ON `releases`(`document_id`,`lang`,`number`);
CREATE TABLE IF NOT EXISTS `release_segments` (
	`release_id` integer,
	`ordinal` integer,
	`segment_id` integer,
	`paragraph` integer,
	`position` integer,
	`source` text,
	`text` text,
	`lang` text,
	`version` integer,
	PRIMARY KEY (`release_id`,`ordinal`),
	CONSTRAINT `fk_release_segments_release` FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`delivery` text NOT NULL,
	`url` text,
	`release_id` integer,
	`event` text,
	`attempt` integer,
	`status` integer,
	`error` text,
	`final` numeric,
	`at` datetime
);
CREATE INDEX IF NOT EXISTS `idx_webhook_deliveries_release_id` ON `webhook_deliveries`(`release_id`);
CREATE INDEX IF NOT EXISTS `idx_webhook_deliveries_delivery` ON `webhook_deliveries`(`delivery`);
CREATE TABLE IF NOT EXISTS `webhook_outboxes` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`delivery` text NOT NULL,
	`url` text NOT NULL,
	`event` text NOT NULL,
	`release_id` integer,
	`body` blob NOT NULL,
	`attempts` integer NOT NULL,
	`next_at` datetime NOT NULL,
	`claimed_until` datetime NOT NULL,
	`done` numeric NOT NULL,
	`created_at` datetime
);
CREATE INDEX IF NOT EXISTS `idx_outbox_due` ON `webhook_outboxes`(`done`,`next_at`);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_webhook_outboxes_delivery` ON `webhook_outboxes`(`delivery`);
CREATE TABLE IF NOT EXISTS `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`user_id` integer NOT NULL,
	`hash` text NOT NULL,
	`created_at` datetime,
	`expires_at` datetime,
	CONSTRAINT `fk_sessions_user` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS `idx_sessions_expires_at` ON `sessions`(`expires_at`);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_sessions_hash` ON `sessions`(`hash`);
CREATE INDEX IF NOT EXISTS `idx_sessions_user_id` ON `sessions`(`user_id`);
