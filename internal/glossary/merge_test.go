package glossary

import (
	"reflect"
	"slices"
	"testing"
)

func TestMerge(t *testing.T) {
	oon := Term{ID: 1, Source: "ООН", Target: "БҰҰ"}
	sdg := Term{ID: 2, Source: "ЦУР", Target: "ТДМ", Note: "цели устойчивого развития"}
	bank1 := Term{ID: 3, Source: "банк", Target: "банк"}
	bank2 := Term{ID: 4, Source: "банк", Target: "жағалау", Note: "берег"}
	existing := []Term{oon, sdg, bank1, bank2}
	tests := []struct {
		name  string
		terms []Term
		want  MergePlan
	}{
		{"the same file again", []Term{{Source: "ООН", Target: "БҰҰ"}, {Source: "ЦУР", Target: "ТДМ", Note: "цели устойчивого развития"}},
			MergePlan{Duplicates: 2}},
		{"a changed target updates", []Term{{Source: "ООН", Target: "Біріккен Ұлттар Ұйымы"}},
			MergePlan{Update: []Term{{ID: 1, Source: "ООН", Target: "Біріккен Ұлттар Ұйымы"}}}},
		{"a changed note updates", []Term{{Source: "ЦУР", Target: "ТДМ", Forbidden: []string{"МДМ"}}},
			MergePlan{Update: []Term{{ID: 2, Source: "ЦУР", Target: "ТДМ", Forbidden: []string{"МДМ"}}}}},
		{"a new source is added", []Term{{Source: "ПРООН", Target: "БҰҰДБ"}},
			MergePlan{Add: []Term{{Source: "ПРООН", Target: "БҰҰДБ"}}}},
		{"a shared source: the matching target is kept", []Term{{Source: "банк", Target: "жағалау", Note: "берег"}},
			MergePlan{Duplicates: 1}},
		{"a shared source: a new target is added", []Term{{Source: "банк", Target: "қор"}},
			MergePlan{Add: []Term{{Source: "банк", Target: "қор"}}}},
		{"repeats inside the file", []Term{{Source: "ПРООН", Target: "БҰҰДБ"}, {Source: "ПРООН", Target: "БҰҰДБ"}, {Source: "ПРООН", Target: "UNDP"},
			{Source: "ООН", Target: "X"}, {Source: "ООН", Target: "Y"}},
			MergePlan{Add: []Term{{Source: "ПРООН", Target: "БҰҰДБ"}, {Source: "ПРООН", Target: "UNDP"}, {Source: "ООН", Target: "Y"}},
				Update: []Term{{ID: 1, Source: "ООН", Target: "X"}}, Duplicates: 1}},
		{"nothing", nil, MergePlan{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Merge(existing, tt.terms); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
	if !reflect.DeepEqual(existing[0], oon) {
		t.Error("Merge changed its input")
	}
}

// TestMergeTwice: merging the result of a merge with the same terms is all
// duplicates, whatever the terms (property of the acceptance test "the
// same CSV imported twice leaves the count unchanged").
func TestMergeTwice(t *testing.T) {
	terms := []Term{{Source: "а", Target: "1"}, {Source: "а", Target: "2"}, {Source: "б", Target: "1", Note: "n"}, {Source: "а", Target: "1"},
		{Source: "в", Target: "3", Forbidden: []string{"x"}}, {Source: "б", Target: "1", Note: "m"}, {Source: "б", Target: "2"}}
	for n := 0; n <= len(terms); n++ {
		first := Merge(nil, terms[:n])
		var glossary []Term
		for i, a := range first.Add {
			a.ID = int64(i + 1)
			glossary = append(glossary, a)
		}
		second := Merge(glossary, terms[:n])
		if len(second.Add) != 0 || len(second.Update) != 0 || second.Duplicates != n {
			t.Errorf("%d terms: second merge %+v", n, second)
		}
		// and over a glossary that had other renderings before
		old := []Term{{ID: 90, Source: "а", Target: "0"}, {ID: 91, Source: "б", Target: "1"}}
		merged := Merge(old, terms[:n])
		glossary = slices.Clone(old)
		for _, u := range merged.Update {
			for i := range glossary {
				if glossary[i].ID == u.ID {
					glossary[i] = u
				}
			}
		}
		for i, a := range merged.Add {
			a.ID = int64(i + 1)
			glossary = append(glossary, a)
		}
		if again := Merge(glossary, terms[:n]); len(again.Add) != 0 || len(again.Update) != 0 || again.Duplicates != n {
			t.Errorf("%d terms over an old glossary: second merge %+v (glossary %+v)", n, again, glossary)
		}
	}
}
