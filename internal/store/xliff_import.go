package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/language"
	"tilmash/internal/qa"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

// XLIFFCurrent is a translation as Tilmash holds it now, shown beside a
// conflicting unit of an imported file.
type XLIFFCurrent struct {
	Target  string         `json:"target"`
	State   workflow.State `json:"state"`
	Version int            `json:"version"`
	Author  string         `json:"author"`
}

// ConflictReason says why a unit of an imported file was not saved.
type ConflictReason string

// The reasons a unit conflicts.
const (
	// TranslationChanged: someone changed the translation in Tilmash since
	// the export (another version, or any text when the file carries no
	// version) and the file brings another text.
	TranslationChanged ConflictReason = "translation_changed"
	// SourceChanged: the Russian sentence changed since the export; the
	// unit's segment belongs to an earlier revision of the document.
	SourceChanged ConflictReason = "source_changed"
)

// XLIFFConflict is a unit of an imported file that is reported, never saved.
// Its JSON:
//
//	id                the unit's segment (of the exported revision)
//	reason            "translation_changed" or "source_changed"
//	yours             the file's target text
//	exported_version  the version the file was exported at, -1 when it carried none
//	current           the translation Tilmash holds now: of segment id when the
//	                  translation changed; of the segment that derives from id
//	                  when the source changed (zero when there is none)
//	segment           source_changed only: the segment of the current revision
//	                  that derives from id; absent when the sentence was deleted
//	new_source        source_changed only: that segment's Russian sentence
type XLIFFConflict struct {
	ID              int64          `json:"id"`
	Reason          ConflictReason `json:"reason"`
	Yours           string         `json:"yours"`
	ExportedVersion int            `json:"exported_version"` // -1 when the file carried no version
	Current         XLIFFCurrent   `json:"current"`
	Segment         int64          `json:"segment,omitempty"`
	NewSource       string         `json:"new_source,omitempty"`
}

// SegmentChecks are the quality-check findings of one saved segment.
type SegmentChecks struct {
	ID     int64        `json:"id"`
	Checks []qa.Finding `json:"checks"`
}

// XLIFFImportResult summarises an import.
type XLIFFImportResult struct {
	Document  int64           `json:"document"`
	Lang      string          `json:"lang"`
	Saved     int             `json:"saved"`
	Unchanged int             `json:"unchanged"`
	Conflicts []XLIFFConflict `json:"conflicts"`
	// Checks lists the findings of the saved texts, as a save through the
	// editor would show them; segments without findings are left out.
	Checks []SegmentChecks `json:"checks"`
}

// Summary is the one-line account the CLI prints.
func (r XLIFFImportResult) Summary() string {
	return fmt.Sprintf("saved %d, unchanged %d, conflicts %d", r.Saved, r.Unchanged, len(r.Conflicts))
}

