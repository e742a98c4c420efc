package server

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestFavicon: /favicon.ico, which browsers ask for on every site, answers
// an ICO image cached for a day with an ETag; the pages link the SVG icon,
// a fingerprinted asset cached for a year.
func TestFavicon(t *testing.T) {
	ts := startServer(t)
	b := ts.browser(t)
	ico := b.get(t, "/favicon.ico").must(t, http.StatusOK)
	if got := ico.Header.Get("Content-Type"); got != "image/x-icon" {
		t.Errorf("/favicon.ico Content-Type %q, want image/x-icon", got)
	}
	if !bytes.HasPrefix([]byte(ico.Body), []byte{0, 0, 1, 0}) {
		t.Errorf("/favicon.ico does not start like an ICO file: % x", ico.Body[:min(8, len(ico.Body))])
	}
	if got := ico.Header.Get("Cache-Control"); got != "public, max-age=86400" {
		t.Errorf("/favicon.ico Cache-Control %q", got)
	}
	etag := ico.Header.Get("ETag")
	if etag == "" {
		t.Fatal("/favicon.ico has no ETag")
	}
	req, err := http.NewRequest(http.MethodGet, ts.URL+"/favicon.ico", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("If-None-Match", etag)
	b.do(t, req).must(t, http.StatusNotModified)

	ts.person(t, "aigerim", testPassword, "translator:kk")
	link := regexp.MustCompile(`<link rel="icon" href="(/static/favicon\.[0-9a-f]{12}\.svg)" type="image/svg\+xml">`)
	for _, path := range []string{"/signin", "/", "/translate/999999/kk"} {
		if path == "/" {
			b.signIn(t, "aigerim", testPassword)
		}
		m := link.FindStringSubmatch(b.get(t, path).Body)
		if m == nil {
			t.Fatalf("%s links no SVG icon", path)
		}
		svg := b.get(t, m[1]).must(t, http.StatusOK)
		if ct := svg.Header.Get("Content-Type"); ct != "image/svg+xml" || !strings.HasPrefix(svg.Body, "<svg") {
			t.Errorf("%s: %s answers %q: %.60s", path, m[1], ct, svg.Body)
		}
		if got := svg.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("%s Cache-Control %q", m[1], got)
		}
	}
}
