package tmsynth

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentenceShape(t *testing.T) {
	g := New(1)
	total := 0
	for range 2000 {
		s := g.Sentence()
		n := len(strings.Fields(s))
		if n < 8 || n > 40 {
			t.Fatalf("%d words: %q", n, s)
		}
		total += utf8.RuneCountInString(s)
	}
	if avg := total / 2000; avg < 100 || avg > 220 {
		t.Errorf("average sentence length %d characters, want press-like 100..220", avg)
	}
}

func TestSeeded(t *testing.T) {
	a, b := New(42).Corpus(100), New(42).Corpus(100)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("sentence %d differs between runs with one seed", i)
		}
	}
}

func TestVariantChangesOneWord(t *testing.T) {
	g := New(3)
	for range 500 {
		s := g.Sentence()
		v := g.Variant(s)
		a, b := strings.Fields(s), strings.Fields(v)
		if len(a) != len(b) {
			t.Fatalf("word count changed: %q -> %q", s, v)
		}
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
			}
		}
		if diff != 1 {
			t.Fatalf("%d words changed: %q -> %q", diff, s, v)
		}
	}
}

func TestTranslate(t *testing.T) {
	if got, want := Translate("Сегодня в Алматы, 2030."), "Segodnya v Almaty, 2030."; got != want {
		t.Errorf("Translate = %q, want %q", got, want)
	}
}

// TestPressCorpusShape: the press corpus has the length distribution it promises.
func TestPressCorpusShape(t *testing.T) {
	const n = 20000
	short := 0
	for _, s := range New(5).PressCorpus(n) {
		if w := Words(s); w >= 1 && w <= 4 {
			short++
		}
	}
	if share := short * 100 / n; share < 13 || share > 19 {
		t.Errorf("%d %% of units have 1–4 words, want about %d %%", share, ShortShare)
	}
	a, b := New(9).PressCorpus(500), New(9).PressCorpus(500)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("unit %d differs between runs with one seed", i)
		}
	}
}

func TestLetterChangesOneLetter(t *testing.T) {
	g := New(4)
	for range 500 {
		s := g.Heading()
		v := g.Letter(s)
		a, b := []rune(s), []rune(v)
		if len(a) != len(b) {
			t.Fatalf("length changed: %q -> %q", s, v)
		}
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
			}
		}
		if diff > 1 || (diff == 0 && strings.ContainsAny(s, "абвгдежзийклмнопрстуфхцчшщъыьэюя")) {
			t.Fatalf("%d letters changed: %q -> %q", diff, s, v)
		}
	}
}
