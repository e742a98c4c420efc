package server

import (
	"fmt"
	"net/http"
	"testing"
)

// releaseFixture is the announcement imported by a publisher, with a
// translator and a reviewer for each language a test uses.
type releaseFixture struct {
	ts        *testServer
	publisher string
	admin     string
	doc       int64
	ids       []int64
	sources   []string
	people    map[string][2]string // lang → translator, reviewer tokens
	texts     map[string][]string  // lang → the text saved for each segment
}

func newReleaseFixture(t testing.TB, ts *testServer, langs ...string) *releaseFixture {
	t.Helper()
	f := &releaseFixture{ts: ts, publisher: ts.user(t, "press", "publisher"), admin: ts.user(t, "root", "admin"),
		people: map[string][2]string{}, texts: map[string][]string{}}
	doc := ts.call(t, "POST", "/api/v1/documents", f.publisher, map[string]string{
		"title": "Семинар в Алматы", "text": announcement(t)}).must(t, http.StatusCreated).Body
	f.doc, f.ids, f.sources = int64(num(doc["id"])), segmentIDs(t, doc), sourcesOf(doc)
	for _, l := range langs {
		f.people[l] = [2]string{ts.user(t, "tr-"+l, "translator:"+l), ts.user(t, "rv-"+l, "reviewer:"+l)}
		f.texts[l] = make([]string, len(f.ids))
	}
	return f
}

// approve translates segment i in lang with text (from version base) and has it approved.
func (f *releaseFixture) approve(t testing.TB, lang string, i int, text string, base int) {
	t.Helper()
	p := fmt.Sprintf("/api/v1/segments/%d/translations/%s", f.ids[i], lang)
	f.ts.call(t, "PUT", p, f.people[lang][0], map[string]any{"target": text, "version": base}).must(t, 200)
	f.ts.call(t, "POST", p+"/approve", f.people[lang][1], map[string]any{"version": base + 1}).must(t, 200)
	for len(f.texts[lang]) <= i { // a revision may add segments
		f.texts[lang] = append(f.texts[lang], "")
	}
	f.texts[lang][i] = text
}

// approveAll translates and approves every segment from untranslated,
// except the indexes in skip.
func (f *releaseFixture) approveAll(t testing.TB, lang string, skip ...int) {
	t.Helper()
	skipped := map[int]bool{}
	for _, i := range skip {
		skipped[i] = true
	}
	for i := range f.ids {
		if !skipped[i] {
			f.approve(t, lang, i, fakeTarget(lang, f.sources[i], i), 0)
		}
	}
}

// releases is the path of the document's releases.
func (f *releaseFixture) releases() string {
	return fmt.Sprintf("/api/v1/documents/%d/releases", f.doc)
}

// publish posts a publishing request and returns the body with the wanted status.
func (f *releaseFixture) publish(t testing.TB, body any, status int) map[string]any {
	t.Helper()
	return f.ts.call(t, "POST", f.releases(), f.publisher, body).must(t, status).Body
}

// byLang indexes a "releases" list by language.
func byLang(list any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, r := range list.([]any) {
		m := r.(map[string]any)
		out[m["lang"].(string)] = m
	}
	return out
}
