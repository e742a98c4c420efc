package app_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"tilmash/internal/tmx/tmxtest"
	"time"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/tmx"
)

func TestTMXImport(t *testing.T) {
	ctx := context.Background()
	f := newTMFixture(t)
	file := tmxtest.Doc(
		tmxtest.TU("Семинар прошёл в Алматы.", "Семинар Алматыда өтті."),
		tmxtest.TU("Итоги подведут в 2030 году.", "Қорытынды 2030 жылы шығарылады."),
		tmxtest.TU("Итоги подведут в 2030 году.", "Қорытынды 2030 жылы шығарылады."), // the same again
		tmxtest.TU("Пусто.", " "),
		`<tu><tuv xml:lang="ru"><seg>Только русский.</seg></tuv><tuv xml:lang="en"><seg>Only Russian.</seg></tuv></tu>`,
	)
	res, err := f.app.ImportTMX(ctx, f.reviewer, "kk", strings.NewReader(file))
	if err != nil || tmxCounts(res) != "imported 2, duplicates 1, skipped 2 (empty 1, other languages 1), pairs [ru→kk-KZ ru→en]" {
		t.Fatalf("import: %+v, %v", res, err)
	}
	sug, err := f.suggestions(ctx, f.doc.Segments[0].ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	if len(sug) != 1 || sug[0].Score != 100 || sug[0].Target != "Семинар Алматыда өтті." || sug[0].Origin != "tmx" || sug[0].Author != "bolat" ||
		sug[0].Created.Format("2006-01-02T15:04:05Z") != "2024-01-02T03:04:05Z" {
		t.Fatalf("suggestions: %+v", sug)
	}
	// Importing the same file again adds nothing.
	if res, err = f.app.ImportTMX(ctx, f.reviewer, "kk", strings.NewReader(file)); err != nil || tmxCounts(res) != "imported 0, duplicates 3, skipped 2 (empty 1, other languages 1), pairs [ru→kk-KZ ru→en]" {
		t.Fatalf("second import: %+v, %v", res, err)
	}
	var out bytes.Buffer
	if err := f.app.ExportTMX(ctx, "kk", &out); err != nil {
		t.Fatal(err)
	}
	want := `    <tu creationdate="20240102T030405Z" creationid="bolat">
      <tuv xml:lang="ru"><seg>Семинар прошёл в Алматы.</seg></tuv>
      <tuv xml:lang="kk"><seg>Семинар Алматыда өтті.</seg></tuv>
    </tu>
`
	if !strings.Contains(out.String(), want) || strings.Count(out.String(), "<tu ") != 2 {
		t.Errorf("export:\n%s", out.String())
	}
	// A store opened afresh builds its index from the rows.
	if n := f.st.MemoryIndexLen("kk"); n != 2 {
		t.Errorf("index holds %d entries, want 2", n)
	}
}

func TestTMXImportRefused(t *testing.T) {
	ctx := context.Background()
	f := newTMFixture(t)
	cases := []struct {
		name  string
		actor string
		lang  string
		file  string
		code  apperr.Code
		msg   string
	}{
		{"translator", "aigerim", "kk", tmxtest.Doc(), apperr.Forbidden, "aigerim may not import translation memory into kk (reviewers of kk and admins may)"},
		{"language", "bolat", "de", tmxtest.Doc(), apperr.Invalid, `unknown language "de" (target languages: kk, en, ky, tg, tk, uz, ps, fa-AF, ar, nl)`},
		{"malformed", "bolat", "kk", tmxtest.Doc(tmxtest.TU("а", "б"), tmxtest.TU("в", "г</seg>")), apperr.Invalid, "malformed TMX: line 6: element <tuv> closed by </seg>"},
		{"not tmx", "bolat", "kk", `<xliff version="2.1"/>`, apperr.Invalid, "malformed TMX: line 1: root element <xliff>, want <tmx>"},
		{"wrong pair", "bolat", "kk", tmxtest.Doc(`<tu><tuv xml:lang="en"><seg>Hi</seg></tuv><tuv xml:lang="de"><seg>Hallo</seg></tuv></tu>`,
			`<tu srclang="fr"><tuv xml:lang="fr"><seg>Salut</seg></tuv><tuv xml:lang="de"><seg>Hallo</seg></tuv></tu>`),
			apperr.Unprocessable, "the TMX file has no ru→kk units: this file has en→de, fr→de"},
		{"no units", "bolat", "kk", tmxtest.Doc(), apperr.Unprocessable, "the TMX file has no translation unit with two languages; Tilmash imports ru→kk"},
		{"truncated", "bolat", "kk", tmxtest.Doc(tmxtest.TU("а", "б"))[:300], apperr.Invalid, "malformed TMX: line 5: unexpected EOF"},
		// Batches reach the database before the error: the transaction takes them back.
		{"late error", "bolat", "kk", tmxtest.Doc(append(tmxtest.ManyUnits(2500), "<tu><tuv>")...), apperr.Invalid, "malformed TMX: line 2506: element <tuv> closed by </body>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := f.app.ActorByName(ctx, c.actor)
			if err != nil {
				t.Fatal(err)
			}
			_, err = f.app.ImportTMX(ctx, a, c.lang, strings.NewReader(c.file))
			if e, ok := apperr.As(err); !ok || e.Code != c.code || e.Message != c.msg {
				t.Fatalf("err = %v, want %s %q", err, c.code, c.msg)
			}
		})
	}
	counts, err := f.st.MemoryEntries(ctx)
	if err != nil || len(counts) != 0 {
		t.Errorf("refused imports left memory entries: %v (%v)", counts, err)
	}
	if n := f.st.MemoryIndexLen("kk"); n != 0 {
		t.Errorf("refused imports left %d index entries", n)
	}
}

