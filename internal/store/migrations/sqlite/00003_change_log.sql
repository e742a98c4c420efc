-- +goose Up
-- The change log (changes.go): one row per write that a process's caches
-- depend on (memory entries added or removed, glossary terms changed),
-- written in that write's transaction; every process polls it. AUTOINCREMENT
-- keeps ids increasing and never reused, which the followers rely on.
CREATE TABLE IF NOT EXISTS `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`topic` text NOT NULL,
	`lang` text NOT NULL,
	`added` text,
	`removed` text,
	`created_at` datetime
);
