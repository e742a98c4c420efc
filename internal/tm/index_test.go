package tm

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// sameSuggestions compares what a lookup answers, leaving out Diff (tested on its own).
func sameSuggestions(got, want []Suggestion) error {
	if len(got) != len(want) {
		return fmt.Errorf("%d suggestions, want %d:\n got %s\nwant %s", len(got), len(want), brief(got), brief(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Source != w.Source || g.Target != w.Target || g.Score != w.Score || g.Count != w.Count ||
			!slices.Equal(g.IDs, w.IDs) || !g.Created.Equal(w.Created) || g.Origin != w.Origin || g.Author != w.Author {
			return fmt.Errorf("suggestion %d:\n got %s\nwant %s", i, brief(got), brief(want))
		}
	}
	return nil
}

func brief(ss []Suggestion) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "[%d %q→%q ids=%v] ", s.Score, s.Source, s.Target, s.IDs)
	}
	return b.String()
}

func TestLookupGroupsIdenticalSources(t *testing.T) {
	x := NewIndex()
	add := func(id int64, src, tgt string, day int) {
		x.Add(Entry{ID: id, Source: src, Target: tgt, Origin: fmt.Sprintf("doc%d", id), Author: "a", Created: epoch.AddDate(0, 0, day)})
	}
	add(1, "Повестка дня ООН", "БҰҰ күн тәртібі", 1)
	add(2, "повестка  дня ООН", "БҰҰ күн тәртібі", 3) // same folded source, same target
	add(3, "Повестка дня ООН", "БҰҰ-ның күн тәртібі", 2)
	add(4, "Повестки дня ООН", "БҰҰ күн тәртібінің", 5)
	add(5, "Совсем другая фраза", "x", 9)

	got := x.Lookup("Повестка дня ООН", 5, 70)
	want := []Suggestion{
		{Source: "повестка  дня ООН", Target: "БҰҰ күн тәртібі", Origin: "doc2", Author: "a", Score: 100, Count: 2, IDs: []int64{1, 2}, Created: epoch.AddDate(0, 0, 3)},
		{Source: "Повестка дня ООН", Target: "БҰҰ-ның күн тәртібі", Origin: "doc3", Author: "a", Score: 100, Count: 1, IDs: []int64{3}, Created: epoch.AddDate(0, 0, 2)},
		{Source: "Повестки дня ООН", Target: "БҰҰ күн тәртібінің", Origin: "doc4", Author: "a", Score: 94, Count: 1, IDs: []int64{4}, Created: epoch.AddDate(0, 0, 5)},
	}
	if err := sameSuggestions(got, want); err != nil {
		t.Fatal(err)
	}
	// limit cuts after ranking
	if got := x.Lookup("Повестка дня ООН", 1, 70); len(got) != 1 || got[0].Count != 2 {
		t.Fatalf("limit 1: %s", brief(got))
	}
	// replacing an entry moves it to its new group
	add(2, "Повестка дня ООН", "БҰҰ-ның күн тәртібі", 4)
	got = x.Lookup("Повестка дня ООН", 5, 100)
	if len(got) != 2 || got[0].Target != "БҰҰ-ның күн тәртібі" || !slices.Equal(got[0].IDs, []int64{2, 3}) {
		t.Fatalf("after replace: %s", brief(got))
	}
	if !x.Remove(2) || x.Remove(2) || x.Len() != 4 {
		t.Fatalf("Remove: len %d", x.Len())
	}
	for _, id := range []int64{1, 3} {
		x.Remove(id)
	}
	if got := x.Lookup("Повестка дня ООН", 5, 100); got != nil {
		t.Fatalf("removed entries still suggested: %s", brief(got))
	}
	if got := x.Lookup("Повестка дня ООН", 0, 0); got != nil {
		t.Fatalf("limit 0: %s", brief(got))
	}
}

