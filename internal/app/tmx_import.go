package app

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"strings"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
	"tilmash/internal/xmltext"
)

// tmxWriteUnits is how many new entries the import hands to the repository
// at a time: always this many but the last time, so that the repository's
// statements for a batch of this size are prepared once.
const tmxWriteUnits = 1024

// TMXImportResult summarises a TMX import: every <tu> of the file is
// counted once, as imported, a duplicate, or skipped for a reason.
type TMXImportResult struct {
	Imported int `json:"imported"`
	// Duplicates counts units of the language pair with the same source and
	// target as an entry already in the memory, or earlier in the file.
	Duplicates int `json:"duplicates"`
	// Skipped counts the other units that were not imported, the sum of
	// SkippedBy.
	Skipped   int        `json:"skipped"`
	SkippedBy TMXSkipped `json:"skipped_by_reason"`
	// Pairs are the language pairs the file holds ("ru→kk", "en→de"); see
	// tmx.Summary.
	Pairs []string `json:"pairs"`
}

// TMXSkipped counts the units of a TMX import skipped, by reason.
type TMXSkipped struct {
	// Empty: a unit of the pair with an empty source or target.
	Empty int `json:"empty"`
	// OtherLanguages: a unit without both Russian and the target language.
	OtherLanguages int `json:"other_languages"`
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
// rows before are written (see tmxStream). Entries carry origin "tmx", the
// importing user as author and the unit's creation date (else now). The
// entries reach the index of every process that has one through the change
// log (this one's right after the commit), read back from the database, so
// the file is never held in memory. Admins and reviewers of lang may import.
func (a *App) ImportTMX(ctx context.Context, actor workflow.Actor, lang string, r io.Reader) (TMXImportResult, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return TMXImportResult{}, err
	}
	if !actor.CanReview(l.Tag) {
		return TMXImportResult{}, apperr.New(apperr.Forbidden, "%s may not import translation memory into %s (reviewers of %s and admins may)", actor.Name, l.Tag, l.Tag)
	}
	var res TMXImportResult
	err = a.db.Write(ctx, func(tx Tx) error {
		res = TMXImportResult{}
		seen := newPairSet()
		if err := tx.MemoryTexts(l.Tag, func(source, target string) { seen.add(source, target) }); err != nil {
			return err
		}
		now := a.now()
		batch := record.MemoryBatch{SourceLang: language.Source, TargetLang: l.Tag, Origin: "tmx", Author: actor.Name,
			Units: make([]record.MemoryUnit, 0, tmxWriteUnits)}
		flush := func() error {
			if len(batch.Units) == 0 {
				return nil
			}
			ids, err := tx.InsertMemory(batch)
			if err != nil {
				return err
			}
			res.Imported += len(ids)
			clear(batch.Units) // let the texts go
			batch.Units = batch.Units[:0]
			return nil
		}
		in := streamTMX(ctx, r, l.Tag)
		defer in.close()
		for units := range in.units {
			for _, u := range units {
				source, target := cleanUnitText(u.Source), cleanUnitText(u.Target)
				if source == "" || target == "" {
					res.SkippedBy.Empty++
					continue
				}
				if !seen.add(source, target) {
					res.Duplicates++
					continue
				}
				created := u.Created
				if created.IsZero() {
					created = now
				}
				batch.Units = append(batch.Units, record.MemoryUnit{Source: source, Target: target, CreatedAt: created})
				if len(batch.Units) == tmxWriteUnits {
					if err := flush(); err != nil {
						return err
					}
				}
			}
			in.recycle(units)
		}
		if err := in.err; err != nil {
			var se tmxStoreError
			if errors.As(err, &se) {
				return se.err
			}
			code := apperr.Invalid
			if xmltext.IsCharError(err) {
				code = apperr.Unprocessable // text Tilmash cannot store, in a well-formed file otherwise
			}
			return apperr.New(code, "malformed TMX: %s", strings.TrimPrefix(err.Error(), "read tmx: "))
		}
		res.SkippedBy.OtherLanguages = in.sum.Other
		res.Skipped = res.SkippedBy.Empty + res.SkippedBy.OtherLanguages
		res.Pairs = in.sum.Pairs
		if in.sum.Units == 0 {
			return wrongPair(l.Tag, in.sum.Pairs)
		}
		return flush()
	})
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			// A request that went away closes the transaction's statements
			// under the insert: say why, not "statement is closed".
			err = ctxErr
		}
		return TMXImportResult{}, fmt.Errorf("import tmx into %s: %w", l.Tag, err)
	}
	a.observer.Imported("tmx")
	return res, nil
}

// wrongPair refuses a TMX file without a unit of ru → lang, naming the
// pairs it holds: "imported 0" would leave the user guessing whether the
// file was the wrong one or its languages were tagged unexpectedly.
func wrongPair(lang string, pairs []string) error {
	want := language.Source + "→" + lang
	if len(pairs) == 0 {
		return apperr.New(apperr.Unprocessable, "the TMX file has no translation unit with two languages; Tilmash imports %s", want).
			With("pairs", pairs)
	}
	return apperr.New(apperr.Unprocessable, "the TMX file has no %s units: this file has %s", want, strings.Join(pairs, ", ")).
		With("pairs", pairs)
}

// pairSet remembers the source/target pairs of a memory by hash, 8 bytes a
// pair, to skip duplicates without holding the texts.
type pairSet struct {
	seed maphash.Seed
	m    map[uint64]struct{}
}

func newPairSet() *pairSet { return &pairSet{seed: maphash.MakeSeed(), m: map[uint64]struct{}{}} }

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
