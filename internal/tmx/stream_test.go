package tmx

import (
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"tilmash/internal/tm/tmsynth"
)

// countingWriter counts the bytes of a generated document.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// generate writes a TMX of n units into w, from a small pool of synthetic sentences.
func generate(w io.Writer, n int) error {
	g := tmsynth.New(1)
	pool := g.Corpus(1000)
	tw, err := NewWriter(w, "ru")
	if err != nil {
		return err
	}
	for i := range n {
		s := pool[i%len(pool)]
		u := Unit{SourceLang: "ru", TargetLang: "kk", Source: s, Target: tmsynth.Translate(s),
			Author: fmt.Sprintf("user%d", i%50), Created: time.Unix(int64(1.7e9)+int64(i), 0)}
		if err := tw.Write(u); err != nil {
			return err
		}
	}
	return tw.Close()
}

// streamUnits pipes a generated n-unit TMX into Read and returns the units read and the bytes.
func streamUnits(n int, fn func(Unit) error) (int, int64, error) {
	pr, pw := io.Pipe()
	cw := &countingWriter{w: pw}
	go func() { pw.CloseWithError(generate(cw, n)) }()
	got, err := Read(pr, "ru", "kk", fn)
	return got, cw.n, err
}

// TestStreamBoundedMemory reads 50,000 units (about 25 MB of TMX) through a pipe: the heap in use
// stays flat, far below the size of the document.
func TestStreamBoundedMemory(t *testing.T) {
	n := 50_000
	if testing.Short() {
		n = 10_000
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	peak := uint64(0)
	i := 0
	got, size, err := streamUnits(n, func(u Unit) error {
		if u.Source == "" || u.Target == "" {
			return fmt.Errorf("unit %d is empty", i)
		}
		if i++; i%5000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != n {
		t.Fatalf("read %d units, want %d", got, n)
	}
	const bound = 16 << 20
	grown := int64(peak) - int64(base)
	t.Logf("%d units, %.1f MB of TMX, heap in use grew by at most %.1f MB", n, float64(size)/1e6, float64(grown)/1e6)
	if grown > bound {
		t.Fatalf("heap in use grew by %d bytes reading %d bytes: not streaming", grown, size)
	}
}

// BenchmarkReadStream1M streams a generated 1,000,000-unit TMX through a pipe into Read.
func BenchmarkReadStream1M(b *testing.B) {
	const n = 1_000_000
	b.ReportAllocs()
	var size int64
	for b.Loop() {
		got, sz, err := streamUnits(n, func(Unit) error { return nil })
		if err != nil || got != n {
			b.Fatalf("read %d units: %v", got, err)
		}
		size = sz
	}
	b.SetBytes(size)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapSys)/1e6, "heap-sys-MB")
}
