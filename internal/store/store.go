// Package store is the SQLite adapter: GORM models, the one place that opens
// transactions, and the operations that apply workflow decisions to data.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/language"
	"tilmash/internal/tm"
)

// Store is the database of one Tilmash instance.
type Store struct {
	db *gorm.DB
	// writeMu queues this process's writers so they do not spin on SQLite's
	// busy handler; BEGIN IMMEDIATE and the busy timeout still order writers
	// from other processes (a CLI import while the server runs).
	writeMu sync.Mutex
	now     func() time.Time
	// memory is the in-process translation-memory index, a mirror of the
	// memory_entries table kept current after every commit.
	memory *tm.Memory
	// glossaries caches the matcher of each target language's terms;
	// a change to a language's terms drops its entry.
	glossMu    sync.Mutex
	glossaries map[string]*glossary.Glossary
	// observer hears of committed changes (metrics); see Observe.
	observer Observer
	// inUse holds the shared lock that tells restore the database is open.
	inUse *os.File
}

// openDB opens the SQLite file at path as every Tilmash process does: WAL
// journal, a busy timeout, foreign keys, BEGIN IMMEDIATE for writes, and the
// tilmash_fold function on every connection.
func openDB(path string) (*gorm.DB, error) {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	q.Set("_synchronous", "NORMAL")
	dsn := "file:" + path + "?" + q.Encode()
	db, err := gorm.Open(sqlite.New(sqlite.Config{DriverName: foldDriver(), DSN: dsn}), &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true, // every write goes through Store.write, which owns the transaction
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

// Open opens (creating if needed) the SQLite file at path, migrates the schema
// and seeds the languages.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := secureDBFile(path); err != nil {
		return nil, err
	}
	inUse, err := useLock(path)
	if err != nil {
		return nil, err
	}
	db, err := openDB(path)
	if err != nil {
		inUse.Close()
		return nil, err
	}
	s := &Store{db: db, now: func() time.Time { return time.Now().UTC() }, memory: tm.NewMemory(),
		glossaries: map[string]*glossary.Glossary{}, observer: nopObserver{}, inUse: inUse}
	if err := db.WithContext(ctx).AutoMigrate(allModels()...); err != nil {
		s.Close()
		return nil, fmt.Errorf("migrate database %s: %w", path, err)
	}
	for _, step := range []func(context.Context) error{s.seedLanguages, s.seedGlossaries, s.foldMemory, s.loadMemory} {
		if err := step(ctx); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	defer s.inUse.Close()
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// write runs fn in one IMMEDIATE transaction: all of it lands or none.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.db.WithContext(ctx).Transaction(fn)
}

// read gives a session for reads.
func (s *Store) read(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

func (s *Store) seedLanguages(ctx context.Context) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Language{}).Count(&n).Error; err != nil {
			return fmt.Errorf("seed languages: %w", err)
		}
		if n > 0 {
			return nil
		}
		for i, l := range language.Seed() {
			row := Language{Tag: l.Tag, Name: l.Name, NativeName: l.NativeName, Script: l.Script,
				Direction: l.Direction, Ordinal: i, IsSource: l.Tag == language.Source}
			if err := tx.Create(&row).Error; err != nil {
				return fmt.Errorf("seed language %s: %w", l.Tag, err)
			}
		}
		return nil
	})
}

// notFound turns GORM's missing-row error into an application error.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.New(apperr.NotFound, format, args...)
	}
	return err
}
