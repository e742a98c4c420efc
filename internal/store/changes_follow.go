package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/language"
	"tilmash/internal/tm"
)

// Following the change log. A process that caches what the database holds
// (the memory index, glossary matchers) starts one goroutine that polls the
// change log every interval and applies the rows past the last it applied:
// a write by any process reaches this one's caches within an interval. Its
// own writes catch up at once after they commit (read-your-writes). All
// application runs under follower.mu, in change-id order, and reads the
// current rows: applying a change twice, or after a later one, ends in the
// same state.

// DefaultFollowInterval is how often the change log is polled when Options
// does not say.
const DefaultFollowInterval = 500 * time.Millisecond

// indexBatch is the number of new entries of one pair above which the
// follower adds them to the index as one batch rather than one by one.
const indexBatch = 1000

// followBatch is how many change rows one query reads.
const followBatch = 256

// changeRetention is how long change rows are kept: far longer than any
// follower lags, short enough that the table stays small. The newest row is
// always kept, so that ids keep growing past it.
const changeRetention = 24 * time.Hour

// pruneEvery is how often a follower deletes the rows past the retention.
const pruneEvery = 10 * time.Minute

// follower is a Store's place in the change log.
type follower struct {
	// mu is held while changes are applied and while the memory index is
	// built, so that the two never interleave.
	mu sync.Mutex
	// last is the newest change applied (under mu).
	last int64
	// closed: Close has begun; nothing more starts (under mu).
	closed bool
	// started: the goroutine runs (set under mu, read without).
	started atomic.Bool
	// loaded: the memory index is built and follows the log (set under mu).
	loaded   atomic.Bool
	interval time.Duration
	// ctx is cancelled by Close; the goroutine's queries run under it.
	ctx    context.Context
	cancel context.CancelFunc
	done   sync.WaitGroup
	// polls counts the change-log queries made, indexed the entries put
	// into the index from change rows, applied the change rows applied and
	// resyncs the gaps that made the follower resync: what tests observe.
	polls, indexed, applied, resyncs atomic.Int64
	// skipped counts the ids of gaps stepped over (never committed).
	skipped atomic.Int64
}

// follow starts following the change log, once: before a cache is first
// filled, so that the change rows after the place it starts from are
// applied to what the cache read.
func (s *Store) follow(ctx context.Context) error {
	if s.fol.started.Load() {
		return nil
	}
	s.fol.mu.Lock()
	defer s.fol.mu.Unlock()
	return s.followLocked(ctx)
}

func (s *Store) followLocked(ctx context.Context) error {
	f := &s.fol
	if f.started.Load() || f.closed {
		return nil
	}
	last, err := s.newestChange(ctx)
	if err != nil {
		return err
	}
	f.last = last
	f.started.Store(true)
	f.done.Add(1)
	go s.followLoop()
	return nil
}

// stopFollowing ends the goroutine (Close).
func (s *Store) stopFollowing() {
	s.fol.mu.Lock()
	s.fol.closed = true
	s.fol.mu.Unlock()
	s.fol.cancel()
	s.fol.done.Wait()
}

// followLoop is the goroutine that polls the change log until Close. An
// error (a busy or broken database) leaves the place where it was: the next
// tick tries the same rows again.
func (s *Store) followLoop() {
	defer s.fol.done.Done()
	t := time.NewTicker(s.fol.interval)
	defer t.Stop()
	ctx := s.fol.ctx
	pruned := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		_ = s.catchUp(ctx)
		if time.Since(pruned) >= pruneEvery {
			pruned = time.Now()
			_, _ = s.pruneChanges(ctx, s.now().Add(-changeRetention))
		}
	}
}

// newestChange is the highest change id, 0 for an empty log.
func (s *Store) newestChange(ctx context.Context) (int64, error) {
	var last sql.NullInt64
	if err := s.read(ctx).Raw("SELECT MAX(id) FROM changes").Scan(&last).Error; err != nil {
		return 0, fmt.Errorf("read the change log: %w", err)
	}
	return last.Int64, nil
}

