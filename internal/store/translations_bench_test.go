package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"tilmash/internal/workflow"
)

// BenchmarkTranslations lists a 200-segment document, every segment
// translated, as GET /documents/{id}/translations/{lang} does (checks from
// the cache after the first list).
func BenchmarkTranslations(b *testing.B) {
	st, err := Open(context.Background(), b.TempDir()+"/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	admin := workflow.Actor{ID: 1, Name: "admin", Roles: []workflow.Role{{Kind: workflow.Admin}}}
	var text strings.Builder
	for i := range 200 {
		fmt.Fprintf(&text, "Предложение номер %d рассказывает о том, как переводчики работают над общим документом. ", i+1)
	}
	doc, err := testApp(st).CreateDocument(ctx, admin, "Bench", text.String())
	if err != nil {
		b.Fatal(err)
	}
	list, err := testApp(st).Translations(ctx, doc.ID, "kk")
	if err != nil || len(list.Segments) != 200 {
		b.Fatalf("%d segments, %v", len(list.Segments), err)
	}
	for i, sg := range list.Segments {
		if _, err := testApp(st).SaveTranslation(ctx, admin, sg.ID, "kk", 0, fmt.Sprintf("Аударма %d: жазушы, сегмент.", i)); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("checked", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := testApp(st).Translations(ctx, doc.ID, "kk"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unchecked", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := testApp(st).TranslationsUnchecked(ctx, doc.ID, "kk"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("xliff", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := testApp(st).XLIFFUnits(ctx, doc.ID, "kk"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
