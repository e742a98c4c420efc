package app_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/store"

	"tilmash/internal/tm/tmsynth"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

// bigXLIFFDocument imports a document of paragraphs × 5 synthetic sentences
// and returns the App, the document id and a Kazakh translator.
func bigXLIFFDocument(b *testing.B, paragraphs int) (*app.App, int64, workflow.Actor) {
	b.Helper()
	g := tmsynth.New(7)
	var text strings.Builder
	for p := range paragraphs {
		for s := range 5 {
			fmt.Fprintf(&text, "%s Пункт %d.%d. ", strings.TrimSuffix(g.Sentence(), "."), p, s)
		}
		text.WriteString("\n\n")
	}
	f := xliffFixtureOf(b, text.String())
	// Without the fixture's recording observer: its record of every finding
	// is not what an import costs.
	return app.New(app.Config{DB: store.Bind[app.Tx](f.st)}), f.doc.ID, f.translator
}

// BenchmarkXLIFFExport writes a document of about 1,000 segments as XLIFF 2.1.
func BenchmarkXLIFFExport(b *testing.B) {
	a, docID, _ := bigXLIFFDocument(b, 200)
	ctx := context.Background()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := a.ExportXLIFF(ctx, docID, "kk", xliff.V21, &buf); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}

// BenchmarkXLIFFImport imports a filled XLIFF 2.1 file of about 1,000
// segments, every target new (each round starts from a fresh export).
func BenchmarkXLIFFImport(b *testing.B) {
	a, docID, tr := bigXLIFFDocument(b, 200)
	ctx := context.Background()
	b.ReportAllocs()
	round := 0
	for b.Loop() {
		b.StopTimer()
		var buf bytes.Buffer
		if err := a.ExportXLIFF(ctx, docID, "kk", xliff.V21, &buf); err != nil {
			b.Fatal(err)
		}
		round++
		filled := rewrite(b, buf.Bytes(), func(i int, u *xliff.Unit) { u.Target = fmt.Sprintf("Аударма %d, нұсқа %d.", i, round) })
		b.SetBytes(int64(len(filled)))
		b.StartTimer()
		res, err := a.ImportXLIFF(ctx, tr, docID, "", bytes.NewReader(filled), 0)
		if err != nil || res.Saved == 0 || len(res.Conflicts) > 0 {
			b.Fatalf("import: %s, %v", res.Summary(), err)
		}
	}
}