// caughtUp brings this process's caches up to its own write that just
// committed. Should it fail, the follower applies the write within an
// interval: the write itself stands, so its caller is not told of it.
func (s *Store) caughtUp(ctx context.Context) {
	_ = s.catchUp(context.WithoutCancel(ctx))
}

// catchUp applies the change rows past the last applied, in id order.
func (s *Store) catchUp(ctx context.Context) error {
	f := &s.fol
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.started.Load() || f.closed {
		return nil // no cache follows the log
	}
	for {
		rows, err := s.changesAfter(ctx, f.last)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		if rows[0].ID > f.last+1 {
			// A gap is never a row still in flight (one writer on SQLite;
			// logChange's lock on PostgreSQL): its ids were either pruned
			// before this process read them, or never committed (a
			// PostgreSQL transaction rolled back after taking its id).
			// Pruning removes a prefix of the log, so while a row at or
			// before the place remains, nothing past it was pruned and
			// the gap can be stepped over; otherwise the caches are
			// brought in line with the tables.
			pruned, err := s.prunedPast(ctx, f.last)
			if err != nil {
				return err
			}
			if pruned {
				f.resyncs.Add(1)
				if err := s.resyncLocked(ctx); err != nil {
					return err
				}
				continue
			}
			f.skipped.Add(rows[0].ID - f.last - 1)
		}
		if err := s.applyChanges(ctx, rows); err != nil {
			return err
		}
		f.last = rows[len(rows)-1].ID
		f.applied.Add(int64(len(rows)))
		if len(rows) < followBatch {
			return nil
		}
	}
}

// prunedPast reports whether the log's oldest row is past id: rows after id
// may then have been pruned.
func (s *Store) prunedPast(ctx context.Context, id int64) (bool, error) {
	var oldest sql.NullInt64
	if err := s.read(ctx).Raw("SELECT MIN(id) FROM changes").Scan(&oldest).Error; err != nil {
		return false, fmt.Errorf("read the change log: %w", err)
	}
	return !oldest.Valid || oldest.Int64 > id, nil
}

// changesAfter reads up to followBatch change rows past id, oldest first.
func (s *Store) changesAfter(ctx context.Context, id int64) ([]Change, error) {
	s.fol.polls.Add(1)
	rs, err := s.read(ctx).Raw("SELECT id, topic, lang, added, removed FROM changes WHERE id > ? ORDER BY id LIMIT ?",
		id, followBatch).Rows()
	if err != nil {
		return nil, fmt.Errorf("read the change log: %w", err)
	}
	defer rs.Close()
	var out []Change
	for rs.Next() {
		var c Change
		var added, removed sql.NullString
		if err := rs.Scan(&c.ID, &c.Topic, &c.Lang, &added, &removed); err != nil {
			return nil, fmt.Errorf("read the change log: %w", err)
		}
		c.Added, c.Removed = added.String, removed.String
		out = append(out, c)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("read the change log: %w", err)
	}
	return out, nil
}

// resyncLocked brings the caches in line with the tables without the log:
// for a follower that fell further behind than the log keeps. The place
// moves to the newest change first, so that what commits meanwhile is
// applied again after.
func (s *Store) resyncLocked(ctx context.Context) error {
	last, err := s.newestChange(ctx)
	if err != nil {
		return err
	}
	s.glossaryChanged("")
	if s.fol.loaded.Load() {
		if err := s.resyncMemory(ctx); err != nil {
			return err
		}
	}
	s.fol.last = last
	return nil
}

