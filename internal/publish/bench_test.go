package publish

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// benchPage builds a reproducible release of paragraphs×sentences sentences
// of Cyrillic words, with two other published languages.
func benchPage(paragraphs, sentences int) Page {
	rng := rand.New(rand.NewPCG(6, 6))
	letters := []rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюяқңғүұһі")
	word := func() string {
		w := make([]rune, 2+rng.IntN(9))
		for i := range w {
			w[i] = letters[rng.IntN(len(letters))]
		}
		return string(w)
	}
	var of []int
	var ss []Sentence
	for p := range paragraphs {
		for range sentences {
			ws := make([]string, 8+rng.IntN(20))
			for i := range ws {
				ws[i] = word()
			}
			of = append(of, p+1)
			ss = append(ss, Sentence{Text: strings.Join(ws, " ") + ".", Lang: "kk"})
		}
	}
	return Page{Title: "Семинар в Алматы", Lang: "kk", Dir: "ltr", Number: 2, Revision: 1,
		PublishedAt: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), URL: "https://t.example/releases/1/kk/2",
		Labels: LabelsFor("kk"), Paragraphs: Group(of, ss),
		Alternates: []Alternate{{Lang: "kk", NativeName: "қазақ тілі", URL: "https://t.example/releases/1/kk/latest", Current: true},
			{Lang: "en", NativeName: "English", URL: "https://t.example/releases/1/en/latest"},
			{Lang: "ar", NativeName: "العربية", URL: "https://t.example/releases/1/ar/latest"}}}
}

func BenchmarkHTML(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []struct{ p, s int }{{10, 2}, {200, 5}} { // the announcement's size; a long report
		p := benchPage(size.p, size.s)
		var buf bytes.Buffer
		if err := r.HTML(&buf, p); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("sentences=%d", size.p*size.s), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				if err := r.HTML(io.Discard, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkText(b *testing.B) {
	p := benchPage(10, 2)
	b.ReportAllocs()
	for b.Loop() {
		if err := Text(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	const n = 1000
	older, newer := make([]DiffSegment, n), make([]DiffSegment, n)
	for i := range n {
		older[i] = DiffSegment{ID: int64(i), Text: fmt.Sprint("t", i), Lang: "kk"}
		newer[i] = DiffSegment{ID: int64(i), Text: fmt.Sprint("t", i), Lang: "kk"}
		if i%10 == 0 {
			newer[i] = DiffSegment{ID: int64(n + i), Text: "new", Lang: "kk", Ancestors: []int64{int64(i)}}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		Compare(older, newer)
	}
}
