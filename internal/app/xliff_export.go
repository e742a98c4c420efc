package app

import (
	"context"
	"fmt"
	"io"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
	"tilmash/internal/xmltext"
)

// XLIFFExport is a document × language ready to be written as XLIFF: the
// file header and one unit per segment of the current revision, in order.
type XLIFFExport struct {
	Header xliff.Header
	Units  []xliff.Unit
	// Fill is what an XLIFF 1.2 file carries as the target of a unit
	// without translation; "" means xliff.FillSource.
	Fill xliff.TargetFill
	// Replaced counts the characters XML 1.0 cannot carry that stored texts
	// held (rows older than the rule of package xmltext) and that the
	// export replaced by U+FFFD; the API warns about them.
	Replaced int
}

// XLIFFUnits collects what an XLIFF export of a document in one language
// carries: each segment of the current revision with its paragraph, target,
// state and version, and the rejection comment or previous source as notes.
// Characters XML cannot carry in stored texts become U+FFFD (counted in
// Replaced), so that no stored text can make an export fail.
// Approved text whose version the latest release took is "published" (final).
func (a *App) XLIFFUnits(ctx context.Context, docID int64, lang string) (XLIFFExport, error) {
	list, err := a.TranslationsUnchecked(ctx, docID, lang) // a file carries no findings
	if err != nil {
		return XLIFFExport{}, err
	}
	released, err := a.releasedVersions(ctx, docID, list.Lang)
	if err != nil {
		return XLIFFExport{}, err
	}
	out := XLIFFExport{
		Header: xliff.Header{DocumentID: list.DocumentID, Title: list.Title, Revision: list.Revision,
			SourceLang: language.Source, TargetLang: list.Lang},
		Units: make([]xliff.Unit, len(list.Segments)),
	}
	safe := func(s string) string {
		s, n := xmltext.Replace(s)
		out.Replaced += n
		return s
	}
	out.Header.Title = safe(out.Header.Title)
	for i, v := range list.Segments {
		u := xliff.Unit{SegmentID: v.ID, Paragraph: v.Paragraph, Source: safe(v.Source), Target: safe(v.Target),
			State: string(v.State), Version: v.Version, PreviousSource: safe(v.PreviousSource)}
		if v.State == workflow.Rejected {
			u.Comment = safe(v.Comment)
		}
		if rv, ok := released[v.ID]; ok && v.State == workflow.Approved && rv == v.Version {
			u.State = "published"
		}
		out.Units[i] = u
	}
	return out, nil
}

// releasedVersions maps each segment the latest live release of a document
// in a language took in that language to the translation version it took; a
// segment a waived release filled with the source is left out, and so is
// everything when every release was withdrawn.
func (a *App) releasedVersions(ctx context.Context, docID int64, lang string) (map[int64]int, error) {
	rel, err := a.db.ReleaseNumbered(ctx, docID, lang, 0)
	if e, ok := apperr.As(err); ok && e.Code == apperr.NotFound {
		return map[int64]int{}, nil
	}
	if err != nil {
		return nil, err
	}
	if rel.WithdrawnAt != nil {
		return map[int64]int{}, nil
	}
	text, err := a.db.ReleaseText(ctx, rel.ID)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(text))
	for _, x := range text {
		if x.Lang == lang {
			out[x.SegmentID] = x.Version
		}
	}
	return out, nil
}

// ExportXLIFF writes a document in one language as an XLIFF file of format f.
// Everything is read before the first byte is written, so an error leaves w
// untouched unless w itself fails.
func (a *App) ExportXLIFF(ctx context.Context, docID int64, lang string, f xliff.Format, w io.Writer) error {
	exp, err := a.XLIFFUnits(ctx, docID, lang)
	if err != nil {
		return err
	}
	return exp.Write(w, f)
}

// Write writes the export as an XLIFF file of format f.
func (e XLIFFExport) Write(w io.Writer, f xliff.Format) error {
	xw, err := xliff.NewWriter(w, f, e.Header)
	if err != nil {
		return fmt.Errorf("export document %d: %w", e.Header.DocumentID, err)
	}
	if e.Fill != "" {
		if err := xw.SetTargetFill(e.Fill); err != nil {
			return fmt.Errorf("export document %d: %w", e.Header.DocumentID, err)
		}
	}
	for _, u := range e.Units {
		if err := xw.WriteUnit(u); err != nil {
			return fmt.Errorf("export document %d: %w", e.Header.DocumentID, err)
		}
	}
	if err := xw.Close(); err != nil {
		return fmt.Errorf("export document %d: %w", e.Header.DocumentID, err)
	}
	return nil
}

// XLIFFFileName is the download name of an export: "document-7-kk.xlf".
// Titles are Russian and free text, so the name is built from ids only.
func XLIFFFileName(docID int64, lang string) string {
	return fmt.Sprintf("document-%d-%s%s", docID, lang, xliff.Extension)
}
