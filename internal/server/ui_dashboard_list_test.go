package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tilmash/internal/publish"
)

// TestUIDashboardLists: a Kazakh translator's dashboard shows Kazakh only
// until "all languages"; a search finds a document by a word of its text;
// 60 documents come 50 to a page; the filters select the work left.
func TestUIDashboardLists(t *testing.T) {
	ts := startServer(t)
	pub := ts.user(t, "press", "publisher")
	ts.person(t, "aigerim", testPassword, "translator:kk")
	var ids []int
	for i := range 60 {
		text := fmt.Sprintf("Документ номер %d.", i)
		if i == 11 {
			text = "Совещание в городе ЖАМБЫЛ состоится завтра."
		}
		doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{
			"title": fmt.Sprintf("Объявление №%d", i), "text": text}).must(t, http.StatusCreated).Body
		ids = append(ids, num(doc["id"]))
	}
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "aigerim", testPassword)

	home := b.get(t, "/").must(t, http.StatusOK)
	if n := strings.Count(home.Body, `<section class="doc"`); n != 50 {
		t.Errorf("page 1 shows %d documents, want 50", n)
	}
	if !strings.Contains(home.Body, `<span class="tag">kk</span>`) || strings.Contains(home.Body, `<span class="tag">en</span>`) {
		t.Errorf("a Kazakh translator's dashboard shows other languages than Kazakh, or not Kazakh")
	}
	home.contains(t, `href="/?all=1"`, `href="/?page=2" rel="next"`, "Объявление №59", `aria-current="page">`)
	if strings.Contains(home.Body, "Объявление №9<") {
		t.Errorf("page 1 shows the tenth-newest-but-50 document")
	}
	if strings.Contains(home.Body, "/archive") {
		t.Errorf("a translator is offered archiving")
	}
	page2 := b.get(t, "/?page=2").must(t, http.StatusOK).contains(t, "Объявление №9<", `href="/" rel="prev"`)
	if n := strings.Count(page2.Body, `<section class="doc"`); n != 10 {
		t.Errorf("page 2 shows %d documents, want 10", n)
	}
	all := b.get(t, "/?all=1").must(t, http.StatusOK).contains(t, `<span class="tag">en</span>`, `<span class="tag">ar</span>`, `href="/">`)
	if strings.Index(all.Body, `<span class="tag">kk</span>`) > strings.Index(all.Body, `<span class="tag">en</span>`) {
		t.Errorf("with every language, Kazakh does not come first")
	}

	found := b.get(t, "/?q="+url.QueryEscape("жамбыл")).must(t, http.StatusOK)
	if n := strings.Count(found.Body, `<section class="doc"`); n != 1 || !strings.Contains(found.Body, "Объявление №11<") {
		t.Errorf("search for a word of a text: %d documents shown", n)
	}
	found.contains(t, `value="жамбыл"`)
	b.get(t, "/?q="+url.QueryEscape("нигде")).must(t, http.StatusOK).contains(t, "No document matches")

	// "Needs my work": every document but the one approved in Kazakh.
	seg := segmentIDs(t, ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", ids[0]), pub, nil).must(t, 200).Body)[0]
	rv := ts.user(t, "bolat", "reviewer:kk")
	p := fmt.Sprintf("/api/v1/segments/%d/translations/kk", seg)
	ts.call(t, "PUT", p, ts.user(t, "tr2", "translator:kk"), map[string]any{"target": "Құжат нөмірі 0.", "version": 0}).must(t, 200)
	ts.call(t, "POST", p+"/approve", rv, map[string]any{"version": 1}).must(t, 200)
	b.get(t, "/?filter=needs_work").must(t, http.StatusOK).contains(t, "59 documents")
	ready := b.get(t, "/?filter=ready").must(t, http.StatusOK).contains(t, "1 document<", "Объявление №0<")
	if n := strings.Count(ready.Body, `<section class="doc"`); n != 1 {
		t.Errorf("ready to publish: %d documents shown, want 1", n)
	}
}

