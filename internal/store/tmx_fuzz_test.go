package store

import (
	"context"
	"strings"
	"testing"
)

// memoryDigest sums up the translation memory: what a refused import must
// leave as it was.
type memoryDigest struct {
	Rows, MaxID, Text int64
	Indexed           int
}

func digestMemory(tb testing.TB, st *Store) memoryDigest {
	tb.Helper()
	var d memoryDigest
	err := st.read(context.Background()).Model(&MemoryEntry{}).
		Select("COUNT(*) AS rows, COALESCE(MAX(id), 0) AS max_id, COALESCE(SUM(LENGTH(source) + LENGTH(target)), 0) AS text").
		Scan(&d).Error
	if err != nil {
		tb.Fatal(err)
	}
	d.Indexed = st.memory.Pair("ru", "kk").Len()
	return d
}

// FuzzImportTMX feeds malformed, mutated and hostile TMX to the importer: it
// must never panic or fail internally (a 500), and it either imports the
// units it reports, rows and index alike, or writes nothing.
func FuzzImportTMX(f *testing.F) {
	fx := newExchangeFixture(f)
	ctx := context.Background()
	good := tmxDoc(tu("Семинар прошёл в Алматы.", "Семинар Алматыда өтті."), tu("Итоги подведут.", "Қорытынды шығарылады."))
	f.Add(good)
	f.Add(tmxDoc(manyUnits(3)...))
	f.Add(strings.Replace(good, "</seg></tuv></tu>", "</seg></tu>", 1))
	f.Add(good[:len(good)/2])
	f.Add(tmxDoc(tu("а", "б"), "<tu>"+strings.Repeat("<x>", 70)))
	f.Add(tmxDoc(tu("а", "б"), `<tu creationid="`+strings.Repeat("a", 100)+`"><tuv xml:lang="ru"><seg>&#1;</seg></tuv></tu>`))
	f.Add(`<?xml version="1.0" encoding="windows-1251"?><tmx><body><tu><tuv xml:lang="ru"><seg>` + "\xcf" + `</seg></tuv><tuv xml:lang="kk"><seg>x</seg></tuv></tu></body></tmx>`)
	f.Add("\xff\xfe<\x00t\x00m\x00x\x00>\x00")
	f.Fuzz(func(t *testing.T, data string) {
		before := digestMemory(t, fx.st)
		res, err := fx.st.ImportTMX(ctx, fx.reviewer, "kk", strings.NewReader(data))
		after := digestMemory(t, fx.st)
		if refused(t, err, before, after) {
			return
		}
		if got := after.Rows - before.Rows; got != int64(res.Imported) {
			t.Fatalf("%+v wrote %d rows", res, got)
		}
		if got := after.Indexed - before.Indexed; got != res.Imported {
			t.Fatalf("%+v indexed %d entries", res, got)
		}
	})
}
