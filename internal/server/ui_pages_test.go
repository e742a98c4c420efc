package server

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"tilmash/internal/app"

	"tilmash/internal/workflow"
)

const testPassword = "correct-horse-42"

// TestUIRequiresSession: every page but sign-in (and public releases) sends
// a browser without a session to sign in, and brings it back after.
func TestUIRequiresSession(t *testing.T) {
	ts := startServer(t)
	b := ts.browser(t)
	for _, path := range []string{"/", "/translate/1/kk", "/review/kk?doc=1", "/publish/1"} {
		p := b.get(t, path).must(t, http.StatusSeeOther)
		if want := "/signin?next=" + url.QueryEscape(path); p.Location != want {
			t.Errorf("GET %s redirects to %q, want %q", path, p.Location, want)
		}
	}
	for _, path := range []string{"/publish/1/kk", "/review/kk/1/approve", "/signout"} {
		p := b.post(t, path, url.Values{"csrf": {"x"}}).must(t, http.StatusSeeOther)
		if p.Location != "/signin?next=%2F" {
			t.Errorf("POST %s redirects to %q", path, p.Location)
		}
	}
	b.get(t, "/signin").must(t, http.StatusOK)
	// The API without a token or session still answers 401 in JSON.
	if r := ts.call(t, "GET", "/api/v1/me", "", nil); r.Status != http.StatusUnauthorized {
		t.Errorf("API without credentials: %d", r.Status)
	}
}

// TestUISignInOut: a session cookie with the right attributes, sign-out ends it.
func TestUISignInOut(t *testing.T) {
	ts := startServer(t)
	role, _ := workflow.ParseRole("translator:kk")
	if _, _, err := ts.App.CreateUser(context.Background(), app.NewUser{Name: "aigerim", Password: testPassword,
		Roles: []workflow.Role{role}}); err != nil {
		t.Fatal(err)
	}
	b := ts.browser(t)
	csrf := b.csrf(t, "/signin?next=/review/kk")
	p := b.post(t, "/signin", url.Values{"csrf": {csrf}, "name": {"aigerim"}, "password": {testPassword}, "next": {"/review/kk"}})
	p.must(t, http.StatusSeeOther)
	if p.Location != "/review/kk" {
		t.Errorf("after sign-in: location %q, want the page asked for", p.Location)
	}
	var cookie string
	for _, c := range p.Header.Values("Set-Cookie") {
		if strings.HasPrefix(c, sessionCookie+"=") {
			cookie = c
		}
	}
	for _, attr := range []string{"HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200"} {
		if !strings.Contains(cookie, attr) {
			t.Errorf("session cookie %q lacks %s", cookie, attr)
		}
	}
	if strings.Contains(cookie, "Secure") {
		t.Errorf("plain HTTP session cookie is Secure: %q", cookie)
	}
	b.get(t, "/").must(t, http.StatusOK).contains(t, "aigerim")
	// An open redirect is refused.
	b2 := ts.browser(t)
	p = b2.post(t, "/signin", url.Values{"csrf": {b2.csrf(t, "/signin")}, "name": {"aigerim"}, "password": {testPassword}, "next": {"//evil.example/x"}})
	if p.Location != "/" {
		t.Errorf("next=//evil.example redirected to %q", p.Location)
	}
	// Sign-out needs the token, then ends the session.
	b.post(t, "/signout", nil).must(t, http.StatusForbidden)
	b.post(t, "/signout", url.Values{"csrf": {b.csrf(t, "/")}}).must(t, http.StatusSeeOther)
	b.get(t, "/").must(t, http.StatusSeeOther)
}

