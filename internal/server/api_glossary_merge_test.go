package server

import (
	"net/http"
	"strconv"
	"testing"
)

// TestGlossaryImportMerges: the same CSV imported twice leaves the term
// count unchanged; a changed target updates its term; replace=true makes
// the file the whole glossary.
func TestGlossaryImportMerges(t *testing.T) {
	ts := startServer(t)
	reviewer := ts.user(t, "bolat", "reviewer:kk")
	count := func() int {
		t.Helper()
		return len(ts.call(t, "GET", "/api/v1/glossary/kk", reviewer, nil).must(t, http.StatusOK).Body["terms"].([]any))
	}
	seeded := count()
	csv := []byte("source,target,note\nпресс-служба,баспасөз қызметі,\nкруглый стол,дөңгелек үстел,\n")
	for i, want := range []string{
		`{"imported":2,"updated":0,"duplicates":0,"removed":0,"replaced":false}`,
		`{"imported":0,"updated":0,"duplicates":2,"removed":0,"replaced":false}`,
	} {
		r := ts.call(t, "POST", "/api/v1/glossary/kk/import?format=csv", reviewer, csv).must(t, http.StatusOK)
		if string(r.Raw) != want {
			t.Errorf("import %d: %s, want %s", i+1, r.Raw, want)
		}
		if n := count(); n != seeded+2 {
			t.Errorf("after import %d: %d terms, want %d", i+1, n, seeded+2)
		}
	}
	changed := []byte("source,target\nкруглый стол,дөңгелек үстел басқосуы\n")
	r := ts.call(t, "POST", "/api/v1/glossary/kk/import?format=csv", reviewer, changed).must(t, http.StatusOK)
	if string(r.Raw) != `{"imported":0,"updated":1,"duplicates":0,"removed":0,"replaced":false}` || count() != seeded+2 {
		t.Errorf("changed target: %s, %d terms", r.Raw, count())
	}
	found := false
	for _, term := range ts.call(t, "GET", "/api/v1/glossary/kk", reviewer, nil).Body["terms"].([]any) {
		m := term.(map[string]any)
		found = found || m["source"] == "круглый стол" && m["target"] == "дөңгелек үстел басқосуы"
	}
	if !found {
		t.Error("the changed target is not in the glossary")
	}
	r = ts.call(t, "POST", "/api/v1/glossary/kk/import?format=csv&replace=true", reviewer, changed).must(t, http.StatusOK)
	if want := `{"imported":1,"updated":0,"duplicates":0,"removed":` + strconv.Itoa(seeded+2) + `,"replaced":true}`; string(r.Raw) != want || count() != 1 {
		t.Errorf("replace: %s (want %s), %d terms", r.Raw, want, count())
	}
}
