package tmbench

import (
	"slices"

	"tilmash/internal/tm"
)

// trgmRow is one row of pg_trgm's answer.
type trgmRow struct {
	id     int64
	source string
}

// agreement compares the two answers to one query under Tilmash's score (tm.Score), at or above
// minScore. A match of one side counts as found by the other when the other's answer holds it, or
// when the other answered limit matches that all score at least as high: it had better ones to show.
type agreement struct {
	limit, minScore int
	// pg_trgm's matches scoring >= minScore; of them, found by Tilmash; found by entry id only
	trgmWant, trgmFound, trgmHeld int
	// Tilmash's suggestions; of them, found by pg_trgm
	tmWant, tmFound int
}

func (a *agreement) add(query string, got []tm.Suggestion, rows []trgmRow) {
	scores := make([]int, len(rows))
	for i, r := range rows {
		scores[i] = tm.Score(query, r.source)
		if scores[i] < a.minScore {
			continue
		}
		a.trgmWant++
		held := slices.ContainsFunc(got, func(s tm.Suggestion) bool { return slices.Contains(s.IDs, r.id) })
		if held {
			a.trgmHeld++
		}
		if held || len(got) == a.limit && got[len(got)-1].Score >= scores[i] {
			a.trgmFound++
		}
	}
	for _, s := range got {
		a.tmWant++
		held := slices.ContainsFunc(rows, func(r trgmRow) bool { return slices.Contains(s.IDs, r.id) })
		outranked := len(rows) == a.limit && slices.Min(scores) >= s.Score
		if held || outranked {
			a.tmFound++
		}
	}
}

// recall is Tilmash's recall of pg_trgm's matches; strict counts only those its answer holds.
func (a agreement) recall() (recall, strict float64) {
	n := float64(max(a.trgmWant, 1))
	return float64(a.trgmFound) / n, float64(a.trgmHeld) / n
}

// trgmRecall is pg_trgm's recall of Tilmash's suggestions.
func (a agreement) trgmRecall() float64 { return float64(a.tmFound) / float64(max(a.tmWant, 1)) }
