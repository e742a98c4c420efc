package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestPartialRelease: without a waiver a language with gaps is not ready and
// does not block the others; with one, the gaps show the Russian source
// marked lang="ru" and the reason lands on the release and in history.
func TestPartialRelease(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk", "en")
	f.approveAll(t, "kk")
	f.approveAll(t, "en", 3, 7)

	body := f.publish(t, map[string]any{"langs": []string{"kk", "en"}}, http.StatusCreated)
	if rels := byLang(body["releases"]); len(rels) != 1 || rels["kk"] == nil {
		t.Fatalf("releases = %v, want kk only", body["releases"])
	}
	if got := fmt.Sprint(body["not_ready"]); got != fmt.Sprintf("map[en:[%d %d]]", f.ids[3], f.ids[7]) {
		t.Errorf("not_ready = %s", got)
	}

	// Nothing ready at all: 409 with not_ready.
	none := f.publish(t, map[string]any{"langs": []string{"en", "ar"}}, http.StatusConflict)
	if nr := none["not_ready"].(map[string]any); len(nr["en"].([]any)) != 2 || len(nr["ar"].([]any)) != len(f.ids) ||
		none["error"] != `no language is ready to publish: every segment must be approved first (or send "allow_partial": true with a "reason")` {
		t.Errorf("nothing ready: %v", none)
	}

	reason := "The delegations arrive tomorrow"
	body = f.publish(t, map[string]any{"langs": []string{"en", "ar"}, "allow_partial": true, "reason": reason}, http.StatusCreated)
	en := byLang(body["releases"])["en"]
	if en == nil || en["partial"] != true || en["reason"] != reason || num(en["missing"]) != 2 {
		t.Fatalf("partial en release = %v", body["releases"])
	}
	// ar has no approved segment at all: even a waiver does not publish it.
	if nr := body["not_ready"].(map[string]any); len(nr["ar"].([]any)) != len(f.ids) {
		t.Errorf("ar not_ready = %v", nr)
	}
	page := get(t, en["url"].(string), http.StatusOK)
	// Segment 4 is a paragraph of its own, shown in Russian whole; segment
	// 8 shares its paragraph with an English sentence.
	for _, want := range []string{`<p lang="ru" dir="ltr">` + f.sources[3] + `</p>`, `<span lang="ru" dir="ltr">` + f.sources[7] + `</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("partial page lacks %s", want)
		}
	}
	if !strings.Contains(page, "they are shown in Russian") {
		t.Error("partial page lacks the note")
	}
	js := get(t, en["url"].(string)+".json", http.StatusOK)
	if !strings.Contains(js, `"partial": true`) || !strings.Contains(js, `"lang": "ru"`) {
		t.Errorf("partial JSON: %.500s", js)
	}
	hist := ts.call(t, "GET", fmt.Sprintf("/api/v1/segments/%d/translations/en/history", f.ids[3]), f.admin, nil).must(t, 200).Body["events"].([]any)
	last := hist[len(hist)-1].(map[string]any)
	if last["action"] != "publish_partial" || last["comment"] != reason || last["actor"] != "press" || last["from"] != "untranslated" {
		t.Errorf("history of a waived segment ends with %v", last)
	}
	// An approved segment's history does not mention the waiver.
	hist = ts.call(t, "GET", fmt.Sprintf("/api/v1/segments/%d/translations/en/history", f.ids[0]), f.admin, nil).must(t, 200).Body["events"].([]any)
	if len(hist) != 2 {
		t.Errorf("approved segment has %d events, want 2", len(hist))
	}
}

// TestRepublishUnchanged: publishing again with no change makes no release.
func TestRepublishUnchanged(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk", "en")
	f.approveAll(t, "kk")
	f.approveAll(t, "en")
	f.publish(t, map[string]any{"langs": []string{"kk", "en"}}, http.StatusCreated)
	f.approve(t, "en", 2, "Edited "+f.texts["en"][2], 2)
	body := f.publish(t, map[string]any{"langs": []string{"kk", "en"}}, http.StatusCreated)
	if rels, same := byLang(body["releases"]), byLang(body["unchanged"]); len(rels) != 1 || num(rels["en"]["number"]) != 2 ||
		len(same) != 1 || num(same["kk"]["number"]) != 1 {
		t.Errorf("releases = %v, unchanged = %v", body["releases"], body["unchanged"])
	}
	body = f.publish(t, map[string]any{"langs": []string{"kk", "en"}}, http.StatusOK)
	if len(body["releases"].([]any)) != 0 || len(body["unchanged"].([]any)) != 2 {
		t.Errorf("all unchanged: %v", body)
	}
	one := f.publish(t, map[string]string{"lang": "kk"}, http.StatusOK)
	if one["unchanged"] != true || num(one["release"].(map[string]any)["number"]) != 1 {
		t.Errorf("single unchanged: %v", one)
	}
}
