package xliff

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchUnits builds a large document of sentence-like units: about 120
// characters of Russian source and Kazakh-like target each, some with
// characters to escape, comments on the rejected ones.
func benchUnits(n int) []Unit {
	rng := rand.New(rand.NewPCG(42, 6))
	words := strings.Fields("делегация встреча Астана сотрудничество «торговля» транспорт & <итоги> программа кездесу ынтымақтастық сауда көлік бағдарлама")
	sentence := func() string {
		var b strings.Builder
		for b.Len() < 200 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		b.WriteByte('.')
		return b.String()
	}
	units := make([]Unit, n)
	for i := range units {
		state := allStates[rng.IntN(len(allStates))]
		u := Unit{SegmentID: int64(1000 + i), Paragraph: i/5 + 1, Source: sentence(), State: state, Version: rng.IntN(5)}
		if state != "untranslated" {
			u.Target = sentence()
		}
		if state == "rejected" {
			u.Comment = sentence()
		}
		units[i] = u
	}
	return units
}

const benchSize = 5000

func BenchmarkWrite(b *testing.B) {
	units := benchUnits(benchSize)
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			size := len(write(b, f.format, sampleHeader("kk"), units))
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				w, err := NewWriter(io.Discard, f.format, sampleHeader("kk"))
				if err != nil {
					b.Fatal(err)
				}
				for _, u := range units {
					if err := w.WriteUnit(u); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRead(b *testing.B) {
	units := benchUnits(benchSize)
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			data := write(b, f.format, sampleHeader("kk"), units)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				file, err := Read(bytes.NewReader(data), 0)
				if err != nil {
					b.Fatal(err)
				}
				if len(file.Units) != benchSize {
					b.Fatalf("read %d units", len(file.Units))
				}
			}
		})
	}
}
