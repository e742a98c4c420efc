package store

import (
	"context"
	"fmt"
)

// UserNames maps user ids to names, for showing authors.
func (s *Store) UserNames(ctx context.Context) (map[int64]string, error) {
	var us []User
	if err := s.read(ctx).Select("id, name").Find(&us).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	m := make(map[int64]string, len(us))
	for _, u := range us {
		m[u.ID] = u.Name
	}
	return m, nil
}
