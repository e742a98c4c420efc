package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/record"
)

// TestInsertMemory writes more entries than one INSERT holds, in two
// batches of one transaction, and checks the ids returned, the rows as GORM
// would have written them, the one change row naming those ids, and the
// index fed from it after the commit.
func TestInsertMemory(t *testing.T) {
	ctx := context.Background()
	st, err := OpenWith(ctx, filepath.Join(t.TempDir(), "m.db"), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, err := st.newestChange(ctx)
	if err != nil {
		t.Fatal(err)
	}
	created := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	n := 2*insertRows + 7
	units := make([]record.MemoryUnit, n)
	for i := range units {
		units[i] = record.MemoryUnit{Source: fmt.Sprintf("Предложение номер %d.", i), Target: fmt.Sprintf("%d-сөйлем.", i), CreatedAt: created}
	}
	var ids []int64
	err = st.Write(ctx, func(tx *Tx) error {
		for _, part := range [][]record.MemoryUnit{units[:insertRows+3], units[insertRows+3:], nil} {
			got, err := tx.InsertMemory(record.MemoryBatch{SourceLang: "ru", TargetLang: "kk", Origin: "tmx", Author: "bolat", Units: part})
			if err != nil {
				return err
			}
			if len(got) != len(part) {
				return fmt.Errorf("%d ids for %d units", len(got), len(part))
			}
			ids = append(ids, got...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var rows []MemoryEntry
	if err := st.read(ctx).Order("id").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if len(rows) != n {
		t.Fatalf("%d rows, want %d", len(rows), n)
	}
	for i, r := range rows {
		want := MemoryEntry{ID: ids[i], SourceLang: "ru", TargetLang: "kk", Source: units[i].Source, Target: units[i].Target,
			Origin: "tmx", Author: "bolat", CreatedAt: created}
		want.Folded = foldedPair(want.Source, want.Target) // as GORM's BeforeSave writes it
		if r.TranslationID != nil || !r.CreatedAt.Equal(created) {
			t.Fatalf("row %d: %+v", i, r)
		}
		r.CreatedAt = created
		if r != want {
			t.Fatalf("row %d: %+v, want %+v", i, r, want)
		}
	}
	if got, want := changeRows(t, st, before), []string{fmt.Sprintf("memory kk +%d-%d -", ids[0], ids[n-1])}; !slices.Equal(got, want) {
		t.Errorf("logged %q, want %q", got, want)
	}
	// The creation time is stored as GORM stores it.
	if err := st.write(ctx, func(tx *gorm.DB) error {
		return tx.Create(&MemoryEntry{SourceLang: "ru", TargetLang: "en", Source: "x", Target: "x", CreatedAt: created}).Error
	}); err != nil {
		t.Fatal(err)
	}
	var stored []string
	if err := st.read(ctx).Raw("SELECT DISTINCT CAST(created_at AS TEXT) FROM memory_entries").Scan(&stored).Error; err != nil || len(stored) != 1 {
		t.Errorf("created_at stored as %q (%v)", stored, err)
	}
	if got := st.MemoryIndexLen("kk"); got != n {
		t.Errorf("index holds %d entries, want %d", got, n)
	}
}
