package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"strings"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/tmx"
	"tilmash/internal/workflow"
)

// tmxBatch is the number of new entries of one pair above which the change
// log's follower adds them to the index as one batch rather than one by one.
const tmxBatch = 1000

// TMXImportResult summarises a TMX import.
type TMXImportResult struct {
	Imported int `json:"imported"`
	// Skipped counts units of the language pair that were not imported: an
	// empty side, or the same source and target as an entry already in the
	// memory (or earlier in the file).
	Skipped int `json:"skipped"`
}

// tmxStoreError marks a failure that is not the file's inside tmx.Read's
// callback (a cancelled request), so that it is not mistaken for a fault of
// the file.
type tmxStoreError struct{ err error }

func (e tmxStoreError) Error() string { return e.err.Error() }
func (e tmxStoreError) Unwrap() error { return e.err }

// ImportTMX streams the ru → lang units of a TMX 1.4b file into the
// translation memory, in batches inside one transaction: a malformed file
// imports nothing. The file is parsed on a goroutine of its own while the
// rows before are written (see tmxStream). Entries carry origin "tmx", the importing user as author
// and the unit's creation date (else now). The import's change row names
// the ids the inserts returned; the entries reach the index of every process
// that has one through the change log (this one's right after the commit),
// read back from the database, so the file is never held in memory. Admins and reviewers of lang may import.
func (s *Store) ImportTMX(ctx context.Context, actor workflow.Actor, lang string, r io.Reader) (TMXImportResult, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return TMXImportResult{}, err
	}
	if !actor.CanReview(l.Tag) {
		return TMXImportResult{}, apperr.New(apperr.Forbidden, "%s may not import translation memory into %s (reviewers of %s and admins may)", actor.Name, l.Tag, l.Tag)
	}
	var res TMXImportResult
	err = s.write(ctx, func(tx *gorm.DB) error {
		seen, err := memoryPairs(tx, l.Tag)
		if err != nil {
			return err
		}
		now := s.now()
		ins := newMemoryInserter(tx, language.Source, l.Tag, "tmx", actor.Name)
		defer ins.close()
		in := streamTMX(ctx, r, l.Tag)
		defer in.close()
		for batch := range in.units {
			for _, u := range batch {
				source, target := cleanUnitText(u.Source), cleanUnitText(u.Target)
				if source == "" || target == "" || !seen.add(source, target) {
					res.Skipped++
					continue
				}
				created := u.Created
				if created.IsZero() {
					created = now
				}
				if err := ins.add(source, target, created); err != nil {
					return err
				}
			}
			in.recycle(batch)
		}
		if err := in.err; err != nil {
			var se tmxStoreError
			if errors.As(err, &se) {
				return se.err
			}
			return apperr.New(apperr.Invalid, "malformed TMX: %s", strings.TrimPrefix(err.Error(), "read tmx: "))
		}
		if err := ins.flush(); err != nil {
			return err
		}
		res.Imported = ins.total
		if ins.total == 0 {
			return nil
		}
		return logChange(tx, Change{Topic: topicMemory, Lang: l.Tag, Added: ins.ids.String(), CreatedAt: now})
	})
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			// A request that went away closes the transaction's statements
			// under the insert: say why, not "statement is closed".
			err = ctxErr
		}
		return TMXImportResult{}, fmt.Errorf("import tmx into %s: %w", l.Tag, err)
	}
	s.observer.Imported("tmx")
	if res.Imported > 0 {
		s.caughtUp(ctx)
	}
	return res, nil
}

// pairSet remembers the source/target pairs of a memory by hash, 8 bytes a
// pair, to skip duplicates without holding the texts.
type pairSet struct {
	seed maphash.Seed
	m    map[uint64]struct{}
}

// add reports whether the pair is new, and remembers it.
func (p *pairSet) add(source, target string) bool {
	var h maphash.Hash
	h.SetSeed(p.seed)
	h.WriteString(source)
	h.WriteByte(0)
	h.WriteString(target)
	k := h.Sum64()
	if _, dup := p.m[k]; dup {
		return false
	}
	p.m[k] = struct{}{}
	return true
}

// memoryPairs loads the pairs already in the memory of ru → lang, streaming.
func memoryPairs(tx *gorm.DB, lang string) (*pairSet, error) {
	p := &pairSet{seed: maphash.MakeSeed(), m: map[uint64]struct{}{}}
	rows, err := tx.Model(&MemoryEntry{}).Select("source, target").
		Where("source_lang = ? AND target_lang = ?", language.Source, lang).Rows()
	if err != nil {
		return nil, fmt.Errorf("load memory of %s: %w", lang, err)
	}
	defer rows.Close()
	var source, target string
	for rows.Next() {
		if err := rows.Scan(&source, &target); err != nil {
			return nil, fmt.Errorf("load memory of %s: %w", lang, err)
		}
		p.add(source, target)
	}
	return p, rows.Err()
}

// ExportTMX streams the memory of ru → lang as TMX 1.4b, oldest entry first,
// row by row from the database.
func (s *Store) ExportTMX(ctx context.Context, lang string, w io.Writer) error {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return err
	}
	rows, err := s.read(ctx).Model(&MemoryEntry{}).Select("source, target, author, created_at").
		Where("source_lang = ? AND target_lang = ?", language.Source, l.Tag).Order("id").Rows()
	if err != nil {
		return fmt.Errorf("export memory of %s: %w", l.Tag, err)
	}
	defer rows.Close()
	tw, err := tmx.NewWriter(w, language.Source)
	if err != nil {
		return err
	}
	var u tmx.Unit
	var author sql.NullString
	var created time.Time
	u.SourceLang, u.TargetLang = language.Source, l.Tag
	for rows.Next() {
		if err := rows.Scan(&u.Source, &u.Target, &author, &created); err != nil {
			return fmt.Errorf("export memory of %s: %w", l.Tag, err)
		}
		u.Author, u.Created = author.String, created
		if err := tw.Write(u); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export memory of %s: %w", l.Tag, err)
	}
	return tw.Close()
}
