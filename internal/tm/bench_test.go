package tm

import (
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// benchEntries is the size of the benchmark memory.
const benchEntries = 1_000_000

// benchMemory is built once per test binary, inside whichever benchmark runs first.
var benchMemory struct {
	once          sync.Once
	x             *Index
	entries       []Entry
	queries       []string
	build         time.Duration
	bytesPerEntry float64
}

func loadBenchMemory(b *testing.B) *Index {
	b.Helper()
	m := &benchMemory
	m.once.Do(func() {
		m.entries = syntheticEntries(benchEntries, 1)
		m.queries = syntheticQueries(m.entries, 2000, 2)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		m.x = NewIndex()
		m.x.AddBatch(m.entries)
		m.build = time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&after)
		// The entries' strings existed before the build: this is the index and its entry records.
		m.bytesPerEntry = float64(after.HeapAlloc-before.HeapAlloc) / benchEntries
	})
	return m.x
}

// BenchmarkTMLookup: top 5 at >= 70 in a memory of 1,000,000 synthetic Russian sentences.
// Percentiles are of the lookup thread's CPU time where the platform has it (a shared machine's
// waiting for a core is not the index's cost), and of wall time as well.
func BenchmarkTMLookup(b *testing.B) {
	x := loadBenchMemory(b)
	qs := benchMemory.queries
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cpu, wall []time.Duration
	exact := 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		i++
		w0, c0 := time.Now(), threadCPU()
		_, st := x.lookup(q, 5, 70)
		cpu = append(cpu, threadCPU()-c0)
		wall = append(wall, time.Since(w0))
		if st.exact {
			exact++
		}
	}
	if haveThreadCPU {
		b.ReportMetric(percentileMS(cpu, 50), "p50-ms")
		b.ReportMetric(percentileMS(cpu, 95), "p95-ms")
	}
	b.ReportMetric(percentileMS(wall, 50), "p50-wall-ms")
	b.ReportMetric(percentileMS(wall, 95), "p95-wall-ms")
	b.ReportMetric(benchMemory.bytesPerEntry, "bytes/entry")
	b.ReportMetric(benchMemory.build.Seconds(), "build-s")
	b.ReportMetric(float64(exact)/float64(len(cpu)), "exact-share")
}

// BenchmarkTMLookupBruteForce scores every entry of a 20,000-entry sample against each query
// (folded in advance, with the length filter and a distance cutoff: a strong brute force), scales
// the time to the whole memory and reports the index's speed-up over it.
func BenchmarkTMLookupBruteForce(b *testing.B) {
	x := loadBenchMemory(b)
	const sample = 20_000
	exact := newExactCorpus(benchMemory.entries[:sample])
	qs := benchMemory.queries[:50]
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var brute, index time.Duration
	n := 0
	for b.Loop() {
		q := qs[n%len(qs)]
		n++
		c0 := threadCPU()
		exact.lookup(q, 5, 70)
		c1 := threadCPU()
		x.Lookup(q, 5, 70)
		c2 := threadCPU()
		brute += c1 - c0
		index += c2 - c1
	}
	if !haveThreadCPU || index == 0 {
		b.Skip("no thread CPU clock on this platform")
	}
	perLookup := float64(brute) / float64(n) * benchEntries / sample
	b.ReportMetric(perLookup/1e6, "brute-ms/lookup")
	b.ReportMetric(perLookup/(float64(index)/float64(n)), "speedup")
}

func percentileMS(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[min(len(s)-1, len(s)*p/100)]) / 1e6
}
