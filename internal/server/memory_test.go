package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestMemoryReuse walks issue 5's memory acceptance: an approved kk sentence
// comes back at 100 in a new document, a one-word variant at 85 or more, and
// pretranslate fills the identical sentence (translated, not approved).
func TestMemoryReuse(t *testing.T) {
	ts := startServer(t)
	publisher := ts.user(t, "press", "publisher")
	aigerim := ts.user(t, "aigerim", "translator:kk")
	bolat := ts.user(t, "bolat", "reviewer:kk")

	first := ts.call(t, "POST", "/api/v1/documents", publisher, map[string]string{
		"title": "Семинар", "text": announcement(t)}).must(t, http.StatusCreated).Body
	const sentence = "Данная площадка будет способствовать многосторонней дискуссии, передаче инновационных идей и новым партнерским отношениям."
	const variant = "Данная площадка будет способствовать многосторонней дискуссии, передаче новых идей и новым партнерским отношениям."
	const kk = "Бұл алаң көпжақты пікірталасқа, инновациялық идеялар алмасуға және жаңа серіктестікке ықпал етеді."
	sid := segmentIDs(t, first)[indexOf(t, sourcesOf(first), sentence)]
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", sid)
	ts.call(t, "PUT", seg, aigerim, map[string]any{"target": kk, "version": 0}).must(t, 200)
	ts.call(t, "POST", seg+"/approve", bolat, map[string]any{"version": 1}).must(t, 200)

	second := ts.call(t, "POST", "/api/v1/documents", publisher, map[string]string{
		"title": "Пресс-релиз", "text": sentence + "\n" + variant + "\nСовсем другое предложение о погоде в горах."}).must(t, http.StatusCreated).Body
	ids := segmentIDs(t, second)
	if len(ids) != 3 {
		t.Fatalf("second document has %d segments, want 3", len(ids))
	}
	best := func(id int64) map[string]any {
		t.Helper()
		res := ts.call(t, "GET", fmt.Sprintf("/api/v1/segments/%d/suggestions?lang=kk", id), aigerim, nil).must(t, 200)
		// The body keeps its shape ({"suggestions": [...]}, nothing beside it); exactness
		// rides in a header and on each suggestion. A memory this small is searched in full.
		if len(res.Body) != 1 {
			t.Errorf("segment %d: body %v, want only its suggestions", id, res.Body)
		}
		if got := res.Header.Get("X-Tilmash-Exact"); got != "true" {
			t.Errorf("segment %d: X-Tilmash-Exact %q, want true", id, got)
		}
		list := res.Body["suggestions"].([]any)
		for _, s := range list {
			if s.(map[string]any)["exact"] != true {
				t.Errorf("segment %d: suggestion without exact true: %v", id, s)
			}
		}
		if len(list) == 0 {
			return nil
		}
		return list[0].(map[string]any)
	}
	if s := best(ids[0]); s == nil || num(s["score"]) != 100 || s["target"] != kk || s["source"] != sentence {
		t.Fatalf("identical sentence: best suggestion %v, want %q at 100", s, kk)
	}
	s := best(ids[1])
	if s == nil || num(s["score"]) < 85 || num(s["score"]) == 100 || s["target"] != kk {
		t.Fatalf("one-word variant: best suggestion %v, want %q at 85..99", s, kk)
	}
	if diff, _ := s["diff"].([]any); len(diff) == 0 {
		t.Errorf("one-word variant: the differing words are not marked: %v", s)
	}
	if s := best(ids[2]); s != nil {
		t.Errorf("unrelated sentence got a suggestion: %v", s)
	}

	docPath := fmt.Sprintf("/api/v1/documents/%d", num(second["id"]))
	filled := ts.call(t, "POST", docPath+"/pretranslate", aigerim, map[string]string{"lang": "kk"}).must(t, 200).Body
	if num(filled["filled"]) != 1 {
		t.Fatalf("pretranslate filled %v, want 1 (only the identical sentence)", filled["filled"])
	}
	list := ts.call(t, "GET", docPath+"/translations/kk", aigerim, nil).must(t, 200).Body["segments"].([]any)
	got := list[0].(map[string]any)
	if got["target"] != kk || got["state"] != "translated" || got["origin"] != "tm" {
		t.Fatalf("pretranslated segment = %v, want %q translated from tm", got, kk)
	}
	for _, other := range list[1:] {
		if o := other.(map[string]any); o["state"] != "untranslated" {
			t.Errorf("pretranslate touched a segment without a 100%% match: %v", o)
		}
	}
	// A second run finds nothing left to fill.
	again := ts.call(t, "POST", docPath+"/pretranslate", aigerim, map[string]string{"lang": "kk"}).must(t, 200).Body
	if num(again["filled"]) != 0 {
		t.Fatalf("second pretranslate filled %v, want 0", again["filled"])
	}
}

// TestApproveGate: an error-level finding blocks approval (422 with the
// checks) until the reviewer gives a reason, which history keeps.
func TestApproveGate(t *testing.T) {
	ts := startServer(t)
	publisher := ts.user(t, "press", "publisher")
	aigerim := ts.user(t, "aigerim", "translator:kk")
	bolat := ts.user(t, "bolat", "reviewer:kk")
	doc := ts.call(t, "POST", "/api/v1/documents", publisher, map[string]string{
		"title": "Семинар", "text": announcement(t)}).must(t, http.StatusCreated).Body
	sid := segmentIDs(t, doc)[indexOf(t, sourcesOf(doc), "С 27 по 29 ноября")]
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", sid)

	// "2030" is dropped: the save succeeds and says so.
	const target = "27-29 қарашада БҰҰ-ның тұрақты даму жөніндегі күн тәртібін іске асыру жолында семинар өтеді."
	saved := ts.call(t, "PUT", seg, aigerim, map[string]any{"target": target, "version": 0}).must(t, 200).Body
	if !hasCheck(saved["checks"], "number-missing", "error") {
		t.Fatalf("save checks = %v, want an error for the missing number", saved["checks"])
	}
	refused := ts.call(t, "POST", seg+"/approve", bolat, map[string]any{"version": 1}).must(t, http.StatusUnprocessableEntity).Body
	if refused["code"] != "checks_failed" || !hasCheck(refused["checks"], "number-missing", "error") {
		t.Fatalf("refused approval = %v", refused)
	}
	// A blank reason is no reason.
	ts.call(t, "POST", seg+"/approve", bolat, map[string]any{"version": 1, "override": "  "}).must(t, http.StatusUnprocessableEntity)
	approved := ts.call(t, "POST", seg+"/approve", bolat, map[string]any{"version": 1, "override": "the year is in the title"}).must(t, 200).Body
	if approved["state"] != "approved" {
		t.Fatalf("approval with override = %v", approved)
	}
	events := ts.call(t, "GET", seg+"/history", bolat, nil).must(t, 200).Body["events"].([]any)
	last := events[len(events)-1].(map[string]any)
	if last["action"] != "approve" || !strings.Contains(last["comment"].(string), "the year is in the title") {
		t.Fatalf("last event = %v, want the approval with the override reason", last)
	}
}

func hasCheck(checks any, id, severity string) bool {
	list, _ := checks.([]any)
	for _, c := range list {
		m := c.(map[string]any)
		if m["id"] == id && m["severity"] == severity {
			return true
		}
	}
	return false
}

// indexOf finds the segment whose source starts with prefix.
func indexOf(tb testing.TB, sources []string, prefix string) int {
	tb.Helper()
	for i, s := range sources {
		if strings.HasPrefix(s, prefix) {
			return i
		}
	}
	tb.Fatalf("no segment starts with %q", prefix)
	return -1
}
