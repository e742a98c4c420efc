package store

import (
	"context"
	"fmt"
	"tilmash/internal/textfold"

	"gorm.io/gorm"
)

// searchText is what Document.SearchText holds: the title and the text of
// the current revision, folded (fold: NFC, lower case), so that one
// containsSQL per word finds "Астана" in "АСТАНА" on SQLite, whose lower()
// folds ASCII only, and on PostgreSQL whatever its locale.
func searchText(title, text string) string {
	return textfold.Fold(title) + "\n" + textfold.Fold(text)
}

// fillSearchText folds the search text of documents that have none: those
// made before migration 00005, which could not fold in SQL the way fold
// does on both dialects. It runs at every open and finds nothing after the
// first; a second process doing it at once writes the same values.
func (s *Store) fillSearchText(ctx context.Context) error {
	type row struct {
		ID    int64
		Title string
		Text  string
	}
	var rows []row
	err := s.read(ctx).Table("documents AS d").Select("d.id AS id, d.title AS title, r.text AS text").
		Joins("JOIN revisions r ON r.document_id = d.id AND r.number = d.revision").
		Where("d.search_text IS NULL").Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("find documents to index: %w", err)
	}
	if len(rows) == 0 {
		return nil
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		for _, r := range rows {
			if err := tx.Model(&Document{}).Where("id = ? AND search_text IS NULL", r.ID).
				Update("search_text", searchText(r.Title, r.Text)).Error; err != nil {
				return fmt.Errorf("index document %d: %w", r.ID, err)
			}
		}
		return nil
	})
}
