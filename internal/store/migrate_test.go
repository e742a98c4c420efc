package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// releaseDB is a database the December 2026 release made, before versioned
// migrations (testdata/release-2026-12.sh says how).
const releaseDB = "testdata/release-2026-12.db"

// copyReleaseDB copies releaseDB into a temporary directory.
func copyReleaseDB(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(releaseDB)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "release.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// rawDB opens path with plain database/sql, outside the store.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open(foldDriver(), "file:"+path+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func exec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// tableRows is every row of every table (goose's and SQLite's own aside),
// each row printed, in rowid order.
// addedColumns are the columns later migrations added to the release's
// tables, which tableRows leaves out: an upgrade fills them (checked on their
// own) and must keep every other value as it was.
var addedColumns = map[string]map[string]bool{
	"documents": {"archived_at": true, "archived_by": true, "activity_at": true, "search_text": true}, // 00005
}

func tableRows(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	var tables []string
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT IN ('sqlite_sequence', ?) ORDER BY name`, versionTable)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	out := map[string][]string{}
	for _, table := range tables {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY rowid")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals, err := scanAny(rows, len(cols))
			if err != nil {
				t.Fatal(err)
			}
			kept := vals[:0:0]
			for i, v := range vals {
				if !addedColumns[table][cols[i]] {
					kept = append(kept, v)
				}
			}
			out[table] = append(out[table], fmt.Sprintf("%q", kept))
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		if out[table] == nil {
			out[table] = []string{}
		}
	}
	return out
}

// schemaOf is the schema of db as sorted "type name ON table: sql" lines,
// the SQL with its layout normalised: migration 1 spreads over lines what
// AutoMigrate wrote on one.
func schemaOf(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query("SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	space := regexp.MustCompile(`\s+`)
	punct := regexp.MustCompile(` ?([(),]) ?`)
	var out []string
	for rows.Next() {
		var typ, name, table, text string
		if err := rows.Scan(&typ, &name, &table, &text); err != nil {
			t.Fatal(err)
		}
		text = sortConstraints(punct.ReplaceAllString(space.ReplaceAllString(text, " "), "$1"))
		out = append(out, fmt.Sprintf("%s %s ON %s: %s", typ, name, table, text))
	}
	slices.Sort(out)
	return out
}

// sortConstraints puts the table constraints of a normalised CREATE TABLE
// in order: AutoMigrate wrote a table's foreign keys in map order, so two
// databases of one release may list them differently. Columns keep theirs.
func sortConstraints(create string) string {
	open := strings.IndexByte(create, '(')
	if !strings.HasPrefix(create, "CREATE TABLE") || open < 0 || !strings.HasSuffix(create, ")") {
		return create
	}
	var parts []string
	depth, start := 0, open+1
	body := create[:len(create)-1]
	for i := start; i < len(body); i++ {
		switch body[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, body[start:i])
				start = i + 1
			}
		}
	}
	parts = append(parts, body[start:])
	first := slices.IndexFunc(parts, func(p string) bool { return strings.HasPrefix(p, "CONSTRAINT ") })
	if first >= 0 {
		slices.Sort(parts[first:])
	}
	return create[:open+1] + strings.Join(parts, ",") + ")"
}

// TestUpgradeRelease202612 opens a copy of a database the December 2026
// release made: every row of every table is kept, and the schema it ends
// with is a new database's, so migration 1 is exactly what AutoMigrate made.
func TestUpgradeRelease202612(t *testing.T) {
	ctx := context.Background()
	path := copyReleaseDB(t)
	before := tableRows(t, rawDB(t, path))
	for _, table := range []string{"documents", "revisions", "segments", "revision_segments", "languages", "users",
		"user_roles", "tokens", "translations", "events", "memory_entries", "glossary_terms", "signin_counters",
		"releases", "release_segments", "webhook_deliveries", "webhook_outboxes", "sessions"} {
		if len(before[table]) == 0 {
			t.Errorf("the release database has no rows in %s", table)
		}
	}
	if len(before) != 18 {
		t.Errorf("the release database has %d tables, want 18", len(before))
	}

	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	upgraded := rawDB(t, path)
	after := tableRows(t, upgraded)
	for table, rows := range before {
		if !slices.Equal(after[table], rows) {
			t.Errorf("%s changed:\nbefore %q\nafter  %q", table, rows, after[table])
		}
	}
	for table := range after {
		if _, ok := before[table]; !ok && len(after[table]) > 0 {
			t.Errorf("%s, a table a migration added, has rows after the upgrade: %q", table, after[table])
		}
	}

	var unfilled int
	err = upgraded.QueryRow("SELECT COUNT(*) FROM documents WHERE activity_at IS NULL OR search_text IS NULL OR archived_at IS NOT NULL").Scan(&unfilled)
	if err != nil || unfilled != 0 {
		t.Errorf("documents left without activity or search text, or archived, by the upgrade: %d, %v", unfilled, err)
	}

	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if _, err := Migrate(ctx, fresh); err != nil {
		t.Fatal(err)
	}
	got, want := schemaOf(t, upgraded), schemaOf(t, rawDB(t, fresh))
	if !slices.Equal(got, want) {
		t.Errorf("the upgraded schema differs from a new database's:\n%s", lineDiff("upgraded", got, "new", want))
	}
	var versions []int64
	for _, m := range schemaStatus(t, path) {
		if m.Pending() {
			t.Errorf("migration %d is pending after the upgrade", m.Version)
		}
		versions = append(versions, m.Version)
	}
	if ms, last := embedded(t); len(versions) != len(ms) || versions[len(versions)-1] != last {
		t.Errorf("versions %v, want %d ending at %d", versions, len(ms), last)
	}
}

// embedded lists the embedded migrations as "VERSION NAME", in order, and
// the newest version: the expectations below follow the directory, so
// adding a migration does not mean editing them.
func embedded(t *testing.T) ([]string, int64) {
	t.Helper()
	files, err := fs.Glob(sqliteMigrations, "migrations/sqlite/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("embedded migrations: %v %v", files, err)
	}
	var out []string
	var last int64
	for _, f := range files {
		base := path.Base(f)
		v, err := strconv.ParseInt(strings.SplitN(base, "_", 2)[0], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d %s", v, migrationName(base)))
		last = v
	}
	return out, last
}

// withState appends a state ("pending", "applied") to each "VERSION NAME".
func withState(ms []string, state string) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m + " " + state
	}
	return out
}

// lineDiff lists the lines only one of two lists has, each under its name.
func lineDiff(gotName string, got []string, wantName string, want []string) string {
	var b strings.Builder
	for _, l := range got {
		if !slices.Contains(want, l) {
			fmt.Fprintf(&b, "only %s: %s\n", gotName, l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			fmt.Fprintf(&b, "only %s: %s\n", wantName, l)
		}
	}
	return b.String()
}

func schemaStatus(t *testing.T, path string) []MigrationStatus {
	t.Helper()
	st, err := SchemaStatus(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// statusLines prints a status with applied times reduced to "applied", so
// that expectations can be exact.
func statusLines(st []MigrationStatus) []string {
	var out []string
	for _, m := range st {
		at := "pending"
		if !m.Pending() {
			at = "applied"
		}
		out = append(out, fmt.Sprintf("%d %s %s", m.Version, m.Name, at))
	}
	return out
}

// TestSchemaStatus: a database made before migrations has every migration
// pending and is not changed by being asked; a migrated one has them all,
// applied when Migrate ran.
func TestSchemaStatus(t *testing.T) {
	ctx := context.Background()
	ms, last := embedded(t)
	old := copyReleaseDB(t)
	image, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := statusLines(schemaStatus(t, old)), withState(ms, "pending"); !slices.Equal(got, want) {
		t.Errorf("release database: %q, want %q", got, want)
	}
	if after, _ := os.ReadFile(old); !bytes.Equal(after, image) {
		t.Error("asking for the status changed the database")
	}

	fresh := filepath.Join(t.TempDir(), "fresh.db")
	start := time.Now().UTC().Truncate(time.Second)
	v, err := Migrate(ctx, fresh)
	if err != nil || v != last {
		t.Fatalf("Migrate: version %d, %v; want %d", v, err, last)
	}
	st := schemaStatus(t, fresh)
	if got, want := statusLines(st), withState(ms, "applied"); !slices.Equal(got, want) {
		t.Errorf("new database: %q, want %q", got, want)
	}
	for _, m := range st {
		if m.AppliedAt.Before(start) || m.AppliedAt.After(time.Now().Add(time.Second)) || m.AppliedAt.Location() != time.UTC {
			t.Errorf("migration %d applied at %v, not during the test (from %v)", m.Version, m.AppliedAt, start)
		}
	}
	if v, err := Migrate(ctx, fresh); err != nil || v != last {
		t.Errorf("Migrate again: version %d, %v; want %d", v, err, last)
	}
	missing := filepath.Join(t.TempDir(), "missing.db")
	if _, err := SchemaStatus(ctx, missing); err == nil || err.Error() != "schema status: there is no database at "+missing {
		t.Errorf("the status of a missing database: %v", err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("asking for the status of a missing database created it")
	}
}

// TestOpenRefusesNewerSchema: a database a newer tilmash migrated is refused
// by Open and Migrate, with the versions named, and left byte for byte as
// it was; the status lists the version it does not know.
func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	ms, last := embedded(t)
	path := filepath.Join(t.TempDir(), "newer.db")
	if _, err := Migrate(ctx, path); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, path)
	exec(t, db, "INSERT INTO "+versionTable+" (version_id, is_applied, tstamp) VALUES (7, 1, '2027-03-01 10:00:00')")
	if err := db.Close(); err != nil { // the last connection: the WAL goes into the file
		t.Fatal(err)
	}
	image, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("database schema version 7 is newer than this tilmash knows (%d): upgrade tilmash before opening it", last)
	if _, err := Open(ctx, path); err == nil || err.Error() != "open database "+path+": "+want {
		t.Errorf("Open: %v", err)
	} else if tooNew := (*SchemaTooNewError)(nil); !errors.As(err, &tooNew) || tooNew.Version != 7 || tooNew.Known != last {
		t.Errorf("Open: %#v is not a SchemaTooNewError{7, %d}", err, last)
	}
	if _, err := Migrate(ctx, path); err == nil || err.Error() != "migrate database "+path+": "+want {
		t.Errorf("Migrate: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, image) {
		t.Error("the refused database was written to")
	}
	st := schemaStatus(t, path)
	if got, want := statusLines(st), append(withState(ms, "applied"), "7  applied"); !slices.Equal(got, want) {
		t.Errorf("status: %q, want %q", got, want)
	}
	if at := st[len(st)-1].AppliedAt; !at.Equal(time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("version 7 applied at %v", at)
	}
}

// TestOpenTwice: opening a migrated database applies nothing again and
// changes no part of its schema.
func TestOpenTwice(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "twice.db")
	var schemas [][]string
	for range 2 {
		st, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		schemas = append(schemas, schemaOf(t, rawDB(t, path)))
	}
	if !slices.Equal(schemas[0], schemas[1]) {
		t.Errorf("the second open changed the schema:\n%s", lineDiff("second", schemas[1], "first", schemas[0]))
	}
	var versions string
	err := rawDB(t, path).QueryRow("SELECT group_concat(version_id, ',') FROM (SELECT version_id FROM " + versionTable + " ORDER BY id)").Scan(&versions)
	ms, _ := embedded(t)
	want := "0"
	for _, m := range ms {
		want += "," + strings.SplitN(m, " ", 2)[0]
	}
	if err != nil || versions != want {
		t.Errorf("recorded versions %q (%v), want %s", versions, err, want)
	}
}

// TestOpenRefusesPreBaseline: a database made before migrations by a
// tilmash older than the baseline (here: without memory_entries.folded,
// which AutoMigrate would have added) is refused with what it lacks.
func TestOpenRefusesPreBaseline(t *testing.T) {
	path := copyReleaseDB(t)
	exec(t, rawDB(t, path), "ALTER TABLE memory_entries DROP COLUMN folded")
	_, err := Open(context.Background(), path)
	want := "open database " + path + ": the database predates the schema baseline (it lacks memory_entries.folded): " +
		"open it once with the December 2026 release of tilmash, which adds what is missing, then with this one"
	if err == nil || err.Error() != want {
		t.Errorf("Open: %v\nwant %s", err, want)
	}
	if ms, _ := embedded(t); !slices.Equal(statusLines(schemaStatus(t, path)), withState(ms, "pending")) {
		t.Errorf("after the refusal: %q", statusLines(schemaStatus(t, path)))
	}
}

// TestModelsMatchMigrations: GORM's AutoMigrate, run over the models on a
// migrated database, finds nothing to add or change, so the models the
// queries use describe the tables the migrations made. A model changed
// without a migration (or the reverse) fails here.
func TestModelsMatchMigrations(t *testing.T) {
	st := openTestStore(t, Options{})
	sqlDB, err := st.db.DB()
	if err != nil {
		t.Fatal(err)
	}
	before := schemaOf(t, sqlDB)
	models := []any{&Document{}, &Revision{}, &Segment{}, &RevisionSegment{}, &Language{}, &User{}, &UserRole{},
		&Token{}, &Translation{}, &Event{}, &MemoryEntry{}, &GlossaryTerm{}, &SigninCounter{}, &Release{},
		&ReleaseSegment{}, &WebhookDelivery{}, &WebhookOutbox{}, &Session{}, &Change{}, &Comment{}}
	if err := st.db.AutoMigrate(models...); err != nil {
		t.Fatal(err)
	}
	if after := schemaOf(t, sqlDB); !slices.Equal(after, before) {
		t.Errorf("the models and the migrations disagree:\n%s", lineDiff("after AutoMigrate", after, "migrated", before))
	}
}
