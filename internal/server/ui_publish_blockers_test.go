package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tilmash/internal/publish"
)

// TestUIPublishBlockersAndSeveral: the publish page lists the segments that
// keep a language back, each linked to its place in the editor, and one
// form releases several ready languages at once.
func TestUIPublishBlockersAndSeveral(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk", "en", "ar")
	f.approveAll(t, "kk")
	f.approveAll(t, "en")
	f.approveAll(t, "ar", 3, 4)
	// Segment 4 in Arabic is translated but awaits review.
	p := fmt.Sprintf("/api/v1/segments/%d/translations/ar", f.ids[4])
	ts.call(t, "PUT", p, f.people["ar"][0], map[string]any{"target": fakeTarget("ar", f.sources[4], 4), "version": 0}).must(t, 200)
	ts.person(t, "dana", testPassword, "publisher")
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "dana", testPassword)
	path := fmt.Sprintf("/publish/%d", f.doc)

	pg := b.get(t, path).must(t, http.StatusOK)
	doc := ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", f.doc), f.publisher, nil).must(t, 200).Body
	segs := doc["segments"].([]any)
	for _, i := range []int{3, 4} {
		sg := segs[i].(map[string]any)
		link := fmt.Sprintf(`<a href="/translate/%d/ar#seg-%d">Segment %d.%d</a>`, f.doc, f.ids[i], num(sg["paragraph"]), num(sg["position"]))
		pg.contains(t, link)
	}
	pg.contains(t, "Not approved yet:", "(Untranslated)", "(Translated)")
	if n := strings.Count(pg.Body, fmt.Sprintf(`href="/translate/%d/ar`, f.doc)); n != 2 {
		t.Errorf("%d Arabic editor links on the publish page, want its 2 blockers", n)
	}
	if strings.Contains(pg.Body, fmt.Sprintf(`href="/translate/%d/kk`, f.doc)) {
		t.Errorf("a language approved in full lists blockers")
	}
	// The several-languages form offers the ready languages only.
	pg.contains(t, `name="langs" value="kk"`, `name="langs" value="en"`)
	if strings.Contains(pg.Body, `name="langs" value="ar"`) {
		t.Errorf("a language not ready is offered for release")
	}
	csrf := b.csrf(t, path)
	b.post(t, path, url.Values{"csrf": {csrf}}).must(t, http.StatusBadRequest).contains(t, "Choose at least one language.")
	b.post(t, path, url.Values{"langs": {"kk", "en"}}).must(t, http.StatusForbidden) // no CSRF
	// Arabic is not ready (a race with the page): Kazakh is released, and the page says why Arabic is not.
	mixed := b.post(t, path, url.Values{"csrf": {csrf}, "langs": {"kk", "ar"}}).must(t, http.StatusSeeOther)
	b.get(t, mixed.Location).must(t, http.StatusOK).contains(t, "Published: kk.", "not every segment is approved in ar")
	b.post(t, path, url.Values{"csrf": {csrf}, "langs": {"ar"}}).must(t, http.StatusConflict).
		contains(t, "not every segment is approved in ar")

	done := b.post(t, path, url.Values{"csrf": {csrf}, "langs": {"kk", "en"}}).must(t, http.StatusSeeOther)
	b.get(t, done.Location).must(t, http.StatusOK).contains(t, "Published: en, kk.")
	for _, l := range []string{"kk", "en"} {
		if r := b.get(t, publish.ReleasePath(f.doc, l, "1")); r.Status != http.StatusOK {
			t.Errorf("release 1 in %s: status %d", l, r.Status)
		}
	}
	// Again, unchanged: no new release, and the page says which are live.
	again := b.post(t, path, url.Values{"csrf": {csrf}, "langs": {"kk"}}).must(t, http.StatusSeeOther)
	b.get(t, again.Location).must(t, http.StatusOK).contains(t, "Published: kk.")
	if r := b.get(t, publish.ReleasePath(f.doc, "kk", "2")); r.Status != http.StatusNotFound {
		t.Errorf("an unchanged text made release 2: status %d", r.Status)
	}
}
