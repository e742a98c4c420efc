package app_test

import (
	"context"
	"strings"
	"testing"
	"tilmash/internal/tmx/tmxtest"
)

// FuzzImportTMX feeds malformed, mutated and hostile TMX to the importer: it
// must never panic or fail internally (a 500), and it either imports the
// units it reports, rows and index alike, or writes nothing.
func FuzzImportTMX(f *testing.F) {
	fx := newTMFixture(f)
	ctx := context.Background()
	good := tmxtest.Doc(tmxtest.TU("Семинар прошёл в Алматы.", "Семинар Алматыда өтті."), tmxtest.TU("Итоги подведут.", "Қорытынды шығарылады."))
	f.Add(good)
	f.Add(tmxtest.Doc(tmxtest.ManyUnits(3)...))
	f.Add(strings.Replace(good, "</seg></tuv></tu>", "</seg></tu>", 1))
	f.Add(good[:len(good)/2])
	f.Add(tmxtest.Doc(tmxtest.TU("а", "б"), "<tu>"+strings.Repeat("<x>", 70)))
	f.Add(tmxtest.Doc(tmxtest.TU("а", "б"), `<tu creationid="`+strings.Repeat("a", 100)+`"><tuv xml:lang="ru"><seg>&#1;</seg></tuv></tu>`))
	f.Add(`<?xml version="1.0" encoding="windows-1251"?><tmx><body><tu><tuv xml:lang="ru"><seg>` + "\xcf" + `</seg></tuv><tuv xml:lang="kk"><seg>x</seg></tuv></tu></body></tmx>`)
	f.Add("\xff\xfe<\x00t\x00m\x00x\x00>\x00")
	f.Fuzz(func(t *testing.T, data string) {
		before := digestMemory(t, fx)
		res, err := fx.app.ImportTMX(ctx, fx.reviewer, "kk", strings.NewReader(data))
		after := digestMemory(t, fx)
		if refused(t, err, before, after) {
			return
		}
		if got := after.Rows - before.Rows; got != res.Imported {
			t.Fatalf("%+v wrote %d rows", res, got)
		}
		if got := after.Indexed - before.Indexed; got != res.Imported {
			t.Fatalf("%+v indexed %d entries", res, got)
		}
	})
}
