package server

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// editorFixture is the announcement half translated (some rejected, some
// approved) and a signed-in translator's session cookie, served by a handler
// called directly so that only server time is measured.
func editorFixture(tb testing.TB) (http.Handler, *http.Cookie, string) {
	tb.Helper()
	k := startKKTeam(tb)
	ts, docID, rev := k.ts, k.doc, k.bolat
	for i := range 10 {
		seg := k.translate(tb, k.kk, i)
		switch i % 3 {
		case 1:
			ts.call(tb, "POST", seg+"/approve", rev, map[string]any{"version": 1}).must(tb, http.StatusOK)
		case 2:
			ts.call(tb, "POST", seg+"/reject", rev, map[string]any{"version": 1, "comment": "Терминді тексеріңіз"}).must(tb, http.StatusOK)
		}
	}
	srv, err := New(Config{}, ts.App, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatal(err)
	}
	br := ts.browser(tb)
	br.signIn(tb, "aigerim", testPassword)
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
	var cookie *http.Cookie
	for _, c := range br.client.Jar.Cookies(req.URL) {
		if c.Name == sessionCookie {
			cookie = c
		}
	}
	if cookie == nil {
		tb.Fatal("no session cookie")
	}
	return srv.Handler(), cookie, fmt.Sprintf("/translate/%d/kk", docID)
}

func serveEditor(tb testing.TB, h http.Handler, cookie *http.Cookie, path string) int {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.AddCookie(cookie)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		tb.Fatalf("editor: status %d: %.500s", rec.Code, rec.Body.String())
	}
	return rec.Body.Len()
}

// BenchmarkEditorPage: the announcement's Kazakh editor, session check,
// store reads, quality checks and template, without the network. Issue 4's
// budget is 100 ms of server time; the README quotes the figure.
func BenchmarkEditorPage(b *testing.B) {
	h, cookie, path := editorFixture(b)
	n := serveEditor(b, h, cookie, path)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		serveEditor(b, h, cookie, path)
	}
}