func TestDiffSpans(t *testing.T) {
	tests := []struct {
		source, query string
		want          []string
	}{
		{"Повестка дня ООН", "повестка дня ООН", nil},
		{"Повестки дня ООН", "Повестка дня ООН", []string{"Повестки"}},
		{"В Алматы обсудили вопросы развития.", "В Астане обсудили вопросы развития.", []string{"Алматы"}},
		{"Семинар пройдет с 27 по 29 ноября.", "Семинар пройдет с 27 по 30 ноября.", []string{"29"}},
		{"Новый большой семинар прошел.", "Семинар прошел.", []string{"Новый большой"}},
		{"Семинар прошел.", "Семинар прошел успешно.", nil},
		{"Семинар прошел!", "Семинар прошел.", []string{"!"}},
		{"а б в г", "а x в y", []string{"б", "г"}},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range diffWords(tt.source, tt.query) {
			got = append(got, tt.source[sp.Start:sp.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("diffWords(%q, %q) = %q, want %q", tt.source, tt.query, got, tt.want)
		}
	}
	x := NewIndex()
	x.Add(Entry{ID: 1, Source: "Семинар пройдет с 27 по 29 ноября.", Target: "t"})
	got := x.Lookup("Семинар пройдет с 27 по 30 ноября.", 5, 70)
	if len(got) != 1 || !slices.Equal(got[0].Diff, []Span{{41, 43}}) {
		t.Fatalf("Lookup diff: %+v", got)
	}
}

// TestLookupMatchesBruteForce is the property test: on random small corpora, through every way of
// filling the index (one by one, in a batch, replaced and removed entries, static and dynamic
// segments), Lookup answers exactly what scoring every entry answers.
func TestLookupMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	alphabets := []string{"ab ", "абв гд", "абвгдежзиклмнопрстуфхцчшщыэюя ,.АБВ"}
	trials := 60
	if testing.Short() || raceEnabled {
		trials = 15
	}
	for trial := range trials {
		alpha := []rune(alphabets[trial%len(alphabets)])
		var sources []string
		for range 5 + rng.IntN(40) {
			switch {
			case len(sources) > 0 && rng.IntN(4) == 0:
				base := []rune(sources[rng.IntN(len(sources))])
				sources = append(sources, string(mutate(rng, base, alpha, rng.IntN(4))))
			case len(sources) > 0 && rng.IntN(6) == 0:
				sources = append(sources, strings.ToUpper(sources[rng.IntN(len(sources))])+" ")
			default:
				sources = append(sources, string(randRunes(rng, alpha, rng.IntN(150))))
			}
		}
		entries := map[int64]Entry{}
		folded := map[string][]rune{}
		x := NewIndex()
		var all []Entry
		for i := range 20 + rng.IntN(400) {
			e := Entry{
				ID:      int64(rng.IntN(600)),
				Source:  sources[rng.IntN(len(sources))],
				Target:  fmt.Sprintf("t%d", rng.IntN(3)),
				Origin:  fmt.Sprintf("o%d", i),
				Author:  "u",
				Created: epoch.Add(time.Duration(rng.IntN(5)) * time.Hour),
			}
			entries[e.ID] = e
			all = append(all, e)
		}
		switch trial % 3 {
		case 0:
			for _, e := range all {
				x.Add(e)
			}
		case 1:
			x.AddBatch(all)
		default:
			x.AddBatch(all[:len(all)/2])
			for _, e := range all[len(all)/2:] {
				x.Add(e)
			}
		}
		for id := range entries {
			if rng.IntN(8) == 0 {
				delete(entries, id)
				x.Remove(id)
			}
		}
		if trial%3 == 2 {
			x.mu.Lock()
			x.build()
			x.mu.Unlock()
			for i := range 30 { // a dynamic segment beside the static one
				e := Entry{ID: int64(1000 + i), Source: sources[rng.IntN(len(sources))], Target: "t9", Created: epoch}
				entries[e.ID] = e
				x.Add(e)
			}
		}
		if x.Len() != len(entries) {
			t.Fatalf("trial %d: Len = %d, want %d", trial, x.Len(), len(entries))
		}
		for range 40 {
			var q string
			if rng.IntN(2) == 0 {
				q = string(mutate(rng, []rune(sources[rng.IntN(len(sources))]), alpha, rng.IntN(6)))
			} else {
				q = string(randRunes(rng, alpha, rng.IntN(120)))
			}
			limit := 1 + rng.IntN(7)
			minScore := []int{0, 30, 50, 70, 75, 85, 95, 100}[rng.IntN(8)]
			got, st := x.lookup(q, limit, minScore)
			want := bruteForce(entries, folded, q, limit, minScore)
			if err := sameSuggestions(got, want); err != nil {
				t.Fatalf("trial %d, query %q, limit %d, minScore %d: %v", trial, q, limit, minScore, err)
			}
			if !st.exact {
				t.Fatalf("trial %d: small lookup not exact: %+v", trial, st)
			}
		}
	}
}