// TestUICSRF: a state-changing request without the CSRF token is refused (403).
func TestUICSRF(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	ts.person(t, "aigerim", testPassword, "translator:kk")
	_, ids, sources := ts.importAnnouncement(t, pub)
	b := ts.browser(t)
	// Sign-in itself needs the pre-session token.
	b.post(t, "/signin", url.Values{"name": {"aigerim"}, "password": {testPassword}}).must(t, http.StatusForbidden)
	b.signIn(t, "aigerim", testPassword)
	for _, path := range []string{"/publish/1/kk", "/review/kk/1/approve", "/review/kk", "/signout", "/language"} {
		b.post(t, path, url.Values{"version": {"0"}}).must(t, http.StatusForbidden)
		b.post(t, path, url.Values{"csrf": {"forged"}}).must(t, http.StatusForbidden)
	}
	// The editor's fetch: the session cookie alone does not write…
	save := fmt.Sprintf("%s/api/v1/segments/%d/translations/kk", ts.URL, ids[0])
	body := fmt.Sprintf(`{"target":%q,"version":0}`, fakeTarget("kk", sources[0], 0))
	req, _ := http.NewRequest(http.MethodPut, save, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	b.do(t, req).must(t, http.StatusForbidden)
	// …with the page's token in X-CSRF-Token it does.
	req, _ = http.NewRequest(http.MethodPut, save, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(csrfHeader, b.csrf(t, "/translate/1/kk"))
	b.do(t, req).must(t, http.StatusOK).contains(t, `"state":"translated"`, `"author":"aigerim"`)
	// Reading needs no token.
	b.get(t, "/api/v1/me").must(t, http.StatusOK).contains(t, `"name":"aigerim"`)
}

// TestUILanguages: sign-in and dashboard in ru, kk and en by Accept-Language
// and by the switcher, which is remembered.
func TestUILanguages(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	ts.importAnnouncement(t, pub)
	tests := []struct {
		accept       string
		lang, signin string
		dashboard    string
	}{
		{"", "ru", "Вход", "17 сегментов"},
		{"kk-KZ,kk;q=0.9", "kk", "Кіру", "17 сегмент"},
		{"en-US,en;q=0.9", "en", "Sign in", "17 segments"},
		{"ky", "ru", "Вход", "17 сегментов"},
	}
	for _, tt := range tests {
		b := ts.browser(t)
		b.language = tt.accept
		p := b.get(t, "/signin").must(t, http.StatusOK)
		p.contains(t, `<html lang="`+tt.lang+`"`, "<h1>"+tt.signin+"</h1>")
		if p.Header.Get("Content-Language") != tt.lang {
			t.Errorf("%q: Content-Language %q", tt.accept, p.Header.Get("Content-Language"))
		}
		b.signIn(t, "press", testPassword)
		b.get(t, "/").must(t, http.StatusOK).contains(t, `<html lang="`+tt.lang+`"`, tt.dashboard)
	}
	// The switcher beats Accept-Language, before and after signing in.
	b := ts.browser(t)
	b.language = "kk"
	p := b.post(t, "/language", url.Values{"csrf": {b.csrf(t, "/signin")}, "lang": {"en"}, "next": {"/signin"}})
	p.must(t, http.StatusSeeOther)
	if p.Location != "/signin" {
		t.Errorf("switcher redirected to %q", p.Location)
	}
	b.get(t, "/signin").contains(t, `<html lang="en"`, "Sign in", `value="en" lang="en" aria-pressed="true"`)
	b.signIn(t, "press", testPassword)
	b.get(t, "/").contains(t, `<html lang="en"`, "Documents and languages")
	b.post(t, "/language", url.Values{"csrf": {b.csrf(t, "/")}, "lang": {"kk"}, "next": {"/"}}).must(t, http.StatusSeeOther)
	b.get(t, "/").contains(t, `<html lang="kk"`, "Құжаттар мен тілдер")
}

// TestUIEditorDirection: targets carry the language's lang and dir.
func TestUIEditorDirection(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	ts.person(t, "gul", testPassword, "translator:ps")
	ts.importAnnouncement(t, pub)
	b := ts.browser(t)
	b.signIn(t, "gul", testPassword)
	p := b.get(t, "/translate/1/ps").must(t, http.StatusOK)
	if n := strings.Count(p.Body, `lang="ps" dir="rtl" rows="3"`); n != 17 {
		t.Errorf("%d ps textareas with dir=rtl, want 17", n)
	}
	if strings.Contains(p.Body, " readonly") {
		t.Error("the ps translator's editor is read-only")
	}
	p = b.get(t, "/translate/1/kk").must(t, http.StatusOK)
	if n := strings.Count(p.Body, `lang="kk" dir="ltr" rows="3" aria-describedby`); n != 17 {
		t.Errorf("%d kk textareas with dir=ltr, want 17", n)
	}
	if n := strings.Count(p.Body, " readonly>"); n != 17 {
		t.Errorf("%d read-only textareas for a ps translator in kk, want 17", n)
	}
	b.get(t, "/translate/1/xx").must(t, http.StatusBadRequest)
	b.get(t, "/translate/99/kk").must(t, http.StatusNotFound)
}

// TestUIEscaping: a segment, a translation and a comment holding markup render inert.
func TestUIEscaping(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	rev := ts.person(t, "bolat", testPassword, "reviewer:kk")
	evil := `Текст <script>alert(1)</script> и "onmouseover=alert(2) x="`
	doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": `Заголовок <script>alert(3)</script>`,
		"text": evil + " конец.\n\nВторой абзац без подвоха."}).must(t, http.StatusCreated).Body
	ids := segmentIDs(t, doc)
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[0])
	ts.call(t, "PUT", seg, kk, map[string]any{"target": `Мәтін <script>alert(4)</script> "onmouseover=alert(5) x="`, "version": 0}).must(t, http.StatusOK)
	ts.call(t, "POST", seg+"/reject", rev, map[string]any{"version": 1, "comment": `<script>alert(6)</script> "onmouseover=alert(7)`}).must(t, http.StatusOK)
	ts.call(t, "PUT", seg, kk, map[string]any{"target": `Жаңа <script>alert(8)</script> "onmouseover=alert(9)`, "version": 2}).must(t, http.StatusOK)
	ts.call(t, "POST", seg+"/reject", rev, map[string]any{"version": 3, "comment": `<img src=x onerror=alert(10)> "onmouseover=alert(11)`}).must(t, http.StatusOK)

	b := ts.browser(t)
	b.signIn(t, "bolat", testPassword)
	pages := map[string]string{
		"editor":    b.get(t, fmt.Sprintf("/translate/%d/kk", num(doc["id"]))).must(t, http.StatusOK).Body,
		"dashboard": b.get(t, "/").must(t, http.StatusOK).Body,
		"publish":   b.get(t, fmt.Sprintf("/publish/%d", num(doc["id"]))).must(t, http.StatusOK).Body,
	}
	// Put one back to translated so the review queue shows it.
	ts.call(t, "PUT", seg, kk, map[string]any{"target": `Тағы <script>alert(12)</script> "onmouseover=alert(13)`, "version": 4}).must(t, http.StatusOK)
	pages["review"] = b.get(t, "/review/kk").must(t, http.StatusOK).Body
	for name, body := range pages {
		lower := strings.ToLower(body)
		if strings.Contains(lower, "<script>alert") || strings.Contains(lower, "<img src=x") {
			t.Errorf("%s: raw markup from user text", name)
		}
		if strings.Contains(body, `"onmouseover=`) || regexp.MustCompile(`\sonmouseover=`).MatchString(body) {
			t.Errorf("%s: an attribute escaped its quotes", name)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(") {
			t.Errorf("%s: the escaped text is missing", name)
		}
	}
	if !strings.Contains(pages["editor"], "&lt;img src=x onerror=alert(10)&gt; &#34;onmouseover=alert(11)") {
		t.Error("the reviewer's comment is not shown escaped in the editor")
	}
	if !strings.Contains(pages["review"], "&#34;onmouseover=alert(13)") {
		t.Error("the translation is not shown escaped in the review queue")
	}
}

