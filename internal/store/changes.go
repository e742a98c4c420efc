package store

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Change is one row of the change log: a committed write that the caches of
// every process depend on (the translation-memory index, the glossary
// matchers and the check findings made with them). Each such write inserts
// its row in its own transaction, so a row exists exactly when its write
// committed; every process with caches polls the rows past the last one it
// applied (changes_follow.go).
//
// The id is INTEGER PRIMARY KEY AUTOINCREMENT (GORM's integer key on SQLite):
// never used twice, even after the newest rows are deleted. SQLite has one
// writer at a time, so ids are also in commit order and without gaps (a
// rollback undoes the sequence too): a reader that saw id n has seen every
// id below it, and a gap after its place means rows it never read were
// pruned, so it resyncs (catchUp).
//
// On PostgreSQL ids come from an identity, taken at INSERT rather than at
// COMMIT: a transaction that took id 10 could commit after one that took
// id 11, and a reader past 11 would never see 10. So logChange takes an
// advisory lock (lockChangeLog) just before the insert, held to the commit:
// writers of change rows take their ids and commit one after the other, and
// a reader that sees id n has seen every committed id below it. (PostgreSQL
// makes a commit visible before it releases the transaction's locks.) The
// cost: only writes that change the caches serialize, and only from their
// change rows, written last in the transaction (memBatch.log), to their
// commit. A rollback after the insert leaves a gap that is final the moment
// a later row is visible; the reader steps over it, and resyncs only when
// the rows before the gap were pruned too (catchUp).
type Change struct {
	ID    int64  `gorm:"primaryKey"`
	Topic string `gorm:"not null"` // topicMemory or topicGlossary
	Lang  string `gorm:"not null"` // the target language the change is in
	// Added and Removed are the ids of the memory entries the write
	// inserted and deleted, as idRuns ("3-7,9"); empty for the glossary,
	// whose matcher is built again from the table.
	Added     string
	Removed   string
	CreatedAt time.Time
}

// The topics of the change log.
const (
	// topicMemory: memory entries of Lang were inserted or deleted.
	topicMemory = "memory"
	// topicGlossary: the glossary terms of Lang changed.
	topicGlossary = "glossary"
)

// logChange writes a change row inside tx, the transaction of the write it
// describes.
func logChange(tx *gorm.DB, c Change) error {
	if err := xactLock(tx, lockChangeLog); err != nil {
		return fmt.Errorf("log the %s change of %s: %w", c.Topic, c.Lang, err)
	}
	err := tx.Exec(`INSERT INTO changes (topic, lang, added, removed, created_at) VALUES (?, ?, ?, ?, ?)`,
		c.Topic, c.Lang, c.Added, c.Removed, c.CreatedAt).Error
	if err != nil {
		return fmt.Errorf("log the %s change of %s: %w", c.Topic, c.Lang, err)
	}
	return nil
}

// idRun is the ids first..last, all of them.
type idRun struct{ first, last int64 }

// idRuns is a set of ids as runs of consecutive ids: the ids of a million
// imported entries are a few bytes, and ids that are not consecutive (another
// writer's rows in between, a sequence's cache) are still said exactly.
type idRuns []idRun

// add appends id, extending the last run when id follows it.
func (r *idRuns) add(id int64) {
	if n := len(*r); n > 0 && (*r)[n-1].last+1 == id {
		(*r)[n-1].last = id
		return
	}
	*r = append(*r, idRun{id, id})
}

// addAll adds ids in ascending order (sorting them in place).
func (r *idRuns) addAll(ids []int64) {
	slices.Sort(ids)
	for _, id := range ids {
		r.add(id)
	}
}

// count is the number of ids.
func (r idRuns) count() int64 {
	var n int64
	for _, run := range r {
		n += run.last - run.first + 1
	}
	return n
}

// String writes the runs as "3-7,9,12-40".
func (r idRuns) String() string {
	var b strings.Builder
	for i, run := range r {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(run.first, 10))
		if run.last != run.first {
			b.WriteByte('-')
			b.WriteString(strconv.FormatInt(run.last, 10))
		}
	}
	return b.String()
}

// parseIDRuns reads what idRuns.String wrote.
func parseIDRuns(s string) (idRuns, error) {
	if s == "" {
		return nil, nil
	}
	var out idRuns
	for part := range strings.SplitSeq(s, ",") {
		a, b, isRun := strings.Cut(part, "-")
		first, err := strconv.ParseInt(a, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("id list %q: %w", s, err)
		}
		last := first
		if isRun {
			if last, err = strconv.ParseInt(b, 10, 64); err != nil {
				return nil, fmt.Errorf("id list %q: %w", s, err)
			}
		}
		if last < first {
			return nil, fmt.Errorf("id list %q: run %d-%d goes down", s, first, last)
		}
		out = append(out, idRun{first, last})
	}
	return out, nil
}

// merged returns the runs sorted, overlapping and touching ones joined.
func (r idRuns) merged() idRuns {
	rs := slices.Clone(r)
	slices.SortFunc(rs, func(a, b idRun) int { return cmp.Compare(a.first, b.first) })
	var out idRuns
	for _, run := range rs {
		if n := len(out); n > 0 && run.first <= out[n-1].last+1 {
			out[n-1].last = max(out[n-1].last, run.last)
			continue
		}
		out = append(out, run)
	}
	return out
}
