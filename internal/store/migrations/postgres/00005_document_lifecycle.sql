-- +goose Up
-- Documents that can be archived and listed page by page, as on SQLite
-- (migrations/sqlite/00005_document_lifecycle.sql says what each column
-- holds). search_text is left NULL here and filled by the store in Go when
-- it opens, so both dialects fold text the same way whatever the database's
-- locale.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS archived_at timestamptz;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS archived_by bigint;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS activity_at timestamptz;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_text text;
UPDATE documents d SET activity_at = GREATEST(d.created_at,
	(SELECT MAX(r.created_at) FROM revisions r WHERE r.document_id = d.id),
	(SELECT MAX(e.at) FROM events e JOIN segments s ON s.id = e.segment_id WHERE s.document_id = d.id))
WHERE activity_at IS NULL;
CREATE INDEX IF NOT EXISTS idx_documents_activity_at ON documents(activity_at);
