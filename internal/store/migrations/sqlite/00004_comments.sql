-- +goose Up
-- Comments on segments (issue 14 point 6): a question or an answer about a
-- sentence, in one target language or (lang '') about the Russian source
-- for every language. A comment is resolved once, never edited; its
-- creation is also an event of the segment's history. document_id is the
-- segment's, kept here so that the dashboard counts a document's open
-- comments without joining the segments.
CREATE TABLE IF NOT EXISTS `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`segment_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`lang` text NOT NULL,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` datetime NOT NULL,
	`resolved_by` integer,
	`resolved_at` datetime,
	CONSTRAINT `fk_comments_segment` FOREIGN KEY (`segment_id`) REFERENCES `segments`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_comments_document` FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS `idx_comments_segment` ON `comments`(`segment_id`,`lang`);
CREATE INDEX IF NOT EXISTS `idx_comments_document` ON `comments`(`document_id`,`lang`);

