package store

import (
	"context"
	"fmt"
)

// Ping checks that the database answers a query, for health checks.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.read(ctx).Raw("SELECT 1").Scan(&one).Error; err != nil {
		return fmt.Errorf("database: %w", err)
	}
	return nil
}
