package store

import (
	"context"

	"tilmash/internal/workflow"
)

// Publish releases a document in one language, as the API's {"lang"}
// request does: the tests' shorthand for PublishLanguages and Single.
func (s *Store) Publish(ctx context.Context, actor workflow.Actor, docID int64, lang string) (ReleaseView, error) {
	res, err := s.PublishLanguages(ctx, actor, docID, PublishRequest{Langs: []string{lang}})
	if err != nil {
		return ReleaseView{}, err
	}
	return res.Single()
}
