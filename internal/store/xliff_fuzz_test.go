package store

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"tilmash/internal/apperr"
	"tilmash/internal/xliff"
)

// FuzzImportXLIFF feeds malformed and mutated XLIFF to the importer: it must
// never panic or fail internally, and it either applies the whole file (one
// history event per saved unit, every unit accounted for) or writes nothing.
func FuzzImportXLIFF(f *testing.F) {
	fx := newExchangeFixture(f)
	ctx := context.Background()
	for _, format := range []xliff.Format{xliff.V21, xliff.V12} {
		exported := fx.export(f, format)
		filled := rewrite(f, exported, func(i int, u *xliff.Unit) { u.Target = kkFixture[i] })
		f.Add(exported)
		f.Add(filled)
		f.Add(rewrite(f, filled, func(i int, u *xliff.Unit) { u.Version = -1 }))
		f.Add([]byte(strings.Replace(string(filled), `id="s2"`, `id="s9"`, 1)))
		f.Add([]byte(strings.Replace(string(filled), "</target>", "</targt>", 1)))
		f.Add(filled[:len(filled)/2])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := countRows(t, fx.st)
		res, err := fx.st.ImportXLIFF(ctx, fx.translator, fx.doc.ID, "", bytes.NewReader(data), 1<<20)
		after := countRows(t, fx.st)
		if refused(t, err, before, after) {
			return
		}
		file, err := xliff.Read(bytes.NewReader(data), 1<<20)
		if err != nil {
			t.Fatalf("import accepted a file Read refuses: %v", err)
		}
		if n := res.Saved + res.Unchanged + len(res.Conflicts); n != len(file.Units) {
			t.Fatalf("%s accounts for %d of %d units", res.Summary(), n, len(file.Units))
		}
		if got := after.Events - before.Events; got != int64(res.Saved) {
			t.Fatalf("%s wrote %d events", res.Summary(), got)
		}
	})
}

// refused checks a failed import: it wrote nothing (the digests before and
// after are equal) and its error is the caller's fault, never internal. It
// reports whether the import failed, so a fuzz target can stop there.
func refused[D comparable](t *testing.T, err error, before, after D) bool {
	t.Helper()
	if err == nil {
		return false
	}
	if after != before {
		t.Fatalf("refused import (%v) wrote: %+v → %+v", err, before, after)
	}
	if apperr.CodeOf(err) == apperr.Internal {
		t.Fatalf("bad input gave an internal error: %v", err)
	}
	return true
}
