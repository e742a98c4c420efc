package server

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// person creates a user who signs in with a password; it returns the API
// token too. The password is hashed with bcrypt's lowest cost: sign-in checks
// it the real way, but fast enough to sign in often under the race detector.
// (TestUISignInOut uses the production cost through store.NewUser.Password.)
func (ts *testServer) person(tb testing.TB, name, password string, roles ...string) string {
	tb.Helper()
	a, token := ts.newUser(tb, name, roles...)
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	if err != nil {
		tb.Fatal(err)
	}
	if err := ts.App.SetPasswordHash(context.Background(), a.ID, string(hash)); err != nil {
		tb.Fatal(err)
	}
	return token
}

// browser is an HTTP client with a cookie jar that does not follow redirects,
// so tests see the 303s the pages answer with.
type browser struct {
	ts       *testServer
	client   *http.Client
	language string // Accept-Language
}

func (ts *testServer) browser(tb testing.TB) *browser {
	tb.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return &browser{ts: ts, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// page is an answer of the workspace.
type page struct {
	Status   int
	Body     string
	Location string
	Header   http.Header
}

func (b *browser) do(tb testing.TB, req *http.Request) page {
	tb.Helper()
	if b.language != "" {
		req.Header.Set("Accept-Language", b.language)
	}
	res, err := b.client.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return page{Status: res.StatusCode, Body: string(body), Location: res.Header.Get("Location"), Header: res.Header}
}

func (b *browser) get(tb testing.TB, path string) page {
	tb.Helper()
	req, err := http.NewRequest(http.MethodGet, b.ts.URL+path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return b.do(tb, req)
}

// post sends a form; csrf "" sends none.
func (b *browser) post(tb testing.TB, path string, form url.Values) page {
	tb.Helper()
	req, err := http.NewRequest(http.MethodPost, b.ts.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(tb, req)
}

var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([^"]*)">`)

// csrf is the token of the page at path.
func (b *browser) csrf(tb testing.TB, path string) string {
	tb.Helper()
	p := b.get(tb, path)
	m := csrfMeta.FindStringSubmatch(p.Body)
	if m == nil || m[1] == "" {
		tb.Fatalf("no CSRF token on %s (status %d)", path, p.Status)
	}
	return m[1]
}

// signIn signs the browser in and fails the test unless it worked.
func (b *browser) signIn(tb testing.TB, name, password string) {
	tb.Helper()
	p := b.post(tb, "/signin", url.Values{"csrf": {b.csrf(tb, "/signin")}, "name": {name}, "password": {password}, "next": {"/"}})
	if p.Status != http.StatusSeeOther || p.Location != "/" {
		tb.Fatalf("sign-in of %s: status %d, location %q: %s", name, p.Status, p.Location, p.Body)
	}
}

func (p page) must(tb testing.TB, status int) page {
	tb.Helper()
	if p.Status != status {
		tb.Fatalf("status %d, want %d: %.2000s", p.Status, status, p.Body)
	}
	return p
}

func (p page) contains(tb testing.TB, parts ...string) page {
	tb.Helper()
	for _, s := range parts {
		if !strings.Contains(p.Body, s) {
			tb.Errorf("page lacks %q", s)
		}
	}
	return p
}

// importAnnouncement imports the announcement as a publisher and returns its id and segment ids.
func (ts *testServer) importAnnouncement(tb testing.TB, publisherToken string) (int, []int64, []string) {
	tb.Helper()
	doc := ts.call(tb, "POST", "/api/v1/documents", publisherToken, map[string]string{
		"title": "Семинар в Алматы", "text": announcement(tb)}).must(tb, http.StatusCreated).Body
	return num(doc["id"]), segmentIDs(tb, doc), sourcesOf(doc)
}
