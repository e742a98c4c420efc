package store

import (
	"context"

	"tilmash/internal/app"
)

// Suggestions is the App's SuggestionSet without its exactness: the tests' shorthand.
func (s *Store) Suggestions(ctx context.Context, segID int64, lang string) ([]app.SuggestionView, error) {
	set, err := testApp(s).SuggestionSet(ctx, segID, lang)
	return set.Suggestions, err
}
