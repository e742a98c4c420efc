package server

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"tilmash/internal/server/httpx"
)

// TestSecurityHeadersOnEveryRoute walks every registered route — as an
// admin, a signed-out caller and with bad input — plus unknown paths and
// methods, and checks the headers every answer must carry, so that a new
// route cannot forget them.
func TestSecurityHeadersOnEveryRoute(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk")
	f.approveAll(t, "kk")
	f.publish(t, map[string]any{"lang": "kk"}, http.StatusCreated)
	srv, err := New(Config{}, ts.App, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	fill := strings.NewReplacer(":id", fmt.Sprint(f.doc), ":doc", fmt.Sprint(f.doc), ":sid", fmt.Sprint(f.ids[0]),
		":rid", "1", ":tid", "1", ":lang", "kk", ":file", "1", "*", "")
	paths := map[string]bool{}
	var checked int
	for _, r := range srv.router.Routes() {
		p := fill.Replace(r.Path)
		if r.Path == "/static/:file" {
			p = "/static/nothing.css"
		}
		for _, variant := range []string{p, p + ".json", p + ".txt"} {
			if variant != p && !strings.HasPrefix(r.Path, "/releases/") {
				continue
			}
			for _, token := range []string{f.admin, ""} {
				res := ts.call(t, r.Method, variant, token, []byte(`{"bad json`))
				checkSecurityHeaders(t, r.Method+" "+variant, res)
				checked++
			}
		}
		paths[r.Path] = true
	}
	for _, extra := range [][2]string{{"GET", "/no/such/page"}, {"DELETE", "/healthz"}, {"GET", "/releases/1/kk/latest"},
		{"GET", "/releases/1/kk/feed.atom"}, {"GET", "/feeds/kk.atom"}, {"GET", "/releases/1/all.zip"}, {"GET", "/signin"}} {
		checkSecurityHeaders(t, extra[0]+" "+extra[1], ts.call(t, extra[0], extra[1], "", nil))
	}
	if checked < 2*len(paths) {
		t.Fatalf("checked %d answers for %d routes", checked, len(paths))
	}
}

func checkSecurityHeaders(t *testing.T, what string, res response) {
	t.Helper()
	h := res.Header
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("%s (%d): X-Content-Type-Options %q", what, res.Status, got)
	}
	csp := h.Get("Content-Security-Policy")
	if h.Get("X-Frame-Options") != "DENY" || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("%s (%d): frame protection missing: X-Frame-Options %q, CSP %q", what, res.Status, h.Get("X-Frame-Options"), csp)
	}
	if h.Get("Referrer-Policy") == "" {
		t.Errorf("%s (%d): no Referrer-Policy", what, res.Status)
	}
	if csp == "" || strings.Contains(scriptSources(csp), "unsafe-inline") {
		t.Errorf("%s (%d): CSP %q", what, res.Status, csp)
	}
	if h.Get("X-Request-ID") == "" {
		t.Errorf("%s (%d): no X-Request-ID", what, res.Status)
	}
	if res.Status >= 400 && res.Body != nil && res.Body["request_id"] != h.Get("X-Request-ID") {
		t.Errorf("%s (%d): error body's request_id %v, header %q", what, res.Status, res.Body["request_id"], h.Get("X-Request-ID"))
	}
}

// scriptSources is the part of a CSP that governs scripts: script-src, or default-src without it.
func scriptSources(csp string) string {
	var def string
	for _, d := range strings.Split(csp, ";") {
		d = strings.TrimSpace(d)
		if strings.HasPrefix(d, "script-src") {
			return d
		}
		if strings.HasPrefix(d, "default-src") {
			def = d
		}
	}
	return def
}

func TestStrictTransportSecurityOnHTTPSBase(t *testing.T) {
	ts := startServer(t)
	if got := ts.call(t, "GET", "/healthz", "", nil).Header.Get("Strict-Transport-Security"); got != "" {
		t.Fatalf("plain http base sends HSTS %q", got)
	}
	srv, err := New(Config{BaseURL: "https://tilmash.example.org"}, ts.App, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	rec := serveOnce(srv, "GET", "/healthz")
	if got := rec.Header().Get("Strict-Transport-Security"); !strings.HasPrefix(got, "max-age=") {
		t.Fatalf("https base: HSTS %q", got)
	}
}

func TestRequestIDTakenWhenWellFormed(t *testing.T) {
	ts := startServer(t)
	for _, c := range []struct {
		sent string
		kept bool
	}{
		{"3f2a9c1e-7b4d-4e0a-9c51-0d2b6f7a8e11", true},
		{"edge:abc.123_x", true},
		{"", false},
		{"bad id with spaces", false},
		{"<script>alert(1)</script>", false},
		{strings.Repeat("a", 65), false},
	} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/v1/me", nil)
		req.Header.Set("X-Request-ID", c.sent)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		got := res.Header.Get("X-Request-ID")
		if c.kept != (got == c.sent) || got == "" || !httpx.WellFormedRequestID(got) {
			t.Errorf("sent %q, got %q", c.sent, got)
		}
		if !strings.Contains(string(body), `"request_id":"`+got+`"`) {
			t.Errorf("sent %q: error body %s lacks the request id %q", c.sent, body, got)
		}
	}
}

// serveOnce sends one request straight to a server's handler.
func serveOnce(srv *Server, method, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}
