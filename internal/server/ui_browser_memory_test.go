package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserMemoryAndChecks: in the editor, the focused segment's memory
// matches appear by themselves and Alt+1 inserts the best one; a saved text
// shows its quality findings at once, without a reload.
func TestBrowserMemoryAndChecks(t *testing.T) {
	browser := startBrowser(t)
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	rev := ts.user(t, "bolat", "reviewer:kk")

	ts.remember(t, pub, kk, rev, memorySentence, memoryTranslation)
	const sentence, translation = memorySentence, memoryTranslation

	second := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Второй",
		"text": sentence + "\nСеминар пройдет 27 ноября."}).must(t, http.StatusCreated).Body
	ids := segmentIDs(t, second)

	a := newTab(t, browser, ts.URL)
	a.signIn("aigerim", testPassword)
	a.open(fmt.Sprintf("/translate/%d/kk", num(second["id"])))
	a.do("focus the first segment", chromedp.Focus(chromedp.ID(fmt.Sprintf("t-%d", ids[0]))))
	a.waitFor("the memory match", fmt.Sprintf(`document.querySelectorAll("#seg-%d ol.suggestions li").length === 1`, ids[0]))
	if got := eval[string](a, fmt.Sprintf(`document.querySelector("#seg-%d ol.suggestions li").textContent`, ids[0])); !contains(got, "Alt+1", "100%", translation) {
		t.Errorf("the suggestion reads %q", got)
	}
	a.do("Alt+1", chromedp.KeyEvent("1", chromedp.KeyModifiers(chromedp.ModifierAlt)))
	if got := eval[string](a, fmt.Sprintf(`document.getElementById("t-%d").value`, ids[0])); got != translation {
		t.Fatalf("after Alt+1 the textarea holds %q, want the memory's %q", got, translation)
	}
	a.ctrlEnter()
	a.waitFor("the save", fmt.Sprintf(`document.querySelector("#seg-%d").dataset.version === "1"`, ids[0]))

	// Ctrl+Enter moved on to the second segment: a text without the source's 27.
	a.typeText("Семинар қарашада өтеді.")
	a.ctrlEnter()
	a.waitFor("the finding", fmt.Sprintf(`document.querySelector("#seg-%d ul.checks li.error") !== null`, ids[1]))
	if got := eval[string](a, fmt.Sprintf(`document.querySelector("#seg-%d ul.checks").textContent`, ids[1])); !contains(got, "27", "missing") {
		t.Errorf("the findings read %q, want the missing 27", got)
	}
}

// A sentence and its Kazakh translation for the translation memory.
const (
	memorySentence    = "Данная площадка будет способствовать многосторонней дискуссии, передаче инновационных идей и новым партнерским отношениям."
	memoryTranslation = "Бұл алаң көпжақты пікірталасқа, инновациялық идеялар алмасуға және жаңа серіктестікке ықпал етеді."
)

// remember puts source and its Kazakh target in the memory: a document of
// that one sentence, translated by kk and approved by rev.
func (ts *testServer) remember(t *testing.T, pub, kk, rev, source, target string) {
	t.Helper()
	doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Память", "text": source}).must(t, http.StatusCreated).Body
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", segmentIDs(t, doc)[0])
	ts.call(t, "PUT", seg, kk, map[string]any{"target": target, "version": 0}).must(t, http.StatusOK)
	ts.call(t, "POST", seg+"/approve", rev, map[string]any{"version": 1}).must(t, http.StatusOK)
}

func contains(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
