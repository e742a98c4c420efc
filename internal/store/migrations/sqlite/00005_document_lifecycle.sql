-- +goose Up
-- Documents that can be archived and listed page by page (issue 14,
-- points 2 and 3):
--   archived_at, archived_by  who took the document off the work lists and
--                             when; NULL while it is in use.
--   activity_at               its newest activity (import, revision, any
--                             history event), the dashboard's order.
--   search_text               its title and the text of its current
--                             revision, folded (NFC, lower case) in Go
--                             (store.fold), for a case-blind search in both
--                             dialects; the store fills rows left NULL
--                             (documents made before this migration) when
--                             it opens.
ALTER TABLE `documents` ADD COLUMN `archived_at` datetime;
ALTER TABLE `documents` ADD COLUMN `archived_by` integer;
ALTER TABLE `documents` ADD COLUMN `activity_at` datetime;
ALTER TABLE `documents` ADD COLUMN `search_text` text;
UPDATE `documents` SET `activity_at` = COALESCE(
	(SELECT MAX(r.created_at) FROM revisions r WHERE r.document_id = documents.id), created_at);
UPDATE `documents` SET `activity_at` = (SELECT MAX(e.at) FROM events e JOIN segments s ON s.id = e.segment_id
	WHERE s.document_id = documents.id)
WHERE (SELECT MAX(e.at) FROM events e JOIN segments s ON s.id = e.segment_id
	WHERE s.document_id = documents.id) > `activity_at`;
CREATE INDEX IF NOT EXISTS `idx_documents_activity_at` ON `documents`(`activity_at`);
