package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestUICutAndFlag: from the editor a translator reports a wrong cut, which
// the publisher sees on the source page; the publisher splits the segment
// between two words and joins it back from the cut page.
func TestUICutAndFlag(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	ts.person(t, "aigerim", testPassword, "translator:kk")
	doc := num(ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "t",
		"text": "Выступил д-р Дж. Смит из Лондона. Он рассказал о проекте."}).must(t, 201).Body["id"])
	ids := segmentIDs(t, ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", doc), pub, nil).must(t, 200).Body)
	cut := fmt.Sprintf("/documents/%d/segments/%d/cut?lang=kk", doc, ids[0])

	tr := ts.browser(t)
	tr.language = "en"
	tr.signIn(t, "aigerim", testPassword)
	tr.get(t, fmt.Sprintf("/translate/%d/kk", doc)).must(t, http.StatusOK).contains(t, `href="`+strings.ReplaceAll(cut, "&", "&amp;")+`"`, "Report a wrong cut")
	page := tr.get(t, cut).must(t, http.StatusOK)
	if strings.Contains(page.Body, `id="split"`) || strings.Contains(page.Body, `id="join"`) {
		t.Error("a translator is offered the split or the join")
	}
	p := tr.post(t, fmt.Sprintf("/documents/%d/segments/%d/flags", doc, ids[0]), url.Values{"csrf": {tr.csrf(t, cut)}, "lang": {"kk"}, "note": {"Смит — часть имени"}}).
		must(t, http.StatusSeeOther)
	if p.Location != fmt.Sprintf("/translate/%d/kk#seg-%d", doc, ids[0]) {
		t.Errorf("after the flag: %q", p.Location)
	}
	tr.post(t, fmt.Sprintf("/documents/%d/segments/%d/join", doc, ids[0]), url.Values{"csrf": {tr.csrf(t, cut)}, "base_revision": {"1"}}).
		must(t, http.StatusForbidden)

	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "press", testPassword)
	src := fmt.Sprintf("/documents/%d/source", doc)
	b.get(t, src).must(t, http.StatusOK).contains(t, "Segments translators find cut wrong", "Смит — часть имени", "aigerim")
	b.get(t, cut).must(t, http.StatusOK).contains(t, `id="split"`, `id="join"`, `value="17"`, "Дж. <strong aria-hidden=\"true\">|</strong> Смит")
	token := b.csrf(t, cut)
	b.post(t, fmt.Sprintf("/documents/%d/segments/%d/split", doc, ids[0]), url.Values{"csrf": {token}, "base_revision": {"1"}, "at": {"17"}, "lang": {"kk"}}).
		must(t, http.StatusSeeOther)
	after := ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", doc), pub, nil).must(t, 200).Body
	if got := sourcesOf(after); len(got) != 3 || got[0] != "Выступил д-р Дж." {
		t.Fatalf("after the split: %q", got)
	}
	// A stale form is refused with the current revision named.
	b.post(t, fmt.Sprintf("/documents/%d/segments/%d/join", doc, segmentIDs(t, after)[0]), url.Values{"csrf": {token}, "base_revision": {"1"}}).
		must(t, http.StatusConflict).contains(t, "the current revision is 2")
	b.post(t, fmt.Sprintf("/documents/%d/segments/%d/join", doc, segmentIDs(t, after)[0]), url.Values{"csrf": {token}, "base_revision": {"2"}, "lang": {"kk"}}).
		must(t, http.StatusSeeOther)
	if got := sourcesOf(ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", doc), pub, nil).must(t, 200).Body); got[0] != "Выступил д-р Дж. Смит из Лондона." {
		t.Errorf("after the join: %q", got)
	}
	// The flag is done with: the segment it named left the document.
	if page := b.get(t, src).must(t, http.StatusOK); strings.Contains(page.Body, "Смит — часть имени") {
		t.Error("the flag outlived the recut")
	}
}
