package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/workflow"
)

// ActorByName loads a user with roles by name, for command-line tools that
// act on behalf of a person (tilmash xliff import --user NAME).
func (s *Store) ActorByName(ctx context.Context, name string) (workflow.Actor, error) {
	var u User
	err := s.read(ctx).Select("id").Where("name = ?", strings.TrimSpace(name)).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return workflow.Actor{}, apperr.New(apperr.NotFound, "no user named %q", strings.TrimSpace(name))
	}
	if err != nil {
		return workflow.Actor{}, fmt.Errorf("find user %s: %w", name, err)
	}
	return s.Actor(ctx, u.ID)
}
