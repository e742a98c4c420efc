package store

import (
	"context"

	"gorm.io/gorm"
)

// Tx is one transaction's repositories, as internal/app's Tx declares them.
// Its methods take no context: the transaction is bound to the one Write
// was called with.
type Tx struct {
	db *gorm.DB
}

// Write runs fn in one transaction through the writer goroutine (write.go):
// all of fn's writes land or none do, and Write returns after the commit.
func (s *Store) Write(ctx context.Context, fn func(*Tx) error) error {
	return s.write(ctx, func(db *gorm.DB) error { return fn(&Tx{db: db}) })
}
