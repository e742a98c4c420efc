package app

import (
	"strings"
	"testing"
)

// TestTextMatcher: the search finds a phrase in any case of any script,
// Cyrillic (Russian and Kazakh letters), Latin and Greek alike, and only
// where it is.
func TestTextMatcher(t *testing.T) {
	tests := []struct {
		phrase, text string
		want         bool
	}{
		{"сотрудничество", "СОТРУДНИЧЕСТВО между странами", true},
		{"ЭКОНОМИКА мен", "Сөйлем: экономика МЕН өңір", true},
		{"өңір", "ӨҢІР ҮШІН", true},
		{"қазақ", "ҚАЗАҚ тілі", true},
		{"ёлка", "ЁЛКА", true},
		{"VUCA", "в современном vucaмире", true},
		{"σοφία", "ΣΟΦΊΑ", true},
		{"27 ноября", "С 27 по 29 ноября", false},
		{"экономика", "экономикс", false},
		{"", "anything", true},
	}
	for _, tt := range tests {
		if got := newTextMatcher(strings.ToLower(tt.phrase)).match(tt.text); got != tt.want {
			t.Errorf("%q in %q: %v, want %v", tt.phrase, tt.text, got, tt.want)
		}
	}
}

// BenchmarkTextMatcher: one Russian sentence folded and searched.
func BenchmarkTextMatcher(b *testing.B) {
	text := "Предложение 17 говорит: Сотрудничество и экономика важны для страны."
	m := newTextMatcher("соглашение")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.match(text)
	}
}
