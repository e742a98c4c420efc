package store

import "context"

// Suggestions is SuggestionSet without its exactness: the tests' shorthand.
func (s *Store) Suggestions(ctx context.Context, segID int64, lang string) ([]SuggestionView, error) {
	set, err := s.SuggestionSet(ctx, segID, lang)
	return set.Suggestions, err
}
