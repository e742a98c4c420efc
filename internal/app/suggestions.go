package app

import (
	"context"
	"time"

	"tilmash/internal/tm"
)

// SuggestionView is a memory match as the API shows it.
type SuggestionView struct {
	Source  string    `json:"source"`
	Target  string    `json:"target"`
	Score   int       `json:"score"`
	Origin  string    `json:"origin"`
	Author  string    `json:"author,omitempty"`
	Count   int       `json:"count"`
	Diff    []tm.Span `json:"diff"`
	Created time.Time `json:"created"`
	// Exact: the lookup that found this suggestion was certified exact (the
	// same for every suggestion of one answer; see SuggestionSet).
	Exact bool `json:"exact"`
}

// Suggestion thresholds: CAT tools hide matches under 70 %.
const (
	SuggestionLimit    = 5
	SuggestionMinScore = 70
)

// SuggestionSet is the answer of a memory lookup: the suggestions, and whether
// they are certified the true best matches (false when the lookup reached its
// work budget first; see tm.Result).
type SuggestionSet struct {
	Suggestions []SuggestionView
	Exact       bool
}

// SuggestionSet looks a segment's source up in the memory of lang: the best
// SuggestionLimit matches scoring SuggestionMinScore or more, with the
// lookup's exactness.
func (a *App) SuggestionSet(ctx context.Context, segID int64, lang string) (SuggestionSet, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return SuggestionSet{}, err
	}
	seg, err := a.db.Segment(ctx, segID)
	if err != nil {
		return SuggestionSet{}, err
	}
	// The index is built before the clock starts: the metric is of lookups,
	// not of a process's first build.
	if err := a.db.LoadMemory(ctx); err != nil {
		return SuggestionSet{}, err
	}
	start := time.Now()
	res, err := a.db.Lookup(ctx, l.Tag, seg.Source, SuggestionLimit, SuggestionMinScore)
	if err != nil {
		return SuggestionSet{}, err
	}
	a.observer.TMLookup(time.Since(start), res.Exact)
	out := make([]SuggestionView, len(res.Suggestions))
	for i, f := range res.Suggestions {
		diff := f.Diff
		if diff == nil {
			diff = []tm.Span{}
		}
		out[i] = SuggestionView{Source: f.Source, Target: f.Target, Score: f.Score, Origin: f.Origin, Author: f.Author,
			Count: f.Count, Diff: diff, Created: f.Created, Exact: res.Exact}
	}
	return SuggestionSet{Suggestions: out, Exact: res.Exact}, nil
}
