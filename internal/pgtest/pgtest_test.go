package pgtest

import (
	"context"
	"database/sql"
	"os"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestURL gets two databases and finds each empty and distinct.
func TestURL(t *testing.T) {
	a, b := URL(t), URL(t)
	if a == b {
		t.Fatalf("two tests got one database: %s", a)
	}
	for _, u := range []string{a, b} {
		db, err := sql.Open("pgx", u)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if err := db.QueryRowContext(context.Background(),
			"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'").Scan(&n); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if n != 0 {
			t.Fatalf("%s has %d tables, want 0", u, n)
		}
	}
}

// TestTemplate: the template is prepared once, and each copy starts with
// what prepare left in it and is its own database.
func TestTemplate(t *testing.T) {
	prepared := 0
	tmpl := NewTemplate(func(u string) error {
		prepared++
		db, err := sql.Open("pgx", u)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.ExecContext(context.Background(), "CREATE TABLE x (n int); INSERT INTO x VALUES (1)")
		return err
	})
	a, b := tmpl.URL(t), tmpl.URL(t)
	if prepared != 1 {
		t.Fatalf("prepared %d times, want 1", prepared)
	}
	count := func(u string) int {
		t.Helper()
		db, err := sql.Open("pgx", u)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if err := db.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM x").Scan(&n); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		return n
	}
	db, err := sql.Open("pgx", a)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), "INSERT INTO x VALUES (2)"); err != nil {
		t.Fatal(err)
	}
	if got := []int{count(a), count(b)}; got[0] != 2 || got[1] != 1 {
		t.Fatalf("rows in the copies = %v, want [2 1]", got)
	}
}
