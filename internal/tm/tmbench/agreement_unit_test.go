package tmbench

import (
	"testing"

	"tilmash/internal/tm"
)

func TestAgreement(t *testing.T) {
	const q = "Итоги заседания совета"
	near := "Итоги заседания совета." // scores >= 75 against q
	far := "Программа форума"         // scores < 75
	sug := func(score int, ids ...int64) tm.Suggestion { return tm.Suggestion{Score: score, IDs: ids} }
	tests := []struct {
		name              string
		got               []tm.Suggestion
		rows              []trgmRow
		want, found, held int
		tmWant, tmFound   int
	}{
		{"both hold the match", []tm.Suggestion{sug(tm.Score(q, near), 1, 2)}, []trgmRow{{2, near}, {3, far}},
			1, 1, 1, 1, 1},
		{"Tilmash misses it", nil, []trgmRow{{2, near}}, 1, 0, 0, 0, 0},
		{"pg_trgm misses it", []tm.Suggestion{sug(80, 4)}, nil, 0, 0, 0, 1, 0},
		{"Tilmash outranks it with a full top 5",
			[]tm.Suggestion{sug(100, 10), sug(100, 11), sug(99, 12), sug(99, 13), sug(99, 14)},
			[]trgmRow{{2, near}}, 1, 1, 0, 5, 0},
		{"a full top 5 of lower scores does not outrank it",
			[]tm.Suggestion{sug(76, 10), sug(76, 11), sug(76, 12), sug(76, 13), sug(75, 14)},
			[]trgmRow{{2, near}}, 1, 0, 0, 5, 0},
		{"pg_trgm outranks with a full top 5", []tm.Suggestion{sug(76, 9)},
			[]trgmRow{{1, near}, {2, near}, {3, near}, {4, near}, {5, near}}, 5, 0, 0, 1, 1},
	}
	for _, tt := range tests {
		a := agreement{limit: 5, minScore: 75}
		a.add(q, tt.got, tt.rows)
		if a.trgmWant != tt.want || a.trgmFound != tt.found || a.trgmHeld != tt.held || a.tmWant != tt.tmWant || a.tmFound != tt.tmFound {
			t.Errorf("%s: got want/found/held %d/%d/%d, tm %d/%d; want %d/%d/%d, tm %d/%d", tt.name,
				a.trgmWant, a.trgmFound, a.trgmHeld, a.tmWant, a.tmFound, tt.want, tt.found, tt.held, tt.tmWant, tt.tmFound)
		}
	}
}
