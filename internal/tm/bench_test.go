package tm

import (
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// benchMemory is a synthetic memory built once per test binary and size, inside whichever benchmark
// needs it first.
type benchMemory struct {
	once          sync.Once
	x             *Index
	entries       []Entry // nil for the 10M memory, dropped after the build to save 3 GB
	queries       []string
	build         time.Duration
	bytesPerEntry float64
}

var benchMemories sync.Map // size → *benchMemory

func loadBenchMemory(b *testing.B, size int) *benchMemory {
	b.Helper()
	v, _ := benchMemories.LoadOrStore(size, &benchMemory{})
	m := v.(*benchMemory)
	m.once.Do(func() {
		big := size > 2_000_000
		entries := syntheticEntriesTargets(size, 1, !big)
		m.queries = syntheticQueries(entries, 500, 2)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		m.x = NewIndex()
		m.x.AddBatch(entries)
		m.build = time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&after)
		// The entries' strings existed before the build: this is the index and its entry records.
		m.bytesPerEntry = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(size)
		if !big {
			m.entries = entries
		}
	})
	return m
}

// BenchmarkTMLookup: top 5 at >= 75 in a memory of 1,000,000 units of synthetic Russian press
// text, 15 % of them 1–4 words long (TILMASH_TM_ENTRIES sets another size). Percentiles are of the
// lookup thread's CPU time where the platform has it (a shared machine's waiting for a core is not
// the index's cost), and of wall time as well. exact-share is the share of lookups certified exact
// (exact-share-short, of the short queries: 1–4 words, a fifth of them);
// recall, of the brute-force top 5 found, is measured on TILMASH_TM_RECALL queries (default 100;
// each scores every entry).
func BenchmarkTMLookup(b *testing.B) {
	benchLookup(b, envInt("TILMASH_TM_ENTRIES", 1_000_000))
}

// BenchmarkTMLookup10M is BenchmarkTMLookup at 10,000,000 entries, run only when TILMASH_TM_10M=1:
// it needs about 8 GB of memory and minutes to build.
func BenchmarkTMLookup10M(b *testing.B) {
	if os.Getenv("TILMASH_TM_10M") != "1" {
		b.Skip("set TILMASH_TM_10M=1 to build a 10,000,000-entry memory")
	}
	benchLookup(b, 10_000_000)
}

func benchLookup(b *testing.B, size int) {
	m := loadBenchMemory(b, size)
	x, qs := m.x, m.queries
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cpu, wall []time.Duration
	exact, short, shortExact := 0, 0, 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		i++
		w0, c0 := time.Now(), threadCPU()
		_, st := x.lookup(q, 5, 75)
		cpu = append(cpu, threadCPU()-c0)
		wall = append(wall, time.Since(w0))
		if st.exact {
			exact++
		}
		if (i-1)%5 == 4 { // tmsynth.Queries: every fifth query is a short unit
			short++
			if st.exact {
				shortExact++
			}
		}
	}
	if haveThreadCPU {
		b.ReportMetric(percentileMS(cpu, 50), "p50-ms")
		b.ReportMetric(percentileMS(cpu, 95), "p95-ms")
		b.ReportMetric(percentileMS(cpu, 99), "p99-ms")
	}
	b.ReportMetric(percentileMS(wall, 50), "p50-wall-ms")
	b.ReportMetric(percentileMS(wall, 95), "p95-wall-ms")
	b.ReportMetric(m.bytesPerEntry, "bytes/entry")
	b.ReportMetric(m.build.Seconds(), "build-s")
	b.ReportMetric(float64(exact)/float64(len(cpu)), "exact-share")
	if short > 0 {
		b.ReportMetric(float64(shortExact)/float64(short), "exact-share-short")
	}
	if n := envInt("TILMASH_TM_RECALL", 100); n > 0 {
		b.StopTimer()
		brute := func(q string) []Suggestion { return bruteFromIndex(x, q, 5, 75) }
		if m.entries != nil {
			exact := newExactCorpus(m.entries)
			brute = func(q string) []Suggestion { return exact.lookup(q, 5, 75) }
		}
		r := measureRecall(b, x, brute, qs[:min(n, len(qs))], 5, 75)
		b.ReportMetric(r.recall(), "recall")
		b.ReportMetric(float64(r.want)/float64(r.lookups), "matches/query")
	}
}

// BenchmarkTMLookupBruteForce scores every entry of a 20,000-entry sample against each query
// (folded in advance, with the length filter and a distance cutoff: a strong brute force), scales
// the time to the whole memory and reports the index's speed-up over it.
func BenchmarkTMLookupBruteForce(b *testing.B) {
	const size = 1_000_000
	m := loadBenchMemory(b, size)
	const sample = 20_000
	exact := newExactCorpus(m.entries[:sample])
	qs := m.queries[:50]
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var brute, index time.Duration
	n := 0
	for b.Loop() {
		q := qs[n%len(qs)]
		n++
		c0 := threadCPU()
		exact.lookupOn(q, 5, 75, 1)
		c1 := threadCPU()
		m.x.Lookup(q, 5, 75)
		c2 := threadCPU()
		brute += c1 - c0
		index += c2 - c1
	}
	if !haveThreadCPU || index == 0 {
		b.Skip("no thread CPU clock on this platform")
	}
	perLookup := float64(brute) / float64(n) * size / sample
	b.ReportMetric(perLookup/1e6, "brute-ms/lookup")
	b.ReportMetric(perLookup/(float64(index)/float64(n)), "speedup")
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func percentileMS(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[min(len(s)-1, len(s)*p/100)]) / 1e6
}
