package server

import (
	"fmt"
	"io"
	"net/http"
	"testing"
)

// BenchmarkReleasePage serves the announcement's latest kk release over the
// real listener: the store reads, the alternates, the rendering and HTTP.
func BenchmarkReleasePage(b *testing.B) {
	ts := startServer(b)
	f := newReleaseFixture(b, ts, "kk", "en")
	f.approveAll(b, "kk")
	f.approveAll(b, "en")
	f.publish(b, map[string]any{"langs": []string{"kk", "en"}}, http.StatusCreated)
	for _, format := range []string{"", ".txt", ".json"} {
		url := fmt.Sprintf("%s/releases/%d/kk/latest%s", ts.URL, f.doc, format)
		b.Run("latest"+format, func(b *testing.B) {
			b.ReportAllocs()
			var n int64
			for b.Loop() {
				res, err := http.Get(url)
				if err != nil {
					b.Fatal(err)
				}
				m, _ := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != 200 {
					b.Fatalf("status %d", res.StatusCode)
				}
				n = m
			}
			b.SetBytes(n)
		})
	}
}
