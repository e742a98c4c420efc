// Package tmsynth generates realistic synthetic Russian press sentences for tests and benchmarks of
// the translation memory: 8–40 words drawn from a shared vocabulary with Zipf-like frequencies,
// inflected endings, dates, names of bodies and a long tail of generated surnames, plus one-word
// variants so that fuzzy matches exist. PressCorpus adds what a memory of releases also holds:
// headings, labels, signatures, dates and numbers of 1–4 words, boilerplate with varying numbers,
// repeats and one-letter variants. Everything is seeded and reproducible.
package tmsynth

import (
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Generator produces sentences from one seed. Not safe for concurrent use.
type Generator struct {
	rng                                            *rand.Rand
	nounPick, adjPick, verbPick, funcPick, surPick zipf
	tailNounPick, tailAdjPick                      zipf
	surnames                                       []string
	tailNouns                                      []noun
	tailAdjectives                                 []adjective
}

// zipf draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s.
type zipf []float64

func newZipf(n int, s float64) zipf {
	z := make(zipf, n)
	sum := 0.0
	for i := range z {
		sum += 1 / math.Pow(float64(i+1), s)
		z[i] = sum
	}
	return z
}

func (z zipf) draw(rng *rand.Rand) int {
	return sort.SearchFloat64s(z, rng.Float64()*z[len(z)-1])
}

// New returns a generator for seed.
func New(seed uint64) *Generator {
	g := &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	g.nounPick = newZipf(len(nouns), 0.9)
	g.adjPick = newZipf(len(adjectives), 0.9)
	g.verbPick = newZipf(len(verbs), 0.9)
	g.funcPick = newZipf(len(function), 1.0)
	// the surname tail is the same for every seed: a shared vocabulary
	names := rand.New(rand.NewPCG(7, 11))
	g.surnames = make([]string, 30000)
	for i := range g.surnames {
		var b strings.Builder
		for range 2 + names.IntN(2) {
			b.WriteString(syllables[names.IntN(len(syllables))])
		}
		b.WriteString(surnameEndings[names.IntN(len(surnameEndings))])
		g.surnames[i] = capitalize(b.String())
	}
	g.surPick = newZipf(len(g.surnames), 1.0)
	// A long tail of rarer words built from syllables and real derivational suffixes, as the
	// thousands of less frequent lemmas of real press text.
	g.tailNouns = make([]noun, 6000)
	for i := range g.tailNouns {
		suf := nounSuffixes[names.IntN(len(nounSuffixes))]
		g.tailNouns[i] = noun{stem: syllableStem(names) + suf.stem, decl: suf.decl}
	}
	g.tailAdjectives = make([]adjective, 2000)
	for i := range g.tailAdjectives {
		suf := adjSuffixes[names.IntN(len(adjSuffixes))]
		g.tailAdjectives[i] = adjective{stem: syllableStem(names) + suf, velar: strings.HasSuffix(suf, "к")}
	}
	g.tailNounPick = newZipf(len(g.tailNouns), 1.0)
	g.tailAdjPick = newZipf(len(g.tailAdjectives), 1.0)
	return g
}

func syllableStem(rng *rand.Rand) string {
	var b strings.Builder
	for range 1 + rng.IntN(3) {
		b.WriteString(syllables[rng.IntN(len(syllables))])
	}
	return b.String()
}

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *Generator) noun() string {
	n := nouns[g.nounPick.draw(g.rng)]
	if g.rng.IntN(100) < 40 {
		n = g.tailNouns[g.tailNounPick.draw(g.rng)]
	}
	e := endings[n.decl]
	return n.stem + e[g.rng.IntN(len(e))]
}

func (g *Generator) adjective() string {
	a := adjectives[g.adjPick.draw(g.rng)]
	if g.rng.IntN(100) < 35 {
		a = g.tailAdjectives[g.tailAdjPick.draw(g.rng)]
	}
	e := adjEndings
	if a.velar {
		e = adjVelarEndings
	}
	return a.stem + e[g.rng.IntN(len(e))]
}

func (g *Generator) person() string {
	return g.pick(firstNames) + " " + g.surnames[g.surPick.draw(g.rng)]
}

