package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"tilmash/internal/pgtest"
)

// TestCopyToPostgres: the December 2026 SQLite database, every table with
// rows, copied into an empty PostgreSQL database: equal counts, equal rows
// of the released text and the history, ids that go on after the copied
// ones; a second copy into it is refused.
func TestCopyToPostgres(t *testing.T) {
	ctx := context.Background()
	src, err := Open(ctx, copyReleaseDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	counts, err := src.CopyTo(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range counts {
		want, err := countRows(src.read(ctx), c.Table)
		if err != nil {
			t.Fatal(err)
		}
		if c.Rows != want {
			t.Errorf("%s: copied %d rows of %d", c.Table, c.Rows, want)
		}
	}
	for _, q := range []string{
		"SELECT release_id, ordinal, segment_id, text, lang, version FROM release_segments ORDER BY release_id, ordinal",
		"SELECT id, segment_id, lang, action, from_state, to_state, version, text FROM events ORDER BY id",
		"SELECT id, name, password_hash FROM users ORDER BY id",
		"SELECT id, title, headline, withdraw_reason FROM releases ORDER BY id",
	} {
		if a, b := dump(t, src, q), dump(t, dst, q); !slices.Equal(a, b) {
			t.Errorf("%s:\nsource %q\ntarget %q", q, a, b)
		}
	}
	var next int64
	if err := dst.db.Raw("INSERT INTO documents (title, source_lang, revision) VALUES ('после копии', 'ru', 1) RETURNING id").Scan(&next).Error; err != nil {
		t.Fatalf("a new document after the copy: %v", err)
	}
	var max int64
	src.read(ctx).Raw("SELECT MAX(id) FROM documents").Scan(&max)
	if next != max+1 {
		t.Errorf("the next document id is %d, want %d", next, max+1)
	}
	if _, err := src.CopyTo(ctx, dst); err == nil {
		t.Error("a second copy into the same database was not refused")
	}
}

// dump reads the rows of q as text, one string a row.
func dump(t *testing.T, st *Store, q string) []string {
	t.Helper()
	rows, err := st.read(context.Background()).Raw(q).Rows()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals, err := scanAny(rows, len(cols))
		if err != nil {
			t.Fatal(err)
		}
		var row string
		for _, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			row += fmt.Sprint(v) + "|"
		}
		out = append(out, row)
	}
	return out
}
