package segment

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds gives a fuzz test the fixture paragraphs and announcement lines as its seed corpus.
func addSeeds(f *testing.F) {
	for _, path := range []string{"testdata/segmentation.ru.txt", "testdata/segmentation.extra.ru.txt"} {
		for _, tc := range readFixture(f, path) {
			f.Add(tc.input)
		}
	}
	f.Add(mustRead(f, "testdata/announcement.ru.txt"))
	for _, s := range []string{
		"", "\uFEFF\r\n", "«(„\"", "....", "А.Б.", "1. 2. 3.", "й\u0306.Да", "\xff",
		"Открыли в 2019 г. Новый", "XIX в. до н. э. Рим", "Глава IV. Итоги", "§ 3. Да", "P.S. Да",
		"Да :) Нет", "хозяин)) Кто", "(а)) Б", "Да! 😍", "Да. @user", ". * Пункт", "5 км. Да",
		"Да. @a @b.c", "Да)) @a 😍", "шли во владимирской обл. Депутату", "в Гос. Думу",
		"Антитеррор. (2003).", "Да! [1941–1945]. Нет", "Да. (1,5) Нет", "Да. (2", "1 cт.л. -Сахар",
		"13260р. Это", "cм. Главу", "ТЫC.",
	} {
		f.Add(s)
	}
}

// FuzzSegment checks the segmentation invariants on any input: no panic; every paragraph is a
// trimmed line of the normalized text, in order; its sentences, none empty and none with white
// space at an end, joined with the white space between them give back the paragraph.
func FuzzSegment(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range []string{"ru", "en"} {
			norm := Normalize(text)
			var lines []string
			for _, line := range strings.Split(norm, "\n") {
				if line = trimSpace(line); line != "" {
					lines = append(lines, line)
				}
			}
			paras := For(lang).Split(text)
			if len(paras) != len(lines) {
				t.Fatalf("%s: %d paragraphs for %d non-empty lines", lang, len(paras), len(lines))
			}
			for i, p := range paras {
				if p.Number != i+1 || p.Text != lines[i] {
					t.Fatalf("%s: paragraph %d is %d %q, want %q", lang, i+1, p.Number, p.Text, lines[i])
				}
				if len(p.Sentences) == 0 {
					t.Fatalf("%s: paragraph %d has no sentences", lang, p.Number)
				}
				if err := checkCover(p.Text, p.Sentences); err != nil {
					t.Fatalf("%s: paragraph %d: %v", lang, p.Number, err)
				}
			}
			// Explain decides as Split does.
			explained := For(lang).Explain(text)
			for i, e := range explained {
				if i >= len(paras) || !slices.Equal(e.Sentences, paras[i].Sentences) {
					t.Fatalf("%s: Explain's paragraph %d differs from Split's", lang, i+1)
				}
			}
			// Inspect must not panic, and its offsets must fall inside their paragraphs.
			for _, w := range For(lang).Inspect(text) {
				if w.Paragraph < 1 || w.Paragraph > len(paras) ||
					w.Offset < 0 || w.Offset > utf8.RuneCountInString(paras[w.Paragraph-1].Text) {
					t.Fatalf("%s: warning out of range: %+v", lang, w)
				}
			}
		}
	})
}

// FuzzStream checks that Stream writes exactly what Split finds, for valid UTF-8 input, and
// fails with an error (never a panic) on invalid input.
func FuzzStream(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		ru := For("ru")
		var out bytes.Buffer
		err := ru.Stream(strings.NewReader(text), &out)
		if !utf8.ValidString(text) {
			if err == nil {
				t.Fatalf("no error on invalid UTF-8 %q", text)
			}
			return
		}
		if err != nil {
			t.Fatalf("Stream: %v", err)
		}
		if want := splitOutput(ru.Split(text)); out.String() != want {
			t.Fatalf("Stream wrote %q, Split gives %q", out.String(), want)
		}
	})
}

// FuzzAlign checks that Align returns one link per new segment, within range, and that identical
// links point at identical texts.
func FuzzAlign(f *testing.F) {
	f.Add("Один. Два. Три.", "Три. Один. Два и четыре.")
	f.Add(mustRead(f, "testdata/announcement.ru.txt"), "Сегодня в Алматы.")
	f.Fuzz(func(t *testing.T, a, b string) {
		var old, revised []string
		for _, p := range For("ru").Split(a) {
			old = append(old, p.Sentences...)
		}
		for _, p := range For("ru").Split(b) {
			revised = append(revised, p.Sentences...)
		}
		links := Align(old, revised)
		if len(links) != len(revised) {
			t.Fatalf("%d links for %d segments", len(links), len(revised))
		}
		for j, l := range links {
			if l.Old < -1 || l.Old >= len(old) || (l.Old == -1 && l.Same) {
				t.Fatalf("link %d out of range: %+v", j, l)
			}
			if l.Same && old[l.Old] != revised[j] {
				t.Fatalf("link %d marked same for different texts", j)
			}
		}
	})
}