// TestUIReview: approve, reject with a required comment, and approve-all
// that skips the reviewer's own texts with a count.
func TestUIReview(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	bolatTok := ts.person(t, "bolat", testPassword, "reviewer:kk")
	docID, ids, sources := ts.importAnnouncement(t, pub)
	for i := range 4 {
		ts.call(t, "PUT", fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[i]), kk,
			map[string]any{"target": fakeTarget("kk", sources[i], i), "version": 0}).must(t, http.StatusOK)
	}
	// The reviewer translates two himself: the four-eyes rule keeps him from approving them.
	for i := 4; i < 6; i++ {
		ts.call(t, "PUT", fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[i]), bolatTok,
			map[string]any{"target": fakeTarget("kk", sources[i], i), "version": 0}).must(t, http.StatusOK)
	}
	b := ts.browser(t)
	b.language = "ru"
	b.signIn(t, "bolat", testPassword)
	q := fmt.Sprintf("/review/kk?doc=%d", docID)
	p := b.get(t, q).must(t, http.StatusOK)
	p.contains(t, "6 переводов ждут проверки", "Это ваш перевод")
	if n := strings.Count(p.Body, `class="approve"`); n != 4 {
		t.Errorf("%d approve forms, want 4 (not on his own two)", n)
	}
	csrf := b.csrf(t, q)
	form := func(v ...string) url.Values {
		f := url.Values{"csrf": {csrf}, "doc": {fmt.Sprint(docID)}}
		for i := 0; i+1 < len(v); i += 2 {
			f.Add(v[i], v[i+1])
		}
		return f
	}
	// Approve one.
	p = b.post(t, fmt.Sprintf("/review/kk/%d/approve", ids[0]), form("version", "1")).must(t, http.StatusSeeOther)
	if p.Location != q {
		t.Errorf("after approve: %q", p.Location)
	}
	// Reject needs a comment.
	b.post(t, fmt.Sprintf("/review/kk/%d/reject", ids[1]), form("version", "1", "comment", "  ")).must(t, http.StatusBadRequest).
		contains(t, "Чтобы отклонить перевод, напишите комментарий.")
	b.post(t, fmt.Sprintf("/review/kk/%d/reject", ids[1]), form("version", "1", "comment", "Терминді тексеріңіз")).must(t, http.StatusSeeOther)
	// A stale version is a conflict shown on the page.
	b.post(t, fmt.Sprintf("/review/kk/%d/approve", ids[0]), form("version", "1")).must(t, http.StatusConflict).
		contains(t, "Перевод изменился")
	// Approve all shown: 2 approved, 2 skipped as his own, 1 skipped as changed since shown.
	ts.call(t, "PUT", fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[3]), kk,
		map[string]any{"target": fakeTarget("kk", sources[3], 30), "version": 1}).must(t, http.StatusOK)
	all := form()
	for _, i := range []int{2, 3, 4, 5} {
		all.Add("item", fmt.Sprintf("%d:1", ids[i]))
	}
	all.Add("item", fmt.Sprintf("%d:1", ids[6])) // untranslated: conflict
	p = b.post(t, "/review/kk", all).must(t, http.StatusSeeOther)
	p = b.get(t, p.Location).must(t, http.StatusOK)
	p.contains(t, "Утверждён 1 сегмент.", "Пропущено 2 ваших перевода", "Пропущено 2 перевода, изменившихся после открытия страницы.")
	// The editor shows the reviewer's comment to the translator.
	tb := ts.browser(t)
	tb.signIn(t, "aigerim", testPassword)
	tb.get(t, fmt.Sprintf("/translate/%d/kk?state=rejected", docID)).must(t, http.StatusOK).
		contains(t, "Терминді тексеріңіз", "Показано 1 из 17 сегментов.")
	// A translator may look at the queue but not act.
	tb.get(t, q).must(t, http.StatusOK).contains(t, "Вы не рецензент этого языка")
	tb.post(t, "/review/kk", url.Values{"csrf": {tb.csrf(t, q)}}).must(t, http.StatusForbidden)
	// The diff against the last approved text: segment 0 approved, then edited.
	ts.call(t, "PUT", fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[0]), kk,
		map[string]any{"target": fakeTarget("kk", sources[0], 0) + " Қосымша.", "version": 2}).must(t, http.StatusOK)
	b.get(t, q).must(t, http.StatusOK).contains(t, "<ins> Қосымша.</ins>")
}