// phrase appends one phrase and returns the builder's new word count.
func (g *Generator) phrase(words []string) []string {
	switch r := g.rng.IntN(100); {
	case r < 30: // noun phrase
		if g.rng.IntN(2) == 0 {
			words = append(words, g.adjective())
		}
		words = append(words, g.noun())
		if g.rng.IntN(3) == 0 {
			words = append(words, g.noun())
		}
	case r < 45:
		words = append(words, g.verbs())
	case r < 70:
		words = append(words, function[g.funcPick.draw(g.rng)])
		if g.rng.IntN(2) == 0 {
			words = append(words, g.adjective())
		}
		words = append(words, g.noun())
	case r < 76:
		d := 1 + g.rng.IntN(28)
		if g.rng.IntN(2) == 0 {
			words = append(words, "с", strconv.Itoa(d), "по", strconv.Itoa(d+1+g.rng.IntN(3)), g.pick(months))
		} else {
			words = append(words, strconv.Itoa(d), g.pick(months), strconv.Itoa(2015+g.rng.IntN(16)), "года")
		}
	case r < 84:
		words = append(words, g.noun(), g.person())
	case r < 90:
		words = append(words, "в", g.pick(places))
	case r < 96:
		words = append(words, strings.Fields(g.pick(bodies))...)
	default:
		if n := len(words); n > 0 && !strings.HasSuffix(words[n-1], ",") {
			words[n-1] += ","
		}
		words = append(words, function[g.funcPick.draw(g.rng)])
	}
	return words
}

func (g *Generator) verbs() string { return verbs[g.verbPick.draw(g.rng)] }

// Sentence returns a new sentence of 8–40 words.
func (g *Generator) Sentence() string {
	want := 8 + min(32, int(g.rng.ExpFloat64()*12))
	words := make([]string, 0, want+6)
	if g.rng.IntN(10) < 3 {
		words = append(words, strings.Fields(g.pick(openers))...)
	}
	for len(words) < want {
		words = g.phrase(words)
	}
	words = strings.Fields(strings.Join(words, " ")) // multi-word entries count as their words
	if len(words) > 40 {
		words = words[:40]
	}
	words[len(words)-1] = strings.TrimSuffix(words[len(words)-1], ",")
	s := strings.Join(words, " ")
	end := "."
	if g.rng.IntN(40) == 0 {
		end = "?"
	}
	return capitalize(s) + end
}

// Variant returns s with one word replaced: another form of a word, another word, or another number.
func (g *Generator) Variant(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return g.Sentence()
	}
	i := g.rng.IntN(len(words))
	w := words[i]
	trail := ""
	for _, p := range []string{".", ",", "?"} {
		if strings.HasSuffix(w, p) {
			w, trail = strings.TrimSuffix(w, p), p
		}
	}
	var repl string
	switch r := g.rng.IntN(10); {
	case isNumber(w):
		repl = strconv.Itoa(1 + g.rng.IntN(2030))
	case r < 5:
		repl = g.noun()
	case r < 8:
		repl = g.adjective()
	default:
		repl = g.verbs()
	}
	if repl == w {
		repl += "ы"
	}
	if i == 0 {
		repl = capitalize(repl)
	}
	words[i] = repl + trail
	return strings.Join(words, " ")
}

// Corpus returns n sources: about 70 % fresh sentences, 25 % one-word variants of earlier ones and
// 5 % exact repeats, as a memory of press releases of one service has.
func (g *Generator) Corpus(n int) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		switch r := g.rng.IntN(100); {
		case len(out) > 0 && r < 5:
			out = append(out, out[g.rng.IntN(len(out))])
		case len(out) > 0 && r < 30:
			out = append(out, g.Variant(out[g.rng.IntN(len(out))]))
		default:
			out = append(out, g.Sentence())
		}
	}
	return out
}

// Translate returns a pseudo-translation of s (a Latin transliteration): a target of realistic
// length for memory benchmarks.
func Translate(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		lr := unicode.ToLower(r)
		t, ok := latin[lr]
		if !ok {
			b.WriteRune(r)
			continue
		}
		if lr != r && t != "" {
			t = strings.ToUpper(t[:1]) + t[1:]
		}
		b.WriteString(t)
	}
	return b.String()
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
