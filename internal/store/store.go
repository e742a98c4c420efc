// Package store is the database adapter (a SQLite file, or PostgreSQL:
// dialect.go): GORM models, the one place that opens transactions, and the
// queries of the repositories internal/app declares.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/logger"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/record"
	"tilmash/internal/tm"
)

// Store is the database of one Tilmash instance.
type Store struct {
	// db is the write pool. Its connection w is the writer goroutine's
	// (write.go); the pool's other connection serves what runs outside
	// the writer: the migration at Open and tests' direct queries.
	db *gorm.DB
	w  *writerConn // nil on PostgreSQL, which writes without a writer goroutine
	// rdb is the read pool: several connections that, in WAL mode, read
	// their snapshot beside the writer instead of queuing behind it.
	rdb *gorm.DB
	// writes carries write functions to the writer goroutine, which runs
	// those waiting at the same moment in one transaction (write.go).
	writes  chan *writeReq
	stop    chan struct{} // closed by Close: the writer goroutine ends
	stopped chan struct{} // closed by the writer goroutine as it ends
	closeMu sync.Once
	now     func() time.Time
	// memory is the in-process translation-memory index, a mirror of the
	// memory_entries table built when first needed (ensureMemory) and kept
	// current through the change log.
	memory *tm.Memory
	// fol is this process's place in the change log (changes_follow.go).
	fol follower
	// glossaryWatchers hear of changes to a language's terms, by any
	// process (WatchGlossaries); the application keeps the matchers.
	watchMu          sync.Mutex
	glossaryWatchers []func(lang string)
	// inUse holds the shared lock that tells restore the database is open
	// (SQLite only; nil on PostgreSQL).
	inUse *os.File
	// dialect is the database's (dialect.go).
	dialect dialect
	// layouts caches the segments of revisions (revision_layout.go).
	layouts layoutCache
	// snapshotFile is Options.MemorySnapshot (memory_snapshot.go).
	snapshotFile string
	// languages are the rows of the languages table, read once at Open:
	// they are seeded into an empty database and never change after, and
	// a request that names a language would otherwise read its row.
	languages []Language
}

// Sync is how hard SQLite makes sure a commit has reached the disk.
type Sync string

const (
	// SyncFull fsyncs the write-ahead log on every commit: an acknowledged
	// write survives a power cut. The default.
	SyncFull Sync = "full"
	// SyncNormal fsyncs only at checkpoints: a commit survives a crash of
	// the process but may be lost with the last moments before a power cut.
	SyncNormal Sync = "normal"
)

// ParseSync reads a --sqlite-sync value.
func ParseSync(v string) (Sync, error) {
	switch Sync(strings.ToLower(strings.TrimSpace(v))) {
	case SyncFull:
		return SyncFull, nil
	case SyncNormal:
		return SyncNormal, nil
	}
	return "", fmt.Errorf("unknown SQLite sync mode %q (full or normal)", v)
}

// Options tune how a Store opens its database; the zero value is the safe default.
type Options struct {
	// Sync is SQLite's synchronous setting; empty means SyncFull.
	Sync Sync
	// ReadConns bounds the read pool; 0 means four per CPU, at least 8.
	ReadConns int
	// Memory builds the translation-memory index at Open, for a process that
	// answers lookups from its first request (serve). Without it the index
	// is built at the first lookup, and commands that look nothing up
	// (user add, tm import, ...) never build it.
	Memory bool
	// FollowInterval is how often a process with caches polls the change
	// log for other processes' writes; 0 means DefaultFollowInterval.
	FollowInterval time.Duration
	// MemorySnapshot is the file where a PostgreSQL replica keeps its
	// memory index between starts (a SQLite database keeps it beside its
	// own file, DB.tm); empty: none, the index is built from the table at
	// every start.
	MemorySnapshot string
}

func (o Options) followInterval() time.Duration {
	if o.FollowInterval > 0 {
		return o.FollowInterval
	}
	return DefaultFollowInterval
}

func (o Options) sync() Sync {
	if o.Sync == "" {
		return SyncFull
	}
	return o.Sync
}