// applyChanges applies one batch of change rows: the glossary matchers of
// the languages named are dropped (and with them their check findings); the
// memory entries added are read by the ids the rows name and put into the
// index unless it has them already, and the ones removed are taken out.
func (s *Store) applyChanges(ctx context.Context, rows []Change) error {
	var added idRuns
	removed := map[string][]int64{}
	for _, c := range rows {
		switch c.Topic {
		case topicGlossary:
			s.glossaryChanged(c.Lang)
		case topicMemory:
			if !s.fol.loaded.Load() {
				continue // no index yet: it is built from the table when first needed
			}
			a, err := parseIDRuns(c.Added)
			if err != nil {
				return fmt.Errorf("change %d: %w", c.ID, err)
			}
			r, err := parseIDRuns(c.Removed)
			if err != nil {
				return fmt.Errorf("change %d: %w", c.ID, err)
			}
			added = append(added, a...)
			for _, run := range r {
				for id := run.first; id <= run.last; id++ {
					removed[c.Lang] = append(removed[c.Lang], id)
				}
			}
		}
	}
	if len(added) > 0 {
		if err := s.indexEntries(ctx, added.merged()); err != nil {
			return err
		}
	}
	// After the additions: an entry added and removed in this batch was read
	// only if it still existed, and goes now.
	for lang, ids := range removed {
		x := s.memory.Pair(language.Source, lang)
		for _, id := range ids {
			x.Remove(id)
		}
	}
	return nil
}

// indexEntries puts into the index the memory entries with the ids of runs
// that it does not hold yet, read from the table. Entries never change under
// their id (an id is not used again, see Change), so one the index holds is
// current. Rows that are gone were removed since; their change follows.
//
// A pair that gains more than indexBatch entries gets them as one batch, which
// builds its index once; fewer go in one by one, which does not rebuild a
// large index.
func (s *Store) indexEntries(ctx context.Context, runs idRuns) error {
	fresh := map[memPair][]tm.Entry{}
	for _, run := range runs {
		err := s.scanEntries(ctx, run, func(p memPair, e tm.Entry) {
			if _, ok := s.memory.Pair(p.source, p.target).Get(e.ID); !ok {
				fresh[p] = append(fresh[p], e)
			}
		})
		if err != nil {
			return err
		}
	}
	for p, es := range fresh {
		s.fol.indexed.Add(int64(len(es)))
		x := s.memory.Pair(p.source, p.target)
		if len(es) > indexBatch {
			x.AddBatch(es)
			continue
		}
		for _, e := range es {
			x.Add(e)
		}
	}
	return nil
}

// memPair is a language pair of the memory.
type memPair struct{ source, target string }

// scanEntries streams the memory entries with ids in run.
func (s *Store) scanEntries(ctx context.Context, run idRun, fn func(memPair, tm.Entry)) error {
	rows, err := s.read(ctx).Model(&MemoryEntry{}).
		Select("id, source_lang, target_lang, source, target, origin, author, created_at").
		Where("id BETWEEN ? AND ?", run.first, run.last).Order("id").Rows()
	if err != nil {
		return fmt.Errorf("index memory entries %d-%d: %w", run.first, run.last, err)
	}
	defer rows.Close()
	for rows.Next() {
		var e tm.Entry
		var p memPair
		var origin, author sql.NullString
		if err := rows.Scan(&e.ID, &p.source, &p.target, &e.Source, &e.Target, &origin, &author, &e.Created); err != nil {
			return fmt.Errorf("index memory entries %d-%d: %w", run.first, run.last, err)
		}
		e.Origin, e.Author = origin.String, author.String
		fn(p, e)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("index memory entries %d-%d: %w", run.first, run.last, err)
	}
	return nil
}

// pruneChanges deletes the change rows made before cutoff, except the
// newest, and returns how many went.
func (s *Store) pruneChanges(ctx context.Context, cutoff time.Time) (int64, error) {
	var n int64
	err := s.write(ctx, func(tx *gorm.DB) error {
		// A prefix by id, up to the first row young enough to keep (or
		// the newest row): catchUp tells a pruned gap from a rolled-back
		// one by the rows left before it.
		res := tx.Exec(`DELETE FROM changes WHERE id < COALESCE(
			(SELECT MIN(id) FROM changes WHERE created_at >= ?), (SELECT MAX(id) FROM changes))`, cutoff)
		n = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return 0, fmt.Errorf("prune the change log: %w", err)
	}
	return n, nil
}
