package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

// ImportXLIFF saves the targets of a filled XLIFF file as actor's
// translations, all in one transaction. docID and lang are the document and
// target language the file must be for; 0 and "" take them from the file
// (the CLI). Files bigger than limit bytes are refused (limit <= 0 means
// xliff.DefaultLimit).
//
// The file is refused as a whole when it is malformed, holds no unit Tilmash
// exported (units of another namespace refuse it in xliff.Read), belongs to
// another document, its languages are not ru → a target language, or one of
// its units was never a segment of the document. Every other unit has one
// Outcome: an empty target is empty; a target equal to the current text is
// unchanged; a target equal to its source that the file does not mark done
// is copied_source; a unit whose segment left the document in a later
// revision is a SourceChanged conflict; a target that differs from the
// current text of a translation changed since the export (another version,
// or any text when the file carries no version) is a TranslationChanged
// conflict; a text the rules refuse (too long) is refused; anything else is
// saved through workflow.Edit with origin "xliff". Nothing of the file is
// written when saving one unit fails.
func (a *App) ImportXLIFF(ctx context.Context, actor workflow.Actor, docID int64, lang string, r io.Reader, limit int64) (XLIFFImportResult, error) {
	if limit <= 0 {
		limit = xliff.DefaultLimit
	}
	f, err := xliff.Read(r, limit)
	if errors.Is(err, xliff.ErrTooLarge) {
		return XLIFFImportResult{}, apperr.New(apperr.TooLarge, "the XLIFF file is larger than the import limit of %s", sizeText(limit))
	}
	if err != nil {
		return XLIFFImportResult{}, fmt.Errorf("import xliff: %w", err)
	}
	if len(f.Units) == 0 {
		return XLIFFImportResult{}, apperr.New(apperr.Unprocessable,
			"the file holds no unit that Tilmash exported (no <trans-unit> or <unit> with an id like s123 in the XLIFF %s namespace); import a file exported from this document", f.Version)
	}
	docID, err = xliffDocument(docID, f.Header)
	if err != nil {
		return XLIFFImportResult{}, err
	}
	l, err := a.xliffTarget(ctx, f.Header)
	if err != nil {
		return XLIFFImportResult{}, err
	}
	if lang != "" {
		want, err := a.TargetLanguage(ctx, lang)
		if err != nil {
			return XLIFFImportResult{}, err
		}
		if want.Tag != l.Tag {
			return XLIFFImportResult{}, apperr.New(apperr.Invalid, "the file is a translation into %s, not into %s", l.Tag, want.Tag).
				With("file_lang", l.Tag)
		}
	}
	if !actor.CanTranslate(l.Tag) {
		return XLIFFImportResult{}, apperr.New(apperr.Forbidden, "%s may not translate into %s", actor.Name, l.Tag)
	}
	names, err := a.db.UserNames(ctx)
	if err != nil {
		return XLIFFImportResult{}, err
	}
	// The glossary is read before the write, so that one that cannot be
	// read fails the import before anything is written.
	if err := a.loadGlossary(ctx, l.Tag); err != nil {
		return XLIFFImportResult{}, err
	}
	var res XLIFFImportResult
	var saved []savedUnit
	err = a.db.Write(ctx, func(tx Tx) error {
		res = XLIFFImportResult{Document: docID, Lang: l.Tag, NotSaved: []XLIFFNotSaved{}, Conflicts: []XLIFFConflict{}, Checks: []SegmentChecks{}}
		saved = saved[:0]
		doc, err := tx.LockDocument(docID)
		if err != nil {
			return err
		}
		cur, err := xliffCurrent(tx, doc, l.Tag, f.Units)
		if err != nil {
			return err
		}
		current := func(t record.Translation) XLIFFCurrent {
			return XLIFFCurrent{Target: t.Text, State: workflow.State(t.State), Version: t.Version, Author: names[t.AuthorID]}
		}
		for _, u := range f.Units {
			text := cleanText(u.Target)
			if next, gone := cur.gone[u.SegmentID]; gone {
				t := cur.trs[next] // zero when the sentence was deleted
				switch {
				case text == "":
					res.skip(u.SegmentID, OutcomeEmpty, "")
					continue
				case next != 0 && text == t.Text:
					res.skip(u.SegmentID, OutcomeUnchanged, "")
					continue
				case copiedSource(u, text):
					res.skip(u.SegmentID, OutcomeCopiedSource, "")
					continue
				}
				c := XLIFFConflict{ID: u.SegmentID, Reason: SourceChanged, Yours: text, ExportedVersion: u.Version}
				if next != 0 {
					c.Current, c.Segment, c.NewSource = current(t), next, cur.segs[next].Source
				}
				res.conflict(c)
				continue
			}
			seg, t := cur.segs[u.SegmentID], cur.trs[u.SegmentID]
			switch {
			case text == "":
				res.skip(u.SegmentID, OutcomeEmpty, "")
				continue
			case text == t.Text:
				res.skip(u.SegmentID, OutcomeUnchanged, "")
				continue
			case copiedSource(xliff.Unit{Source: seg.Source, Done: u.Done}, text):
				res.skip(u.SegmentID, OutcomeCopiedSource, "")
				continue
			}
			if stale(u.Version, t) {
				res.conflict(XLIFFConflict{ID: u.SegmentID, Reason: TranslationChanged, Yours: text,
					ExportedVersion: u.Version, Current: current(t)})
				continue
			}
			if msg := refusedText(actor, t, text); msg != "" {
				res.skip(u.SegmentID, OutcomeRefused, msg)
				continue
			}
			if err := a.importUnit(tx, actor, doc, seg, t, text); err != nil {
				return err
			}
			res.saved()
			saved = append(saved, savedUnit{id: seg.ID, source: seg.Source, target: text})
		}
		return nil
	})
	if err != nil {
		return XLIFFImportResult{}, fmt.Errorf("import xliff into document %d (%s): %w", docID, l.Tag, err)
	}
	for range saved {
		a.observer.TranslationChanged(string(workflow.ActionEdit), l.Tag)
	}
	a.observer.Imported("xliff")
	if err := a.checkSaved(ctx, l.Tag, saved, &res); err != nil {
		// Rare: the glossary was read before the write, but a change to it
		// since dropped the matcher and reading it again failed.
		return XLIFFImportResult{}, fmt.Errorf("import xliff into document %d (%s): the file was imported (%s), but checking the saved texts failed: %w",
			docID, l.Tag, res.Summary(), err)
	}
	return res, nil
}

