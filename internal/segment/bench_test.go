package segment

import (
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
)

// benchSentences are every expected sentence of the fixtures: real Russian press text with the
// abbreviations, numbers, quotes and addresses the rules deal with.
func benchSentences(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, path := range []string{"testdata/segmentation.ru.txt", "testdata/segmentation.extra.ru.txt"} {
		for _, tc := range readFixture(tb, path) {
			out = append(out, tc.want...)
		}
	}
	for _, p := range readSegments(tb, "testdata/announcement.ru.segments.txt") {
		out = append(out, p...)
	}
	return out
}

// benchText builds at least size bytes of Russian text: the fixture sentences shuffled with a
// fixed seed, in paragraphs of one to six sentences.
func benchText(tb testing.TB, size int) string {
	tb.Helper()
	sentences := benchSentences(tb)
	rng := rand.New(rand.NewPCG(2026, 12))
	var b strings.Builder
	b.Grow(size + 4096)
	for b.Len() < size {
		n := 1 + rng.IntN(6)
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentences[rng.IntN(len(sentences))])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func countSegments(paras []Paragraph) int {
	n := 0
	for _, p := range paras {
		n += len(p.Sentences)
	}
	return n
}

// benchSplit measures Split on text and reports allocations per segment.
func benchSplit(b *testing.B, text string) {
	ru := For("ru")
	segments := countSegments(ru.Split(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := processCPU()
	b.ResetTimer()
	for b.Loop() {
		ru.Split(text)
	}
	b.StopTimer()
	reportCPU(b, len(text), processCPU()-cpu)
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N)/float64(segments), "allocs/segment")
	b.ReportMetric(float64(segments), "segments/op")
}

// reportCPU adds throughput per CPU second ("cpu-MB/s"), which load from other processes on a
// shared machine does not distort the way it distorts wall-clock MB/s.
func reportCPU(b *testing.B, size int, cpu time.Duration) {
	if cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}

// BenchmarkSegment: Split on 10 MB of Russian text (target: at least 50 MB/s on one core).
func BenchmarkSegment(b *testing.B) {
	benchSplit(b, benchText(b, 10<<20))
}

// BenchmarkSegmentScaling shows that the cost per byte does not grow with the input: compare the
// MB/s of 1MB and 100MB.
func BenchmarkSegmentScaling(b *testing.B) {
	for _, size := range []struct {
		name  string
		bytes int
	}{{"1MB", 1 << 20}, {"10MB", 10 << 20}, {"100MB", 100 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			benchSplit(b, benchText(b, size.bytes))
		})
	}
}

// BenchmarkStream: `tilmash segment` end to end on 10 MB, reading and writing (target: at least
// 30 MB/s).
func BenchmarkStream(b *testing.B) {
	text := benchText(b, 10<<20)
	ru := For("ru")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if err := ru.Stream(strings.NewReader(text), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, len(text), processCPU()-cpu)
}

// BenchmarkStreamPathological: 1 MB of one character, of periods, of openers, and of the
// shapes each rule reads around a candidate.
func BenchmarkStreamPathological(b *testing.B) {
	for _, tc := range []struct{ name, text string }{
		{"letter", strings.Repeat("я", 1<<19)},
		{"periods", strings.Repeat(".", 1<<20)},
		{"initials", strings.Repeat("А. ", 1<<18)},
		{"openers", strings.Repeat("«(", 1<<18)},
		{"abbreviations", strings.Repeat("Ул. и ", 1<<17)},
		{"spaces", "1." + strings.Repeat(" ", 1<<20) + "Да."},
		{"dates", strings.Repeat("в 1 г. Б ", 1<<16)},
		{"dates-after-verb", "Он был " + strings.Repeat("в 1 г. Б ", 1<<16)},
		{"brackets", strings.Repeat(")", 1<<20)},
		{"emoticons", strings.Repeat("да :) ", 1<<17)},
		{"emoji", strings.Repeat("Да! 😍", 1<<17)},
		{"roman", strings.Repeat("IV. ", 1<<18)},
		{"lowercase", strings.Repeat("в горах. они! да ", 1<<15)},
		{"ellipses", strings.Repeat("да. ...", 1<<17)},
		{"bracketed", strings.Repeat("(Он. Я) ", 1<<17)},
		{"mentions", strings.Repeat("Да. @x ", 1<<17)},
		{"places", "Он был " + strings.Repeat("в обл. Б ", 1<<16)},
		{"bracketed-numbers", strings.Repeat("Да. (1941–1945) ", 1<<16)},
		{"bracketed-digits", strings.Repeat("Да. ("+strings.Repeat("1", 30), 1<<15)},
		{"lookalikes", strings.Repeat("я cт.л. Б ", 1<<16)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			ru := For("ru")
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			for b.Loop() {
				if err := ru.Stream(strings.NewReader(tc.text), io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInspect: hygiene warnings on 1 MB.
func BenchmarkInspect(b *testing.B) {
	text := benchText(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Inspect(text)
	}
}

// BenchmarkAlign: a 2,000-segment document against a revision with changes, splits and moves.
func BenchmarkAlign(b *testing.B) {
	sentences := benchSentences(b)
	rng := rand.New(rand.NewPCG(7, 7))
	old := make([]string, 2000)
	for i := range old {
		old[i] = sentences[rng.IntN(len(sentences))]
	}
	revised := append([]string(nil), old...)
	for i := 0; i < len(revised); i += 10 {
		revised[i] += " Добавлено."
	}
	rng.Shuffle(len(revised), func(i, j int) { revised[i], revised[j] = revised[j], revised[i] })
	b.ReportAllocs()
	for b.Loop() {
		Align(old, revised)
	}
}
