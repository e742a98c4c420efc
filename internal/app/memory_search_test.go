package app_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"tilmash/internal/tmx/tmxtest"

	"tilmash/internal/app"
	"tilmash/internal/record"
	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

// TestSearchMemoryFolds: case and normalization are ignored in any script,
// in the text and in the phrase.
func TestSearchMemoryFolds(t *testing.T) {
	ctx := context.Background()
	f := newTMFixture(t)
	file := tmxtest.Doc(
		tmxtest.TU("Семинар прошёл В Астане.", "Семинар Астанада өтті."),
		tmxtest.TU("Рост составил 50%.", "Өсім 50% болды."),
		tmxtest.TU("Рост составил 500 тонн.", "Өсім 500 тонна болды."),
		tmxtest.TU("Аким был в городе.", "ӘКІМ Қалада болды."),
		tmxtest.TU("Ёлка стоит на площади.", "Шырша алаңда тұр."),
	)
	if _, err := f.app.ImportTMX(ctx, f.reviewer, "kk", strings.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	// A decomposed row, as a tool might have written it straight into the table.
	nfd := record.MemoryBatch{SourceLang: "ru", TargetLang: "kk", Origin: "tmx",
		Units: []record.MemoryUnit{{Source: "Е\u0308ЛКИ НЕ БУДЕТ.", Target: "Шырша болмайды."}}}
	if err := f.st.Write(ctx, func(tx *store.Tx) error { _, err := tx.InsertMemory(nfd); return err }); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		phrase string
		want   []string // sources, sorted
	}{
		{"в астане", []string{"Семинар прошёл В Астане."}},
		{"В АСТАНЕ", []string{"Семинар прошёл В Астане."}},
		{"аСТАНАда", []string{"Семинар прошёл В Астане."}},
		{"әкім қалада", []string{"Аким был в городе."}},
		{"Әкім ҚАЛАДА", []string{"Аким был в городе."}},
		{"ӘКІМ", []string{"Аким был в городе."}},
		{"ёлк", []string{"Ёлка стоит на площади.", "Е\u0308ЛКИ НЕ БУДЕТ."}},
		{"Е\u0308ЛК", []string{"Ёлка стоит на площади.", "Е\u0308ЛКИ НЕ БУДЕТ."}},
		{"50%", []string{"Рост составил 50%."}},
		{"5_0", nil},
		{"ничего такого", nil},
	}
	for _, c := range tests {
		got, err := f.app.SearchMemory(ctx, "kk", c.phrase)
		if err != nil {
			t.Fatalf("search %q: %v", c.phrase, err)
		}
		var sources []string
		for _, m := range got {
			sources = append(sources, m.Source)
		}
		slices.Sort(sources)
		if !slices.Equal(sources, c.want) {
			t.Errorf("search %q = %q, want %q", c.phrase, sources, c.want)
		}
	}
}

// BenchmarkSearchMemory searches a memory of 20,000 units for a frequent
// phrase (the limit of 50 is met early) and for one found nowhere (a full scan).
func BenchmarkSearchMemory(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	path := filepath.Join(dir, "m.tmx")
	writeSyntheticTMX(b, path, 20000)
	st, err := store.Open(ctx, filepath.Join(dir, "m.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	a := app.New(app.Config{DB: store.Bind[app.Tx](st)})
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := a.ImportTMX(ctx, workflow.Actor{Name: "admin", Roles: []workflow.Role{{Kind: workflow.Admin}}}, "kk", f); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, q string }{{"frequent", "года"}, {"nowhere", "ничего такого нет"}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := a.SearchMemory(ctx, "kk", bc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
