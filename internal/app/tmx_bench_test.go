package app_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tilmash/internal/app"
	"tilmash/internal/store"
	"tilmash/internal/tm/tmsynth"
	"tilmash/internal/tmx"
	"tilmash/internal/workflow"
)

// writeSyntheticTMX streams n distinct ru → kk units of synthetic Russian
// press-release sentences to path and returns the file's size.
func writeSyntheticTMX(tb testing.TB, path string, n int) int64 {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	w, err := tmx.NewWriter(bw, "ru")
	if err != nil {
		tb.Fatal(err)
	}
	g := tmsynth.New(2026)
	created := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		s := fmt.Sprintf("%s (%d)", g.Sentence(), i) // numbered: every unit is new to the memory
		u := tmx.Unit{TargetLang: "kk", Source: s, Target: tmsynth.Translate(s), Author: "tool", Created: created.Add(time.Duration(i) * time.Second)}
		if err := w.Write(u); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		tb.Fatal(err)
	}
	st, err := f.Stat()
	if err != nil {
		tb.Fatal(err)
	}
	return st.Size()
}

// heapWatch samples the heap while an import runs: the peak while the
// transaction streams the file in, and the overall peak (indexing included).
type heapWatch struct {
	stop            chan struct{}
	done            sync.WaitGroup
	peakTx, peakAll uint64
}

func watchHeap(streaming func() bool) *heapWatch {
	w := &heapWatch{stop: make(chan struct{})}
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-w.stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				w.peakAll = max(w.peakAll, ms.HeapInuse)
				if streaming() {
					w.peakTx = max(w.peakTx, ms.HeapInuse)
				}
			}
		}
	}()
	return w
}

func (w *heapWatch) finish() { close(w.stop); w.done.Wait() }

func heapInuse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// BenchmarkTMXMillion imports a generated TMX of a million units into a fresh
// database and exports it again (run with -benchtime=1x; about a minute).
// Reported: import speed (MB/s of TMX), export speed, the heap above the
// baseline while the transaction streams the file in, at the overall peak
// (indexing included), and what stays (the in-process index).
func BenchmarkTMXMillion(b *testing.B) {
	n := benchUnits()
	dir := b.TempDir()
	path := filepath.Join(dir, "million.tmx")
	size := writeSyntheticTMX(b, path, n)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(size)
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		// Opened as serve opens it: the import is indexed right after its commit.
		st, err := store.OpenWith(ctx, filepath.Join(dir, fmt.Sprintf("m%d.db", i)), store.Options{Memory: true})
		if err != nil {
			b.Fatal(err)
		}
		a := app.New(app.Config{DB: store.Bind[app.Tx](st)})
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		base := heapInuse()
		in := &countReader{r: f}
		w := watchHeap(func() bool { return in.n.Load() < size })
		b.StartTimer()
		start := time.Now()
		res, err := a.ImportTMX(ctx, workflow.Actor{Name: "admin", Roles: []workflow.Role{{Kind: workflow.Admin}}}, "kk", in)
		importTime := time.Since(start)
		b.StopTimer()
		w.finish()
		f.Close()
		if err != nil || res.Imported != n {
			b.Fatalf("imported %+v, %v; want %d", res, err, n)
		}
		retained := heapInuse()
		start = time.Now()
		var cw countWriter
		if err := a.ExportTMX(ctx, "kk", &cw); err != nil {
			b.Fatal(err)
		}
		exportTime := time.Since(start)
		const mb = 1 << 20
		b.ReportMetric(float64(size)/mb/importTime.Seconds(), "import-MB/s")
		b.ReportMetric(float64(cw.n)/mb/exportTime.Seconds(), "export-MB/s")
		b.ReportMetric(float64(w.peakTx-min(w.peakTx, base))/mb, "tx-peak-heap-MB")
		b.ReportMetric(float64(w.peakAll-min(w.peakAll, base))/mb, "peak-heap-MB")
		b.ReportMetric(float64(retained-min(retained, base))/mb, "index-heap-MB")
		b.Logf("%d units, %.0f MB of TMX: import %v, export %v (%.0f MB)", n, float64(size)/mb, importTime.Round(time.Millisecond), exportTime.Round(time.Millisecond), float64(cw.n)/mb)
		st.Close()
		b.StartTimer()
	}
}

// countReader counts what is read through it, for another goroutine to see.
type countReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// countWriter counts what is written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// benchUnits is the size of BenchmarkTMXMillion's file: a million, or
// TILMASH_TMX_UNITS for a quicker look.
func benchUnits() int {
	if n, err := strconv.Atoi(os.Getenv("TILMASH_TMX_UNITS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}
