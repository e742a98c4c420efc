package tmsynth

import (
	"slices"
	"testing"
)

// TestQueriesParts: every fifth query (from the third) is a unit of the memory itself, the others
// of the first two parts differ from the unit they vary, and one seed gives the same queries.
func TestQueriesParts(t *testing.T) {
	sources := New(1).PressCorpus(2000)
	qs := New(2).Queries(sources, 100)
	if len(qs) != 100 {
		t.Fatalf("%d queries, want 100", len(qs))
	}
	for i, q := range qs {
		at := (i * 7919) % len(sources)
		switch i % 5 {
		case 0, 1:
			if q == sources[at] {
				t.Errorf("query %d %q is its unit unchanged", i, q)
			}
		case 2:
			if !slices.Contains(sources, q) {
				t.Errorf("query %d %q is not a unit of the memory", i, q)
			}
		}
	}
	if again := New(2).Queries(sources, 100); !slices.Equal(qs, again) {
		t.Error("one seed gave two query sets")
	}
}

func TestShortAt(t *testing.T) {
	tests := []struct {
		sources []string
		from    int
		want    int
	}{
		{[]string{"Один два три четыре пять.", "Итоги", "Фото:"}, 0, 1},
		{[]string{"Один два три четыре пять.", "Итоги", "Фото:"}, 2, 2},
		{[]string{"Фото:", "Один два три четыре пять."}, 1, 0}, // wraps
		{[]string{"Один два три четыре пять.", "Шесть семь восемь девять десять."}, 1, 1},
	}
	for _, tt := range tests {
		if got := ShortAt(tt.sources, tt.from); got != tt.want {
			t.Errorf("ShortAt(%q, %d) = %d, want %d", tt.sources, tt.from, got, tt.want)
		}
	}
}
