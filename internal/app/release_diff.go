package app

import (
	"context"

	"tilmash/internal/apperr"
	"tilmash/internal/publish"
)

// ReleaseDiff is what changed between two releases of a document in one language.
type ReleaseDiff struct {
	From ReleaseView `json:"from"`
	To   ReleaseView `json:"to"`
	publish.Diff
}

// DiffReleases compares release from with release to of a document in a
// language (withdrawn ones too). Segments whose Russian source was revised
// in between are matched through the segments they derive from.
func (a *App) DiffReleases(ctx context.Context, docID int64, lang string, from, to int) (ReleaseDiff, error) {
	if from <= 0 || to <= 0 {
		return ReleaseDiff{}, apperr.New(apperr.Invalid, "release numbers start at 1")
	}
	x, err := a.ReleaseByNumber(ctx, docID, lang, from)
	if err != nil {
		return ReleaseDiff{}, err
	}
	y, err := a.ReleaseByNumber(ctx, docID, lang, to)
	if err != nil {
		return ReleaseDiff{}, err
	}
	fresh := append(unshared(x.Segments, y.Segments), unshared(y.Segments, x.Segments)...)
	anc, err := a.ancestors(ctx, fresh)
	if err != nil {
		return ReleaseDiff{}, err
	}
	return ReleaseDiff{From: x.ReleaseView, To: y.ReleaseView,
		Diff: publish.Compare(diffSegments(x.Segments, anc), diffSegments(y.Segments, anc))}, nil
}

// unshared lists the segments of xs that ys does not have.
func unshared(xs, ys []ReleaseText) []int64 {
	in := make(map[int64]bool, len(ys))
	for _, y := range ys {
		in[y.SegmentID] = true
	}
	var out []int64
	for _, x := range xs {
		if !in[x.SegmentID] {
			out = append(out, x.SegmentID)
		}
	}
	return out
}

func diffSegments(ts []ReleaseText, anc map[int64][]int64) []publish.DiffSegment {
	out := make([]publish.DiffSegment, len(ts))
	for i, t := range ts {
		out[i] = publish.DiffSegment{ID: t.SegmentID, Source: t.Source, Text: t.Text, Lang: t.Lang, Version: t.Version,
			Ancestors: anc[t.SegmentID]}
	}
	return out
}

// maxAncestry bounds the walk up a segment's derivations (one per revision).
const maxAncestry = 1000

// ancestors maps each segment to the segments it derives from, nearest first.
func (a *App) ancestors(ctx context.Context, ids []int64) (map[int64][]int64, error) {
	out := make(map[int64][]int64, len(ids))
	head := make(map[int64]int64, len(ids)) // the segment whose parent is asked next → the segment it is an ancestor of
	for _, id := range ids {
		head[id] = id
	}
	for hop := 0; hop < maxAncestry && len(head) > 0; hop++ {
		ask := make([]int64, 0, len(head))
		for id := range head {
			ask = append(ask, id)
		}
		parents, err := a.db.DerivedFrom(ctx, ask)
		if err != nil {
			return nil, err
		}
		next := make(map[int64]int64, len(parents))
		for id, parent := range parents {
			of := head[id]
			out[of] = append(out[of], parent)
			next[parent] = of
		}
		head = next
	}
	return out, nil
}
