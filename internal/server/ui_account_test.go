package server

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var newTokenField = regexp.MustCompile(`id="token" readonly value="([^"]+)"`)

// TestUIAccount: the account page shows name and roles and makes API
// tokens, each shown once; revoking the others leaves only the new one.
func TestUIAccount(t *testing.T) {
	ts := startServer(t)
	first := ts.person(t, "aigerim", testPassword, "translator:kk", "reviewer:en")
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "aigerim", testPassword)
	b.get(t, "/").must(t, http.StatusOK).contains(t, `<a href="/account">Account</a>`)
	p := b.get(t, "/account").must(t, http.StatusOK)
	p.contains(t, "<dd>aigerim</dd>", "<code>reviewer:en</code>", "<code>translator:kk</code>", `<dd id="token-count">1</dd>`,
		`<form method="post" action="/account/tokens">`, "Create a new API token")
	if newTokenField.MatchString(p.Body) {
		t.Error("the account page shows a token before one was made")
	}
	b.post(t, "/account/tokens", url.Values{}).must(t, http.StatusForbidden)
	csrf := b.csrf(t, "/account")

	newToken := func(form url.Values) string {
		t.Helper()
		form.Set("csrf", csrf)
		p := b.post(t, "/account/tokens", form).must(t, http.StatusOK)
		p.contains(t, "Copy it now: it is shown only this once", `curl -H "Authorization: Bearer `)
		if form.Get("revoke_others") == "1" {
			p.contains(t, "Your other API tokens no longer work.")
		}
		m := newTokenField.FindStringSubmatch(p.Body)
		if m == nil {
			t.Fatalf("no new token on the page:\n%s", p.Body)
		}
		return m[1]
	}
	me := func(token string) int { return ts.call(t, "GET", "/api/v1/me", token, nil).Status }

	second := newToken(url.Values{})
	if me(second) != http.StatusOK || me(first) != http.StatusOK {
		t.Errorf("after a new token: new %d, old %d; want both 200", me(second), me(first))
	}
	b.get(t, "/account").contains(t, `<dd id="token-count">2</dd>`)
	third := newToken(url.Values{"revoke_others": {"1"}})
	if p := b.get(t, "/account"); strings.Contains(p.Body, third) {
		t.Error("the account page shows the token again")
	}
	if me(third) != http.StatusOK || me(second) != http.StatusUnauthorized || me(first) != http.StatusUnauthorized {
		t.Errorf("after revoking the others: new %d, older %d and %d; want 200, 401, 401", me(third), me(second), me(first))
	}
	// The browser session is no token: it stays signed in.
	b.get(t, "/account").must(t, http.StatusOK).contains(t, `<dd id="token-count">1</dd>`)
}
