package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestBrowserLongWords: a 120-character word (a compound, an address) in a
// segment wraps instead of widening the editor, the review queue or the
// public release page, on a phone and on a desktop.
func TestBrowserLongWords(t *testing.T) {
	browser := startBrowser(t)
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	ts.person(t, "bolat", testPassword, "reviewer:kk")
	rev := ts.user(t, "rv", "reviewer:kk")
	word := "https://mfa.gov.kz/" + strings.Repeat("a", 101)
	if n := len([]rune(word)); n != 120 {
		t.Fatalf("the long word has %d characters, want 120", n)
	}
	doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Семинар",
		"text": "Подробности на странице " + word + " сегодня.\nСеминар пройдет 27 ноября."}).must(t, http.StatusCreated).Body
	ids := segmentIDs(t, doc)
	docID := num(doc["id"])
	p0 := fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[0])
	p1 := fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[1])
	ts.call(t, "PUT", p0, kk, map[string]any{"target": "Толығырақ " + word + " бетінде.", "version": 0}).must(t, http.StatusOK)
	ts.call(t, "PUT", p1, kk, map[string]any{"target": "Семинар 27 қарашада өтеді.", "version": 0}).must(t, http.StatusOK)
	ts.call(t, "POST", p1+"/approve", rev, map[string]any{"version": 1}).must(t, http.StatusOK)
	rel := ts.call(t, "POST", fmt.Sprintf("/api/v1/documents/%d/releases", docID), pub,
		map[string]any{"langs": []string{"kk"}, "allow_partial": true, "reason": "Долгое слово"}).must(t, http.StatusCreated).Body
	public := strings.TrimPrefix(byLang(rel["releases"])["kk"]["url"].(string), ts.URL)

	b := newTab(t, browser, ts.URL)
	b.signIn("bolat", testPassword)
	for _, width := range []int64{390, 1280} {
		b.fitsWidth(fmt.Sprintf("/translate/%d/kk", docID), width)
		b.fitsWidth(fmt.Sprintf("/review/kk?doc=%d", docID), width)
		b.fitsWidth(public, width)
	}
}