// TestUIArchiveAndDelete: a publisher archives a document from the
// dashboard (it moves to the archived filter, its release stays public),
// and deletes one never released through a confirmation page that works
// without scripts; a released document's page offers archiving instead.
func TestUIArchiveAndDelete(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk")
	f.approveAll(t, "kk")
	f.publish(t, map[string]any{"langs": []string{"kk"}}, http.StatusCreated)
	draft := ts.call(t, "POST", "/api/v1/documents", f.publisher, map[string]string{
		"title": "Черновик", "text": "Проба пера."}).must(t, http.StatusCreated).Body
	draftID := num(draft["id"])
	ts.person(t, "editor", testPassword, "publisher")
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "editor", testPassword)

	home := b.get(t, "/").must(t, http.StatusOK).contains(t, fmt.Sprintf(`action="/documents/%d/archive"`, f.doc),
		fmt.Sprintf(`href="/documents/%d/delete"`, draftID))
	token := csrfMeta.FindStringSubmatch(home.Body)[1]
	arch := b.post(t, fmt.Sprintf("/documents/%d/archive", f.doc), url.Values{"csrf": {token}, "next": {"/"}}).must(t, http.StatusSeeOther)
	if arch.Location != "/" {
		t.Errorf("archive went to %q, want /", arch.Location)
	}
	b.post(t, fmt.Sprintf("/documents/%d/archive", f.doc), url.Values{"next": {"/"}}).must(t, http.StatusForbidden) // no CSRF
	if strings.Contains(b.get(t, "/").Body, "Семинар в Алматы") {
		t.Errorf("the archived document is still on the dashboard")
	}
	b.get(t, "/?filter=archived").must(t, http.StatusOK).contains(t, "Семинар в Алматы", "Bring back from the archive")
	if pg := b.get(t, publish.ReleasePath(f.doc, "kk", "latest")); pg.Status != http.StatusOK {
		t.Errorf("the archived document's release: status %d", pg.Status)
	}
	b.get(t, sourcePathOf(f.doc)).must(t, http.StatusOK).contains(t, fmt.Sprintf(`action="/documents/%d/unarchive"`, f.doc),
		"This document is archived")

	// A released document cannot be deleted: the page says why and offers archiving.
	b.get(t, fmt.Sprintf("/documents/%d/delete", f.doc)).must(t, http.StatusOK).contains(t, "has 1 release", "Archive it instead")
	b.post(t, fmt.Sprintf("/documents/%d/delete", f.doc), url.Values{"csrf": {token}}).must(t, http.StatusConflict).
		contains(t, "could not be deleted", "archive it instead")
	b.post(t, fmt.Sprintf("/documents/%d/unarchive", f.doc), url.Values{"csrf": {token}}).must(t, http.StatusSeeOther)
	b.get(t, "/").contains(t, "Семинар в Алматы")

	confirm := b.get(t, fmt.Sprintf("/documents/%d/delete", draftID)).must(t, http.StatusOK).
		contains(t, "Черновик", fmt.Sprintf(`<form method="post" action="/documents/%d/delete">`, draftID), `name="csrf"`)
	if strings.Contains(confirm.Body, "<script") && !strings.Contains(confirm.Body, `type="module"`) {
		t.Errorf("the confirmation depends on a script")
	}
	done := b.post(t, fmt.Sprintf("/documents/%d/delete", draftID), url.Values{"csrf": {token}}).must(t, http.StatusSeeOther)
	b.get(t, done.Location).must(t, http.StatusOK).contains(t, "The document was deleted.")
	ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", draftID), f.publisher, nil).must(t, http.StatusNotFound)

	// A translator may neither see the confirmation nor delete.
	ts.person(t, "aigerim", testPassword, "translator:kk")
	tb := ts.browser(t)
	tb.signIn(t, "aigerim", testPassword)
	tb.get(t, fmt.Sprintf("/documents/%d/delete", f.doc)).must(t, http.StatusForbidden)
}

func sourcePathOf(doc int64) string { return fmt.Sprintf("/documents/%d/source", doc) }
