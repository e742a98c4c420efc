package app_test

import (
	"bytes"
	"context"
	"testing"

	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/language"
)

// glossaryDigest sums up the glossaries: what a refused import must leave as
// it was.
type glossaryDigest struct {
	Rows, MaxID, Text, Lang int64
}

// digestGlossary reads the digest from the fixture's file beside the store.
func digestGlossary(tb testing.TB, f *xliffFixture) glossaryDigest {
	tb.Helper()
	var d glossaryDigest
	err := f.ro.QueryRow("SELECT COUNT(*), COALESCE(MAX(id), 0), "+
		"COALESCE(SUM(LENGTH(source) + LENGTH(target) + LENGTH(note) + LENGTH(forbidden)), 0), "+
		"COALESCE(SUM(target_lang = 'kk'), 0) FROM glossary_terms").Scan(&d.Rows, &d.MaxID, &d.Text, &d.Lang)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// FuzzImportGlossary runs a glossary import as the API does (read the CSV or
// TBX file, then AddTerms, replacing the glossary or adding to it) on
// arbitrary files: no panic, no internal error (a 500), and either every
// term read is stored or nothing changes.
func FuzzImportGlossary(f *testing.F) {
	fx := newXLIFFFixture(f)
	ctx := context.Background()
	var csv, tbx bytes.Buffer
	terms := glossary.Seed("kk")[:3]
	if err := glossary.WriteCSV(&csv, terms); err != nil {
		f.Fatal(err)
	}
	if err := glossary.WriteTBX(&tbx, language.Source, "kk", terms); err != nil {
		f.Fatal(err)
	}
	f.Add(csv.Bytes(), false, false)
	f.Add(csv.Bytes(), false, true)
	f.Add([]byte("source,target,forbidden\nООН,БҰҰ,БҰҰ\n"), false, true)
	f.Add([]byte("source;target\n\"a\n"), false, false)
	f.Add([]byte("\xff\xfes\x00,\x00t\x00\n\x00"), false, false)
	f.Add(tbx.Bytes(), true, false)
	f.Add(tbx.Bytes()[:tbx.Len()/2], true, true)
	f.Add([]byte(`<martif><text><body><termEntry><langSet xml:lang="ru"><tig><term>`+string(bytes.Repeat([]byte("<hi>"), 70))), true, false)
	f.Fuzz(func(t *testing.T, data []byte, isTBX, replace bool) {
		before := digestGlossary(t, fx)
		var terms []glossary.Term
		var err error
		if isTBX {
			terms, err = glossary.ReadTBX(bytes.NewReader(data), language.Source, "kk")
		} else {
			terms, err = glossary.ReadCSV(bytes.NewReader(data))
		}
		if err != nil {
			// The API answers 400 for an error without a code.
			if c := apperr.CodeOf(err); c != apperr.Internal && c != apperr.Invalid && c != apperr.TooLarge {
				t.Fatalf("reading gave code %s: %v", c, err)
			}
			return
		}
		added, err := fx.app.AddTerms(ctx, fx.reviewer, "kk", terms, replace)
		after := digestGlossary(t, fx)
		if refused(t, err, before, after) {
			return
		}
		want := before.Lang + int64(len(terms))
		if replace {
			want = int64(len(terms))
		}
		if after.Lang != want || len(added) != len(terms) || after.Rows-after.Lang != before.Rows-before.Lang {
			t.Fatalf("import of %d terms (replace %v): %+v → %+v", len(terms), replace, before, after)
		}
	})
}
