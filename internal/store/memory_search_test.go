package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"tilmash/internal/workflow"
)

func TestEscapeLike(t *testing.T) {
	tests := map[string]string{"50%": `50\%`, "a_b": `a\_b`, `C:\x`: `C:\\x`, `\%_`: `\\\%\_`, "обычный": "обычный"}
	for in, want := range tests {
		if got := escapeLike(in); got != want {
			t.Errorf("escapeLike(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSearchVariants(t *testing.T) {
	got := searchVariants("ёлка")
	want := []string{"ёлка", "ЁЛКА", "Ёлка", "е\u0308лка", "Е\u0308ЛКА", "Е\u0308лка"}
	if len(got) != len(want) {
		t.Fatalf("searchVariants(ёлка) = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("variant %d = %q, want %q", i, got[i], want[i])
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
	st, err := Open(ctx, filepath.Join(dir, "m.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := st.ImportTMX(ctx, workflow.Actor{Name: "admin", Roles: []workflow.Role{{Kind: workflow.Admin}}}, "kk", f); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, q string }{{"frequent", "года"}, {"nowhere", "ничего такого нет"}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := st.SearchMemory(ctx, "kk", bc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