// TestUIPublish: readiness, the button when ready, the release and its link.
func TestUIPublish(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.user(t, "aigerim", "translator:kk")
	rev := ts.user(t, "bolat", "reviewer:kk")
	docID, ids, sources := ts.importAnnouncement(t, pub)
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "press", testPassword)
	path := fmt.Sprintf("/publish/%d", docID)
	p := b.get(t, path).must(t, http.StatusOK).contains(t, "0 of 17 approved", "You can publish once every segment is approved.")
	if strings.Contains(p.Body, ">Publish</button>") {
		t.Error("a publish button while nothing is approved")
	}
	for i, id := range ids {
		seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", id)
		ts.call(t, "PUT", seg, kk, map[string]any{"target": fakeTarget("kk", sources[i], i), "version": 0}).must(t, http.StatusOK)
		ts.call(t, "POST", seg+"/approve", rev, map[string]any{"version": 1}).must(t, http.StatusOK)
	}
	b.get(t, path).must(t, http.StatusOK).contains(t, "17 of 17 approved", ">Publish</button>")
	p = b.post(t, fmt.Sprintf("/publish/%d/kk", docID), url.Values{"csrf": {b.csrf(t, path)}}).must(t, http.StatusSeeOther)
	if want := fmt.Sprintf("/publish/%d?published=kk#lang-kk", docID); p.Location != want {
		t.Errorf("after publishing: %q, want %q", p.Location, want)
	}
	b.get(t, p.Location).must(t, http.StatusOK).contains(t, "Published.", fmt.Sprintf(`href="/releases/%d/kk/1">Release 1</a>`, docID),
		fmt.Sprintf(`href="/releases/%d/kk/latest"`, docID))
	b.get(t, "/").must(t, http.StatusOK).contains(t, fmt.Sprintf(`href="/releases/%d/kk/1">Release 1</a>`, docID))
	// A translator sees readiness but no button.
	ts.person(t, "emma", testPassword, "translator:en")
	e := ts.browser(t)
	e.signIn(t, "emma", testPassword)
	p = e.get(t, path).must(t, http.StatusOK)
	if strings.Contains(p.Body, "</button>\n      </form>") && strings.Contains(p.Body, `action="/publish/`) {
		t.Error("a translator sees a publish form")
	}
	e.post(t, fmt.Sprintf("/publish/%d/kk", docID), url.Values{"csrf": {e.csrf(t, path)}}).must(t, http.StatusForbidden)
}

