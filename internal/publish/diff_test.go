package publish

import (
	"fmt"
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	seg := func(id int64, text string, anc ...int64) DiffSegment {
		return DiffSegment{ID: id, Source: fmt.Sprintf("s%d", id), Text: text, Lang: "kk", Ancestors: anc}
	}
	for _, c := range []struct {
		name         string
		older, newer []DiffSegment
		want         string
	}{
		{"identical", []DiffSegment{seg(1, "a"), seg(2, "b")}, []DiffSegment{seg(1, "a"), seg(2, "b")}, "0/0/0/2"},
		{"edited", []DiffSegment{seg(1, "a"), seg(2, "b")}, []DiffSegment{seg(1, "a"), seg(2, "B")},
			"0/0/1/1 changed:2 b→B"},
		{"source revised", []DiffSegment{seg(1, "a"), seg(2, "b")}, []DiffSegment{seg(1, "a"), seg(5, "b2", 3, 2)},
			"0/0/1/1 changed:5<2 b→b2"},
		{"back in time", []DiffSegment{seg(1, "a"), seg(5, "b2", 3, 2)}, []DiffSegment{seg(1, "a"), seg(2, "b")},
			"0/0/1/1 changed:2<5 b2→b"},
		{"added and removed", []DiffSegment{seg(1, "a"), seg(2, "b")}, []DiffSegment{seg(3, "c"), seg(1, "a")},
			"1/1/0/1 added:3 →c removed:2 b→"},
		{"waived then translated", []DiffSegment{{ID: 1, Text: "s1", Lang: "ru"}}, []DiffSegment{{ID: 1, Text: "s1", Lang: "kk"}},
			"0/0/1/0 changed:1 s1→s1"},
		{"ancestor still present keeps its own match", []DiffSegment{seg(2, "b")}, []DiffSegment{seg(2, "b"), seg(5, "x", 2)},
			"1/0/0/1 added:5 →x"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Compare(c.older, c.newer)
			parts := []string{fmt.Sprintf("%d/%d/%d/%d", d.Added, d.Removed, d.Changed, d.Unchanged)}
			for _, ch := range d.Changes {
				id := fmt.Sprint(ch.Segment)
				if ch.Previous != 0 {
					id += fmt.Sprintf("<%d", ch.Previous)
				}
				parts = append(parts, fmt.Sprintf("%s:%s %s→%s", ch.Kind, id, ch.OldText, ch.NewText))
			}
			if got := strings.Join(parts, " "); got != c.want {
				t.Errorf("Compare = %s, want %s", got, c.want)
			}
		})
	}
}