// copiedSource reports whether a unit's target text is a copy of its source
// (equal after NFC and white space normalization) that the unit does not say
// is finished: CAT tools fill every target with the source for the
// translator to overwrite, and such a copy is no translation.
func copiedSource(u xliff.Unit, text string) bool {
	return !u.Done && normalizedSpace(text) == normalizedSpace(cleanText(u.Source))
}

// normalizedSpace collapses every run of white space to one space.
func normalizedSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// refusedText is the sentence with which the rules refuse text as a new
// version of t for one unit, "" when they take it: such a unit is reported
// and the rest of the file imported. Refusals that concern the whole file
// (the actor's role) were decided before.
func refusedText(actor workflow.Actor, t record.Translation, text string) string {
	if _, err := workflow.Edit(actor, t.Lang, current(t), t.Version, text); err != nil {
		if e, ok := apperr.As(err); ok && e.Code == apperr.Invalid {
			return e.Message
		}
	}
	return ""
}

// savedUnit is a unit an import saved, to be checked after the commit.
type savedUnit struct {
	id             int64
	source, target string
}

// importUnit saves the file's text of one unit as actor's edit of t.
func (a *App) importUnit(tx Tx, actor workflow.Actor, doc record.Document, seg record.Placed, t record.Translation, text string) error {
	ch, err := workflow.Edit(actor, t.Lang, current(t), t.Version, text)
	if err != nil {
		return fmt.Errorf("unit s%d: %w", seg.ID, err)
	}
	if err := a.apply(tx, actor, &t, decision{change: ch, text: text}, "xliff", seg.Source, doc.Title); err != nil {
		return fmt.Errorf("save unit s%d: %w", seg.ID, err)
	}
	return nil
}

// checkSaved runs the quality checks of the saved texts into res.Checks,
// as a save through the editor would, and reports their findings.
func (a *App) checkSaved(ctx context.Context, lang string, saved []savedUnit, res *XLIFFImportResult) error {
	for _, sv := range saved {
		found, err := a.Check(ctx, lang, sv.source, sv.target)
		if err != nil {
			return err
		}
		if len(found) > 0 {
			res.Checks = append(res.Checks, SegmentChecks{ID: sv.id, Checks: found})
			for _, f := range found {
				a.observer.Finding(f.ID, string(f.Severity))
			}
		}
	}
	return nil
}

// xliffDocument decides which document a file is imported into.
func xliffDocument(docID int64, h xliff.Header) (int64, error) {
	switch {
	case docID == 0 && h.DocumentID == 0:
		return 0, apperr.New(apperr.Invalid, "the file does not say which document it belongs to (its <file> has no tl:document attribute); import it through the document instead")
	case docID == 0:
		return h.DocumentID, nil
	case h.DocumentID != 0 && h.DocumentID != docID:
		return 0, apperr.New(apperr.Invalid, "the file is an export of document %d, not of document %d", h.DocumentID, docID).
			With("file_document", h.DocumentID)
	}
	return docID, nil
}

// xliffTarget checks the file's languages: the source must be Tilmash's, the
// target one of its target languages, possibly with a region ("kk-KZ").
func (a *App) xliffTarget(ctx context.Context, h xliff.Header) (record.Language, error) {
	if !xliff.LanguageMatches(h.SourceLang, language.Source) {
		return record.Language{}, apperr.New(apperr.Invalid, "the file's source language is %q; Tilmash documents are in %s", h.SourceLang, language.Source)
	}
	if h.TargetLang == "" {
		return record.Language{}, apperr.New(apperr.Invalid, "the file names no target language")
	}
	ls, err := a.TargetLanguages(ctx)
	if err != nil {
		return record.Language{}, err
	}
	best := -1
	tags := make([]string, len(ls))
	for i, l := range ls {
		tags[i] = l.Tag
		// The longest matching tag wins: "fa-AF" over a hypothetical "fa".
		if xliff.LanguageMatches(h.TargetLang, l.Tag) && (best < 0 || len(l.Tag) > len(ls[best].Tag)) {
			best = i
		}
	}
	if best < 0 {
		return record.Language{}, apperr.New(apperr.Invalid, "the file's target language %q is not a target language of Tilmash (%s)",
			h.TargetLang, strings.Join(tags, ", "))
	}
	return ls[best], nil
}

// sizeText shows a byte count as people read limits: "32 MiB", or bytes.
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