// TestUISigninThrottle: after three free mistakes, attempts must wait (429).
func TestUISigninThrottle(t *testing.T) {
	ts := startServer(t)
	ts.person(t, "aigerim", testPassword, "translator:kk")
	b := ts.browser(t)
	b.language = "en"
	csrf := b.csrf(t, "/signin")
	n := 0
	try := func(pw string) page {
		// A new X-Forwarded-For on every attempt does not reset the count.
		n++
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/signin",
			strings.NewReader(url.Values{"csrf": {csrf}, "name": {"aigerim"}, "password": {pw}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("203.0.113.%d", n))
		return b.do(t, req)
	}
	for range 4 {
		try("wrong-password").must(t, http.StatusUnauthorized).contains(t, "The name or password is wrong.", `value="aigerim"`)
	}
	p := try(testPassword).must(t, http.StatusTooManyRequests)
	p.contains(t, "Too many failed attempts. Wait 1 second.")
	if p.Header.Get("Retry-After") != "1" {
		t.Errorf("Retry-After %q", p.Header.Get("Retry-After"))
	}
}

// TestUIAssets: fingerprinted, cached for a year, revalidated by ETag.
func TestUIAssets(t *testing.T) {
	ts := startServer(t)
	b := ts.browser(t)
	m := regexp.MustCompile(`href="(/static/app\.[0-9a-f]{12}\.css)"`).FindStringSubmatch(b.get(t, "/signin").Body)
	if m == nil {
		t.Fatal("no fingerprinted stylesheet link")
	}
	p := b.get(t, m[1]).must(t, http.StatusOK)
	if p.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" || !strings.HasPrefix(p.Header.Get("Content-Type"), "text/css") {
		t.Errorf("headers %v", p.Header)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+m[1], nil)
	req.Header.Set("If-None-Match", p.Header.Get("ETag"))
	b.do(t, req).must(t, http.StatusNotModified)
	b.get(t, "/static/app.css").must(t, http.StatusNotFound)
}

// TestUISecureCookies: over TLS, or behind a proxy with an https base URL,
// the workspace's cookies are Secure.
func TestUISecureCookies(t *testing.T) {
	ts := startServer(t)
	discard := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, tt := range []struct {
		name string
		cfg  Config
		tls  bool
	}{
		{"TLS", Config{}, true},
		{"https base URL", Config{BaseURL: "https://tilmash.example.org"}, false},
	} {
		srv, err := New(tt.cfg, ts.App, discard)
		if err != nil {
			t.Fatal(err)
		}
		hs := httptest.NewUnstartedServer(srv.Handler())
		if tt.tls {
			hs.StartTLS()
		} else {
			hs.Start()
		}
		res, err := hs.Client().Get(hs.URL + "/signin")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		cookie := res.Header.Get("Set-Cookie")
		if !strings.HasPrefix(cookie, presetCookie+"=") || !strings.Contains(cookie, "; Secure") {
			t.Errorf("%s: Set-Cookie %q, want a Secure %s", tt.name, cookie, presetCookie)
		}
		hs.Close()
	}
}
