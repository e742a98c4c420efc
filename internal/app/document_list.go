package app

import (
	"context"
	"slices"
	"strings"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
)

// DocumentPageSize is the most documents one page of a list holds.
const DocumentPageSize = 50

// maxSearchWords bounds the words of a search, each a condition of the query.
const maxSearchWords = 8

// DocumentListQuery is what a document list asks for.
type DocumentListQuery struct {
	Q        string   // words that must each occur in the title or the text, in any case
	Langs    []string // languages shown and filtered on; none: every target language
	Filter   record.DocumentFilter
	Archived bool // archived documents only; else only the ones in use
	Page     int  // from 1; past the end means the last
}

// DocumentList is one page of documents with their counts in the
// languages asked for.
type DocumentList struct {
	Documents []DocumentSummary `json:"documents"`
	Total     int               `json:"total"`    // documents the query selects, on every page
	Page      int               `json:"page"`     // from 1, clamped to the last page
	Pages     int               `json:"pages"`    // at least 1
	PerPage   int               `json:"per_page"` // DocumentPageSize
	Langs     []string          `json:"langs"`    // the languages counted and filtered on
}

// ListDocuments pages through the documents, newest activity first, each
// with its counts per language and state in q's languages. Search, filter
// and paging run in the database: a page reads its own documents only.
func (a *App) ListDocuments(ctx context.Context, q DocumentListQuery) (DocumentList, error) {
	rq := record.DocumentQuery{Archived: q.Archived, Filter: q.Filter}
	switch q.Filter {
	case record.FilterAll, record.FilterNeedsWork, record.FilterReady:
	default:
		return DocumentList{}, apperr.New(apperr.Invalid, "unknown filter %q: use needs_work or ready", string(q.Filter))
	}
	rq.Words = strings.Fields(q.Q)
	if len(rq.Words) > maxSearchWords {
		return DocumentList{}, apperr.New(apperr.Invalid, "a search takes at most %d words", maxSearchWords)
	}
	langs, err := a.listLanguages(ctx, q.Langs)
	if err != nil {
		return DocumentList{}, err
	}
	rq.Langs = langs
	out := DocumentList{Documents: []DocumentSummary{}, PerPage: DocumentPageSize, Langs: langs, Page: max(q.Page, 1)}
	rq.Offset, rq.Limit = (out.Page-1)*DocumentPageSize, DocumentPageSize
	total, docs, err := a.db.ListDocuments(ctx, rq)
	if err != nil {
		return DocumentList{}, err
	}
	out.Total, out.Pages = total, max((total+DocumentPageSize-1)/DocumentPageSize, 1)
	if out.Page > out.Pages { // past the end: the last page, read again
		out.Page = out.Pages
		rq.Offset = (out.Page - 1) * DocumentPageSize
		if total, docs, err = a.db.ListDocuments(ctx, rq); err != nil {
			return DocumentList{}, err
		}
		out.Total = total
	}
	sums, err := a.summaries(ctx, docs)
	if err != nil {
		return DocumentList{}, err
	}
	for _, v := range sums {
		for tag := range v.Counts {
			if !slices.Contains(langs, tag) {
				delete(v.Counts, tag)
			}
		}
		out.Documents = append(out.Documents, v)
	}
	return out, nil
}

// listLanguages is the canonical tags of the languages a list asks for,
// each a target language, without repeats; none means every target language.
func (a *App) listLanguages(ctx context.Context, tags []string) ([]string, error) {
	var out []string
	for _, t := range tags {
		l, err := a.TargetLanguage(ctx, t)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, l.Tag) {
			out = append(out, l.Tag)
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	all, err := a.TargetLanguages(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range all {
		out = append(out, l.Tag)
	}
	return out, nil
}