// ImportXLIFF saves the targets of a filled XLIFF file as actor's
// translations, all in one transaction. docID and lang are the document and
// target language the file must be for; 0 and "" take them from the file
// (the CLI). Files bigger than limit
// bytes are refused (limit <= 0 means xliff.DefaultLimit).
//
// The file is refused as a whole when it is malformed, belongs to another
// document, its languages are not ru → a target language, or one of its units
// was never a segment of the document. Per unit: an empty or identical target
// is unchanged; a unit whose segment left the document in a later revision
// (its Russian sentence changed or was deleted) is a SourceChanged conflict;
// a target that differs from the current text of a translation changed since
// the export (another version, or any text when the file carries no version)
// is a TranslationChanged conflict; anything else is saved through
// workflow.Edit with origin "xliff".
func (s *Store) ImportXLIFF(ctx context.Context, actor workflow.Actor, docID int64, lang string, r io.Reader, limit int64) (XLIFFImportResult, error) {
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
	docID, err = xliffDocument(docID, f.Header)
	if err != nil {
		return XLIFFImportResult{}, err
	}
	l, err := s.xliffTarget(ctx, f.Header)
	if err != nil {
		return XLIFFImportResult{}, err
	}
	if lang != "" {
		want, err := s.TargetLanguage(ctx, lang)
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
	names, err := s.UserNames(ctx)
	if err != nil {
		return XLIFFImportResult{}, err
	}
	res := XLIFFImportResult{Document: docID, Lang: l.Tag, Conflicts: []XLIFFConflict{}, Checks: []SegmentChecks{}}
	type savedText struct {
		id             int64
		source, target string
	}
	var saved []savedText
	// The matcher is read before the write, so that a glossary that cannot
	// be read fails the import before anything is written.
	gl, err := s.xliffGlossary(ctx, l.Tag)
	if err != nil {
		return XLIFFImportResult{}, err
	}
	err = s.writeMemory(ctx, func(tx *gorm.DB, b *memBatch) error {
		var doc Document
		if err := tx.Take(&doc, docID).Error; err != nil {
			return notFound(err, "document %d not found", docID)
		}
		cur, err := xliffCurrent(tx, doc, l.Tag, f.Units)
		if err != nil {
			return err
		}
		current := func(t Translation) XLIFFCurrent {
			return XLIFFCurrent{Target: t.Text, State: workflow.State(t.State), Version: t.Version, Author: names[t.AuthorID]}
		}
		for _, u := range f.Units {
			text := cleanTarget(u.Target)
			if next, gone := cur.gone[u.SegmentID]; gone {
				t := cur.trs[next] // zero when the sentence was deleted
				if text == "" || (next != 0 && text == t.Text) {
					res.Unchanged++
					continue
				}
				c := XLIFFConflict{ID: u.SegmentID, Reason: SourceChanged, Yours: text, ExportedVersion: u.Version}
				if next != 0 {
					c.Current, c.Segment, c.NewSource = current(t), next, cur.segs[next].Source
				}
				res.Conflicts = append(res.Conflicts, c)
				continue
			}
			seg, t := cur.segs[u.SegmentID], cur.trs[u.SegmentID]
			if text == "" || text == t.Text {
				res.Unchanged++
				continue
			}
			if stale(u.Version, t) {
				res.Conflicts = append(res.Conflicts, XLIFFConflict{ID: u.SegmentID, Reason: TranslationChanged, Yours: text,
					ExportedVersion: u.Version, Current: current(t)})
				continue
			}
			ch, err := workflow.Edit(actor, l.Tag, t.current(), t.Version, text)
			if err != nil {
				return fmt.Errorf("unit s%d: %w", u.SegmentID, err)
			}
			if err := s.apply(tx, b, actor, &t, ch, text, "", "xliff", seg.Source, doc.Title); err != nil {
				return fmt.Errorf("save unit s%d: %w", u.SegmentID, err)
			}
			res.Saved++
			saved = append(saved, savedText{id: seg.ID, source: seg.Source, target: text})
		}
		return nil
	})
	if err != nil {
		return XLIFFImportResult{}, fmt.Errorf("import xliff into document %d (%s): %w", docID, l.Tag, err)
	}
	s.observer.Imported("xliff")
	for _, sv := range saved {
		if found := qa.Check(qa.Input{Source: sv.source, Target: sv.target, Lang: l.Tag, Terms: gl.Match(sv.source)}); len(found) > 0 {
			res.Checks = append(res.Checks, SegmentChecks{ID: sv.id, Checks: found})
			s.observeFindings(found)
		}
	}
	return res, nil
}

// stale reports whether the translation changed since the export the unit
// comes from. A unit without a version is only trusted over untranslated text.
func stale(exported int, t Translation) bool {
	if exported < 0 {
		return workflow.State(t.State) != workflow.Untranslated
	}
	return exported != t.Version
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
func (s *Store) xliffTarget(ctx context.Context, h xliff.Header) (Language, error) {
	if !xliff.LanguageMatches(h.SourceLang, language.Source) {
		return Language{}, apperr.New(apperr.Invalid, "the file's source language is %q; Tilmash documents are in %s", h.SourceLang, language.Source)
	}
	if h.TargetLang == "" {
		return Language{}, apperr.New(apperr.Invalid, "the file names no target language")
	}
	ls, err := s.TargetLanguages(ctx)
	if err != nil {
		return Language{}, err
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
		return Language{}, apperr.New(apperr.Invalid, "the file's target language %q is not a target language of Tilmash (%s)",
			h.TargetLang, strings.Join(tags, ", "))
	}
	return ls[best], nil
}

// xliffState is what an import needs of a document: the segments of its
// current revision, their translations in the file's language, and where the
// file's units of earlier revisions went.
type xliffState struct {
	segs map[int64]record.Placed
	trs  map[int64]Translation
	// gone maps a unit's segment that left the document in a later revision
	// to the current segment deriving from it, 0 when the sentence was deleted.
	gone map[int64]int64
}

// xliffCurrent loads the segments of the document's current revision and
// their translations in lang, follows units of earlier revisions to their
// successors, and refuses a file naming a unit that was never the document's.
func xliffCurrent(tx *gorm.DB, doc Document, lang string, units []xliff.Unit) (xliffState, error) {
	cur, err := currentSegments(tx, doc.ID)
	if err != nil {
		return xliffState{}, err
	}
	st := xliffState{segs: make(map[int64]record.Placed, len(cur)), trs: make(map[int64]Translation, len(cur))}
	ids := make([]int64, len(cur))
	for i, sg := range cur {
		st.segs[sg.ID] = sg
		ids[i] = sg.ID
	}
	var missing []int64
	for _, u := range units {
		if _, ok := st.segs[u.SegmentID]; !ok {
			missing = append(missing, u.SegmentID)
		}
	}
	if len(missing) > 0 {
		if st.gone, err = successors(tx, doc, cur, missing); err != nil {
			return xliffState{}, err
		}
	}
	for _, id := range ids {
		st.trs[id] = Translation{SegmentID: id, Lang: lang, State: string(workflow.Untranslated)}
	}
	var rows []Translation
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		if err := tx.Where("segment_id IN ? AND lang = ?", chunk, lang).Find(&rows).Error; err != nil {
			return xliffState{}, fmt.Errorf("load %s translations of document %d: %w", lang, doc.ID, err)
		}
		for _, t := range rows {
			st.trs[t.SegmentID] = t
		}
	}
	return st, nil
}

// successors maps each of the missing segments (in none of cur, the current
// revision's) to the current segment deriving from it through the
// DerivedFrom chain, or to 0 when its sentence was deleted. A missing segment
// that never belonged to the document refuses the file.
func successors(tx *gorm.DB, doc Document, cur []record.Placed, missing []int64) (map[int64]int64, error) {
	var all []Segment
	if err := tx.Select("id, derived_from_id").Where("document_id = ?", doc.ID).Find(&all).Error; err != nil {
		return nil, fmt.Errorf("load segments of document %d: %w", doc.ID, err)
	}
	parent := make(map[int64]int64, len(all))
	for _, sg := range all {
		parent[sg.ID] = 0
		if sg.DerivedFromID != nil {
			parent[sg.ID] = *sg.DerivedFromID
		}
	}
	gone := make(map[int64]int64, len(missing))
	for _, id := range missing {
		if _, ok := parent[id]; !ok {
			return nil, apperr.New(apperr.Invalid, "unit s%d is not a segment of the current revision (%d) of document %d; export the document again",
				id, doc.Revision, doc.ID).With("unit", fmt.Sprintf("s%d", id))
		}
		gone[id] = 0
	}
	// Walk up from each current segment, in revision order: the first one
	// reached from an old segment (split sentences) is its successor.
	for _, sg := range cur {
		for id, hops := parent[sg.ID], 0; id != 0 && hops < maxSuccession; id, hops = parent[id], hops+1 {
			if next, ok := gone[id]; ok && next == 0 {
				gone[id] = sg.ID
			}
		}
	}
	return gone, nil
}

// maxSuccession bounds the walk up a segment's derivations (one per revision).
const maxSuccession = 1000

// sizeText shows a byte count as people read limits: "32 MiB", or bytes.
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// xliffGlossary reads the matcher of lang's terms for the import's checks.
// The import is the last use case the store still runs itself; it moves
// into internal/app, and this with it (issue 12).
func (s *Store) xliffGlossary(ctx context.Context, lang string) (*glossary.Glossary, error) {
	rows, err := s.GlossaryTerms(ctx, lang)
	if err != nil {
		return nil, fmt.Errorf("load the %s glossary for the checks: %w", lang, err)
	}
	terms := make([]glossary.Term, len(rows))
	for i, r := range rows {
		terms[i] = glossary.Term{ID: r.ID, Source: r.Source, Target: r.Target, Note: r.Note, Forbidden: r.Forbidden}
	}
	return glossary.New(terms), nil
}
