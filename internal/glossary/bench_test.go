package glossary

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// announcementSentences reads the announcement copied into testdata and
// cuts it roughly into sentences.
func announcementSentences(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile("testdata/announcement.ru.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		for _, s := range strings.SplitAfter(line, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// syntheticTerms builds n extra terms of one to four words from the
// announcement's vocabulary with a seeded generator, so the glossary is as
// large as a mature one.
func syntheticTerms(tb testing.TB, n int) []Term {
	rng := rand.New(rand.NewPCG(7, 11))
	var vocab []string // content words: glossaries do not list "в" or "и"
	for _, w := range strings.Fields(strings.Join(announcementSentences(tb), " ")) {
		if w = strings.Trim(w, ".,:;«»()-–"); len([]rune(w)) >= 4 {
			vocab = append(vocab, w)
		}
	}
	terms := make([]Term, 0, n)
	for i := 0; i < n; i++ {
		words := make([]string, 1+rng.IntN(4))
		for k := range words {
			words[k] = vocab[rng.IntN(len(vocab))]
		}
		terms = append(terms, Term{Source: strings.Join(words, " "), Target: fmt.Sprintf("t%d", i)})
	}
	return terms
}

func BenchmarkMatch(b *testing.B) {
	sentences := announcementSentences(b)
	var size int64
	for _, s := range sentences {
		size += int64(len(s))
	}
	for _, tc := range []struct {
		name  string
		terms func() []Term
	}{
		{"seed-en", func() []Term { return Seed("en") }},
		{"seed-kk+5000", func() []Term { return append(Seed("kk"), syntheticTerms(b, 5000)...) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			g := New(tc.terms())
			b.SetBytes(size / int64(len(sentences)))
			b.ReportAllocs()
			hits := 0
			for i := 0; b.Loop(); i++ {
				hits += len(g.Match(sentences[i%len(sentences)]))
			}
			if hits == 0 {
				b.Fatal("no hits")
			}
		})
	}
}

func BenchmarkNew(b *testing.B) {
	for _, tc := range []struct {
		name  string
		terms []Term
	}{
		{"seed-kk", Seed("kk")},
		{"seed-kk+5000", append(Seed("kk"), syntheticTerms(b, 5000)...)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				New(tc.terms)
			}
		})
	}
}
