package app

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"tilmash/internal/record"
	"tilmash/internal/segment"
	"tilmash/internal/workflow"
)

// SegmentView is a segment as the current revision places it.
type SegmentView struct {
	ID        int64  `json:"id"`
	Paragraph int    `json:"paragraph"`
	Position  int    `json:"position"`
	Source    string `json:"source"`
}

// DocumentView is a document with the segments of its current revision.
type DocumentView struct {
	ID        int64             `json:"id"`
	Title     string            `json:"title"`
	Revision  int               `json:"revision"`
	CreatedAt time.Time         `json:"created_at"`
	Segments  []SegmentView     `json:"segments"`
	Warnings  []segment.Warning `json:"warnings"`
	// ArchivedAt is when the document left the work lists; absent while in use.
	ArchivedAt *time.Time `json:"archived_at,omitempty"`
	// ActivityAt is its newest import, revision or history event.
	ActivityAt time.Time `json:"activity_at"`
	// Counts maps each target language to the number of segments per state.
	Counts map[string]map[workflow.State]int `json:"languages,omitempty"`
}

// DocumentSummary is a document as the list of documents shows it: its
// counts per language and state, without its segments and warnings, which
// only DocumentView carries (so the list never shows them as empty or null).
type DocumentSummary struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Revision  int       `json:"revision"`
	CreatedAt time.Time `json:"created_at"`
	// ArchivedAt is when the document left the work lists; absent while in use.
	ArchivedAt *time.Time `json:"archived_at,omitempty"`
	// ActivityAt is its newest import, revision or history event.
	ActivityAt time.Time `json:"activity_at"`
	// Counts maps each target language to the number of segments per state.
	Counts map[string]map[workflow.State]int `json:"languages"`
}

func segmentViews(ps []record.Placed) []SegmentView {
	out := make([]SegmentView, len(ps))
	for i, p := range ps {
		out[i] = SegmentView(p)
	}
	return out
}

// Document loads one document with its current segments, warnings and counts.
func (a *App) Document(ctx context.Context, id int64) (DocumentView, error) {
	doc, err := a.db.Document(ctx, id)
	if err != nil {
		return DocumentView{}, err
	}
	sums, err := a.summaries(ctx, []record.Document{doc})
	if err != nil {
		return DocumentView{}, err
	}
	sum := sums[0]
	v := DocumentView{ID: sum.ID, Title: sum.Title, Revision: sum.Revision, CreatedAt: sum.CreatedAt, Counts: sum.Counts,
		ArchivedAt: sum.ArchivedAt, ActivityAt: sum.ActivityAt}
	segs, err := a.db.CurrentSegments(ctx, id)
	if err != nil {
		return DocumentView{}, err
	}
	v.Segments = segmentViews(segs)
	rev, err := a.db.Revision(ctx, id, doc.Revision)
	if err != nil {
		return DocumentView{}, err
	}
	if v.Warnings, err = warningsOf(rev); err != nil {
		return DocumentView{}, err
	}
	return v, nil
}

// warningsOf reads the hygiene warnings stored with a revision.
func warningsOf(rev record.Revision) ([]segment.Warning, error) {
	out := []segment.Warning{}
	if rev.Warnings != "" {
		if err := json.Unmarshal([]byte(rev.Warnings), &out); err != nil {
			return nil, fmt.Errorf("read warnings of document %d: %w", rev.DocumentID, err)
		}
	}
	return out, nil
}

// currentRevision loads a document's current revision.
func (a *App) currentRevision(ctx context.Context, docID int64) (record.Revision, error) {
	doc, err := a.db.Document(ctx, docID)
	if err != nil {
		return record.Revision{}, err
	}
	return a.db.Revision(ctx, docID, doc.Revision)
}

// SourceWarnings lists the hygiene warnings of a document's current revision.
func (a *App) SourceWarnings(ctx context.Context, docID int64) ([]segment.Warning, error) {
	rev, err := a.currentRevision(ctx, docID)
	if err != nil {
		return nil, err
	}
	return warningsOf(rev)
}

// SourceText is the Russian text of a document's current revision, as it
// was imported (after NFC), for a publisher to correct.
func (a *App) SourceText(ctx context.Context, docID int64) (string, error) {
	rev, err := a.currentRevision(ctx, docID)
	return rev.Text, err
}

// Documents lists every document, newest first, with counts per language and state.
func (a *App) Documents(ctx context.Context) ([]DocumentSummary, error) {
	docs, err := a.db.Documents(ctx)
	if err != nil {
		return nil, err
	}
	return a.summaries(ctx, docs)
}

// summaries are documents with their counts per target language and state:
// every segment without a translation counts as untranslated.
func (a *App) summaries(ctx context.Context, docs []record.Document) ([]DocumentSummary, error) {
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	states, err := a.db.StateCounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	langs, err := a.TargetLanguages(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]DocumentSummary, 0, len(docs))
	for _, doc := range docs {
		st := states[doc.ID]
		counts := make(map[string]map[workflow.State]int, len(langs))
		for _, l := range langs {
			m := make(map[workflow.State]int, 5)
			for _, s := range workflow.States() {
				m[s] = 0
			}
			m[workflow.Untranslated] = st.Total
			counts[l.Tag] = m
		}
		for _, r := range st.Counts {
			m, ok := counts[r.Lang]
			if !ok {
				continue
			}
			m[workflow.State(r.State)] += r.N
			m[workflow.Untranslated] -= r.N
		}
		out = append(out, DocumentSummary{ID: doc.ID, Title: doc.Title, Revision: doc.Revision, CreatedAt: doc.CreatedAt, Counts: counts,
			ArchivedAt: doc.ArchivedAt, ActivityAt: doc.ActivityAt})
	}
	return out, nil
}
