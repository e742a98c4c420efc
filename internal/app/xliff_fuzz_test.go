package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"tilmash/internal/xliff"
)

// FuzzImportXLIFF feeds malformed and mutated XLIFF to the importer: it must
// never panic or fail internally, and it either applies the whole file (one
// history event per saved unit, every unit accounted for) or writes nothing.
func FuzzImportXLIFF(f *testing.F) {
	fx := newXLIFFFixture(f)
	ctx := context.Background()
	for _, format := range []xliff.Format{xliff.V21, xliff.V12} {
		exported := fx.export(f, format)
		filled := rewrite(f, exported, func(i int, u *xliff.Unit) { u.Target = kkTargets[i] })
		f.Add(exported)
		f.Add(filled)
		f.Add(rewrite(f, filled, func(i int, u *xliff.Unit) { u.Version = -1 }))
		f.Add([]byte(strings.Replace(string(filled), `id="s2"`, `id="s9"`, 1)))
		f.Add([]byte(strings.Replace(string(filled), "</target>", "</targt>", 1)))
		f.Add(filled[:len(filled)/2])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := fx.countRows(t)
		res, err := fx.app.ImportXLIFF(ctx, fx.translator, fx.doc.ID, "", bytes.NewReader(data), 1<<20)
		after := fx.countRows(t)
		if refused(t, err, before, after) {
			return
		}
		file, err := xliff.Read(bytes.NewReader(data), 1<<20)
		if err != nil {
			t.Fatalf("import accepted a file Read refuses: %v", err)
		}
		c := res.Counts
		if n := c.Saved + c.Unchanged + c.CopiedSource + c.Empty + c.Conflicts + c.Refused; n != len(file.Units) || len(res.NotSaved) != n-c.Saved {
			t.Fatalf("%s accounts for %d of %d units", res.Summary(), n, len(file.Units))
		}
		if got := after.Events - before.Events; got != int64(res.Saved) {
			t.Fatalf("%s wrote %d events", res.Summary(), got)
		}
	})
}
