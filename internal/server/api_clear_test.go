package server

import (
	"fmt"
	"net/http"
	"testing"
)

// TestClearTranslation: a text saved into the wrong segment is taken back
// (untranslated, no text, a "clear" event); a stale version is a 409 with the
// current text, as for a save; approved and untranslated texts are refused.
func TestClearTranslation(t *testing.T) {
	ts := startServer(t)
	press := ts.user(t, "press", "publisher")
	aigerim := ts.user(t, "aigerim", "translator:kk")
	dana := ts.user(t, "dana", "translator:kk")
	bolat := ts.user(t, "bolat", "reviewer:kk")
	emma := ts.user(t, "emma", "translator:en")
	_, ids, sources := ts.importAnnouncement(t, press)
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[0])
	wrong := fakeTarget("kk", sources[1], 1) // meant for the next segment

	ts.call(t, "PUT", seg, aigerim, map[string]any{"target": wrong, "version": 0}).must(t, http.StatusOK)
	ts.call(t, "POST", seg+"/clear", aigerim, map[string]any{}).must(t, http.StatusBadRequest)
	ts.call(t, "POST", seg+"/clear", emma, map[string]any{"version": 1}).must(t, http.StatusForbidden)
	ts.call(t, "POST", seg+"/clear", press, map[string]any{"version": 1}).must(t, http.StatusForbidden)
	stale := ts.call(t, "POST", seg+"/clear", dana, map[string]any{"version": 0}).must(t, http.StatusConflict).Body
	if cur, _ := stale["current"].(map[string]any); cur == nil || cur["target"] != wrong || num(cur["version"]) != 1 || cur["state"] != "translated" {
		t.Errorf("stale clear: current = %v, want the saved text at version 1", stale["current"])
	}

	v := ts.call(t, "POST", seg+"/clear", dana, map[string]any{"version": 1}).must(t, http.StatusOK).Body
	if v["state"] != "untranslated" || v["target"] != "" || num(v["version"]) != 2 || v["author"] != "dana" {
		t.Errorf("cleared: %v, want untranslated, no text, version 2, by dana", v)
	}
	if checks, ok := v["checks"].([]any); !ok || len(checks) != 0 {
		t.Errorf("cleared: checks %v, want []", v["checks"])
	}
	ts.call(t, "POST", seg+"/clear", dana, map[string]any{"version": 2}).must(t, http.StatusConflict)
	evs := ts.call(t, "GET", seg+"/history", aigerim, nil).must(t, http.StatusOK).Body["events"].([]any)
	last := evs[len(evs)-1].(map[string]any)
	if len(evs) != 2 || last["action"] != "clear" || last["from"] != "translated" || last["to"] != "untranslated" ||
		last["text"] != "" || last["actor"] != "dana" || num(last["version"]) != 2 {
		t.Errorf("history: %v, want edit then a clear by dana", evs)
	}
	if first := evs[0].(map[string]any); first["text"] != wrong {
		t.Errorf("history lost the cleared text: %v", first)
	}
	list := ts.call(t, "GET", "/api/v1/documents/1/translations/kk", aigerim, nil).must(t, http.StatusOK).Body
	if s := list["segments"].([]any)[0].(map[string]any); s["state"] != "untranslated" || s["target"] != "" {
		t.Errorf("the document lists %v, want the segment untranslated", s)
	}

	// The right text goes in from version 2; a rejected text can be cleared,
	// an approved one cannot.
	right := fakeTarget("kk", sources[0], 0)
	ts.call(t, "PUT", seg, aigerim, map[string]any{"target": right, "version": 2}).must(t, http.StatusOK)
	ts.call(t, "POST", seg+"/reject", bolat, map[string]any{"version": 3, "comment": "терминді тексеріңіз"}).must(t, http.StatusOK)
	v = ts.call(t, "POST", seg+"/clear", bolat, map[string]any{"version": 4}).must(t, http.StatusOK).Body
	if v["state"] != "untranslated" || v["comment"] != nil || num(v["version"]) != 5 {
		t.Errorf("cleared rejected text: %v, want untranslated at version 5 without the comment", v)
	}
	ts.call(t, "PUT", seg, aigerim, map[string]any{"target": right, "version": 5}).must(t, http.StatusOK)
	ts.call(t, "POST", seg+"/approve", bolat, map[string]any{"version": 6}).must(t, http.StatusOK)
	r := ts.call(t, "POST", seg+"/clear", aigerim, map[string]any{"version": 7}).must(t, http.StatusConflict)
	if r.Body["error"] != "an approved translation cannot be cleared: edit it, and it is reviewed again" {
		t.Errorf("clear of approved: %s", r.Raw)
	}
	other := fmt.Sprintf("/api/v1/segments/%d/translations/kk/clear", ids[1])
	r = ts.call(t, "POST", other, aigerim, map[string]any{"version": 0}).must(t, http.StatusConflict)
	if r.Body["error"] != "there is no translation to clear" {
		t.Errorf("clear of untranslated: %s", r.Raw)
	}
	ts.call(t, "POST", "/api/v1/segments/999999/translations/kk/clear", aigerim, map[string]any{"version": 0}).must(t, http.StatusNotFound)
}
