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

// SchemaVersions reads the newest migration the database has applied and
// the newest this binary knows; it writes nothing.
func (s *Store) SchemaVersions(ctx context.Context) (applied, known int64, err error) {
	sqlDB, err := s.rdb.DB()
	if err != nil {
		return 0, 0, err
	}
	m, err := newMigrator(sqlDB, s.dialect)
	if err != nil {
		return 0, 0, err
	}
	if applied, err = m.current(ctx); err != nil {
		return 0, 0, err
	}
	return applied, m.known(), nil
}