func (o Options) readConns() int {
	if o.ReadConns > 0 {
		return o.ReadConns
	}
	return max(8, 4*runtime.NumCPU())
}

// gormConfig is how every Tilmash session of GORM behaves.
func gormConfig() *gorm.Config {
	return &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true, // every write goes through Store.write, which owns the transaction
		// Each connection keeps its statements prepared: parsing the SQL
		// again cost a tenth of a save.
		PrepareStmt:        true,
		PrepareStmtMaxSize: 512,
		NowFunc:            record.Now,
	}
}

// openDB opens the SQLite file at path as every Tilmash process does: WAL
// journal, a busy timeout, foreign keys, BEGIN IMMEDIATE for writes, the
// synchronous mode of opts and the tilmash_fold function on every connection.
// Each connection sets these itself, so a pool may open and close them freely.
func openDB(path string, opts Options) (*gorm.DB, error) {
	sync := opts.sync()
	if _, err := ParseSync(string(sync)); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	q.Set("_synchronous", strings.ToUpper(string(sync)))
	dsn := "file:" + path + "?" + q.Encode()
	db, err := gorm.Open(sqlite.New(sqlite.Config{DriverName: foldDriver(), DSN: dsn}), gormConfig())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

// pool sizes a connection pool and keeps its connections open: opening a
// SQLite connection sets its pragmas and reads the schema again, which
// under load cost more than the queries themselves.
func pool(db *gorm.DB, conns int) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(conns)
	sqlDB.SetMaxIdleConns(conns)
	sqlDB.SetConnMaxLifetime(0)
	sqlDB.SetConnMaxIdleTime(0)
	return nil
}

// Open opens (creating if needed) the SQLite file at path with the default
// Options, applies the pending schema migrations (migrate.go) and seeds the
// languages and starter glossaries of a database that has none. A database
// whose schema is newer than this binary is refused (SchemaTooNewError).
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith is Open with options. path is a SQLite file, or a postgres://
// (or postgresql://) URL of a PostgreSQL database (dialect_postgres.go),
// where Sync does not apply.
func OpenWith(ctx context.Context, path string, opts Options) (*Store, error) {
	open := openSQLite
	if dialectOf(path) == dialectPostgres {
		open = openPostgres
	} else if opts.MemorySnapshot != "" {
		return nil, fmt.Errorf("open database %s: a SQLite database keeps its memory snapshot beside its file (%s.tm); a snapshot file of its own is for PostgreSQL", path, path)
	}
	st, err := open(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	steps := []func(context.Context) error{st.seedLanguages, st.loadLanguages, st.fillSearchText}
	if opts.Memory {
		steps = append(steps, st.ensureMemory)
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

// newStore is a Store over its pools; w is the SQLite writer's connection
// (nil on PostgreSQL) and inUse the file lock (nil on PostgreSQL).
func newStore(db, rdb *gorm.DB, w *writerConn, inUse *os.File, opts Options) *Store {
	st := &Store{db: db, rdb: rdb, w: w, dialect: dialectSQLite, now: record.Now,
		memory: tm.NewMemory(), writes: make(chan *writeReq), stop: make(chan struct{}),
		stopped: make(chan struct{}), inUse: inUse}
	st.fol.interval = opts.followInterval()
	st.snapshotFile = opts.MemorySnapshot
	st.fol.ctx, st.fol.cancel = context.WithCancel(context.Background())
	return st
}

func closeDB(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Close stops following the change log, stops the writer (after the writes
// it has begun) and closes the database.
func (s *Store) Close() error {
	var err error
	s.closeMu.Do(func() {
		s.stopFollowing()
		close(s.stop)
		<-s.stopped
		errs := []error{closeDB(s.rdb), closeDB(s.db)}
		if s.w != nil {
			errs = append(errs, s.w.close())
		}
		if s.inUse != nil {
			errs = append(errs, s.inUse.Close())
		}
		err = errors.Join(errs...)
	})
	return err
}

// read gives a session of the read pool.
func (s *Store) read(ctx context.Context) *gorm.DB { return s.rdb.WithContext(ctx) }

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
			// Another process opening a new database at the same moment
			// may seed too: its rows stand, and so do these.
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
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