// TestTMXImportRows imports more units than one INSERT writes (256), with
// duplicates across statements and across the batches the import hands to
// the store (1024), and checks the entries as the export reads them back
// and the index fed from them.
func TestTMXImportRows(t *testing.T) {
	ctx := context.Background()
	f := newTMFixture(t)
	n := 4*256 + 2*256 + 7
	units := tmxtest.ManyUnits(n)
	// Duplicates, the last after trimming; then a decomposed text, stored in NFC.
	units = append(units, units[3], units[1024+1], tmxtest.TU(" Предложение номер 5. ", "5-сөйлем."))
	units = append(units, tmxtest.TU("и\u0306од", "йод"))
	res, err := f.app.ImportTMX(ctx, f.reviewer, "kk", strings.NewReader(tmxtest.Doc(units...)))
	if err != nil || tmxCounts(res) != fmt.Sprintf("imported %d, duplicates 3, skipped 0 (empty 0, other languages 0), pairs [ru→kk-KZ]", n+1) {
		t.Fatalf("import: %+v, %v", res, err)
	}
	var out bytes.Buffer
	if err := f.app.ExportTMX(ctx, "kk", &out); err != nil {
		t.Fatal(err)
	}
	var got []tmx.Unit
	if _, err := tmx.Read(&out, "ru", "kk", func(u tmx.Unit) error { got = append(got, u); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != n+1 {
		t.Fatalf("%d entries exported, want %d", len(got), n+1)
	}
	created := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for i, u := range got {
		want := tmx.Unit{SourceLang: "ru", TargetLang: "kk", Source: fmt.Sprintf("Предложение номер %d.", i),
			Target: fmt.Sprintf("%d-сөйлем.", i), Author: "bolat", Created: created}
		if i == n {
			want.Source, want.Target = "йод", "йод"
		}
		if !u.Created.Equal(created) {
			t.Fatalf("entry %d: %+v", i, u)
		}
		u.Created = created
		if u != want {
			t.Fatalf("entry %d: %+v, want %+v", i, u, want)
		}
	}
	if counts, err := f.st.MemoryEntries(ctx); err != nil || counts["kk"] != n+1 {
		t.Errorf("%v rows (%v), want %d", counts, err, n+1)
	}
	if got := f.st.MemoryIndexLen("kk"); got != n+1 {
		t.Errorf("index holds %d entries, want %d", got, n+1)
	}
	sug, err := f.suggestions(ctx, f.doc.Segments[0].ID, "kk")
	if err != nil || len(sug) != 0 {
		t.Errorf("suggestions for an unrelated segment: %+v, %v", sug, err)
	}
}

// TestTMXImportCancelled stops an import whose request goes away halfway
// through the file: nothing is written.
func TestTMXImportCancelled(t *testing.T) {
	f := newTMFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	doc := tmxtest.Doc(tmxtest.ManyUnits(3000)...)
	r := &cancelAfter{r: strings.NewReader(doc), n: len(doc) / 2, cancel: cancel}
	_, err := f.app.ImportTMX(ctx, f.reviewer, "kk", r)
	if !errors.Is(err, context.Canceled) || r.n > 0 {
		t.Fatalf("err = %v (%d bytes left to read before cancelling), want context.Canceled", err, r.n)
	}
	if counts, err := f.st.MemoryEntries(context.Background()); err != nil || len(counts) != 0 {
		t.Errorf("cancelled import left memory entries: %v (%v)", counts, err)
	}
}

// cancelAfter cancels a context once n bytes have been read through it.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel func()
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	p = p[:min(len(p), 4096)]
	n, err := c.r.Read(p)
	if c.n -= n; c.n <= 0 {
		c.cancel()
	}
	return n, err
}

// tmxCounts writes a TMX import's answer on one line, for comparisons.
func tmxCounts(r app.TMXImportResult) string {
	return fmt.Sprintf("imported %d, duplicates %d, skipped %d (empty %d, other languages %d), pairs %v",
		r.Imported, r.Duplicates, r.Skipped, r.SkippedBy.Empty, r.SkippedBy.OtherLanguages, r.Pairs)
}
