package segment

import (
	"reflect"
	"testing"
)

func TestRevise(t *testing.T) {
	const (
		a  = "Семинар по укреплению институтов госуправления прошёл в Алматы."
		b  = "В нём участвовали представители более десяти стран региона."
		b2 = "В нём участвовали представители более двенадцати стран региона."
		c  = "Участники обсудили пути трансформации учебных заведений и лидерства."
		x  = "Совсем другое сообщение без общих слов."
	)
	tests := []struct {
		name                   string
		current, earlier, next []string
		want                   []Step
		removed                []int
	}{
		{"kept and changed", []string{a, b, c}, nil, []string{a, b2, c},
			[]Step{{Kept, 0, -1}, {Changed, 1, -1}, {Kept, 2, -1}}, nil},
		{"paragraph restored", []string{a, x}, []string{b, c}, []string{a, b, c},
			[]Step{{Kept, 0, -1}, {Restored, -1, 0}, {Restored, -1, 1}}, []int{1}},
		{"correction undone: identity beats similarity", []string{a, b2}, []string{b}, []string{a, b},
			[]Step{{Kept, 0, -1}, {Restored, 1, 0}}, []int{1}},
		{"earlier duplicates pair in order", []string{a}, []string{"Да.", "Да."}, []string{"Да.", "Да.", "Да.", a},
			[]Step{{Restored, -1, 0}, {Restored, -1, 1}, {Added, -1, -1}, {Kept, 0, -1}}, nil},
		{"added", []string{a}, nil, []string{a, x}, []Step{{Kept, 0, -1}, {Added, -1, -1}}, nil},
		{"removed", []string{a, b, c}, nil, []string{a}, []Step{{Kept, 0, -1}}, []int{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Revise(tt.current, tt.earlier, tt.next)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Revise = %v, want %v", got, tt.want)
			}
			if r := Removed(len(tt.current), got); !reflect.DeepEqual(r, tt.removed) {
				t.Errorf("Removed = %v, want %v", r, tt.removed)
			}
		})
	}
}

func TestSplitAt(t *testing.T) {
	const s = "Выступил д-р Дж. Смит из Лондона."
	tests := []struct {
		at          int
		left, right string
		ok          bool
	}{
		{16, "Выступил д-р Дж.", "Смит из Лондона.", true},
		{17, "Выступил д-р Дж.", "Смит из Лондона.", true}, // at the space: both sides trimmed
		{1, "В", "ыступил д-р Дж. Смит из Лондона.", true},
		{0, "", "", false},
		{33, "", "", false}, // the length
		{40, "", "", false},
		{-1, "", "", false},
	}
	for _, tt := range tests {
		l, r, ok := SplitAt(s, tt.at)
		if l != tt.left || r != tt.right || ok != tt.ok {
			t.Errorf("SplitAt(%d) = %q, %q, %v; want %q, %q, %v", tt.at, l, r, ok, tt.left, tt.right, tt.ok)
		}
	}
	if _, _, ok := SplitAt("А  Б", 2); !ok {
		t.Error("a cut between two spaces should split")
	}
	if _, _, ok := SplitAt("А   ", 2); ok {
		t.Error("a cut leaving only spaces on the right should fail")
	}
}

func TestKeepCuts(t *testing.T) {
	current := [][]string{{"Выступил д-р Дж. Смит.", "Он рассказал о проекте."}, {"Второй абзац."}}
	next := []Paragraph{
		{Number: 1, Sentences: []string{"Выступил д-р Дж.", "Смит.", "Он рассказал о проекте."}},
		{Number: 2, Sentences: []string{"Второй абзац изменён."}},
	}
	got := KeepCuts(current, next)
	want := []Paragraph{
		{Number: 1, Sentences: []string{"Выступил д-р Дж. Смит.", "Он рассказал о проекте."}},
		{Number: 2, Sentences: []string{"Второй абзац изменён."}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("KeepCuts = %v, want %v", got, want)
	}
}
