package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestReleaseBadInput: each wrong release request gets its status and its
// exact message, and publishes nothing.
func TestReleaseBadInput(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk")
	f.approveAll(t, "kk")
	kk := f.people["kk"][0]
	rel := f.publish(t, map[string]string{"lang": "kk"}, http.StatusCreated)["release"].(map[string]any)
	withdraw := fmt.Sprintf("/api/v1/releases/%d/withdraw", num(rel["id"]))
	diff := fmt.Sprintf("/api/v1/documents/%d/releases/kk/diff", f.doc)
	long := strings.Repeat("я", 1001)
	tests := []struct {
		name, method, path, token string
		body                      any
		status                    int
		error                     string
	}{
		{"neither lang nor langs", "POST", f.releases(), f.publisher, map[string]any{}, 400, `"lang" is required (or "langs" for several languages)`},
		{"both", "POST", f.releases(), f.publisher, map[string]any{"lang": "kk", "langs": []string{"en"}}, 400, `send either "lang" (one language) or "langs" (several), not both`},
		{"empty langs", "POST", f.releases(), f.publisher, map[string]any{"langs": []string{}}, 400, `"langs" is empty: name at least one target language`},
		{"langs not a list", "POST", f.releases(), f.publisher, []byte(`{"langs": "kk"}`), 400, `the request body is not the JSON expected: field "langs" must be a []string, not a string`},
		{"duplicate", "POST", f.releases(), f.publisher, map[string]any{"langs": []string{"kk", "en", "KK"}}, 400, `"langs" names kk twice`},
		{"malformed language", "POST", f.releases(), f.publisher, map[string]any{"langs": []string{"xx!"}}, 400, `unknown language "xx!": not a BCP 47 language tag`},
		{"unknown language", "POST", f.releases(), f.publisher, map[string]any{"langs": []string{"kk", "sw"}}, 400, `unknown language "sw" (target languages: kk, en, ky, tg, tk, uz, ps, fa-AF, ar, nl)`},
		{"source language", "POST", f.releases(), f.publisher, map[string]any{"langs": []string{"ru"}}, 400, "ru is the source language, not a target"},
		{"waiver without reason", "POST", f.releases(), f.publisher, map[string]any{"langs": []string{"en"}, "allow_partial": true, "reason": "  "}, 400, `a partial release needs a "reason": say why it cannot wait for every translation`},
		{"reason without waiver", "POST", f.releases(), f.publisher, map[string]any{"langs": []string{"en"}, "reason": "hurry"}, 400, `"reason" is only for a partial release; send "allow_partial": true with it`},
		{"reason too long", "POST", f.releases(), f.publisher, map[string]any{"langs": []string{"en"}, "allow_partial": true, "reason": long}, 400, `"reason" is 1001 characters long; at most 1000 are allowed`},
		{"translator publishes", "POST", f.releases(), kk, map[string]any{"langs": []string{"kk"}}, 403, "tr-kk may not publish"},
		{"unknown document", "POST", "/api/v1/documents/999/releases", f.publisher, map[string]any{"langs": []string{"kk"}}, 404, "document 999 not found"},
		{"withdraw without reason", "POST", withdraw, f.publisher, map[string]any{}, 400, `"reason" is required: readers of the withdrawn release will see it`},
		{"withdraw as translator", "POST", withdraw, kk, map[string]any{"reason": "x"}, 403, "tr-kk may not withdraw releases"},
		{"withdraw unknown", "POST", "/api/v1/releases/999/withdraw", f.publisher, map[string]any{"reason": "x"}, 404, "release 999 not found"},
		{"withdraw bad id", "POST", "/api/v1/releases/abc/withdraw", f.publisher, map[string]any{"reason": "x"}, 404, `release "abc" not found`},
		{"diff without numbers", "GET", diff, f.publisher, nil, 400, `"from" is required: the release numbers to compare, as in ?from=1&to=2`},
		{"diff bad number", "GET", diff + "?from=1&to=x", f.publisher, nil, 400, `"to" must be a release number (1, 2, …), not "x"`},
		{"diff missing release", "GET", diff + "?from=1&to=5", f.publisher, nil, 404, "document 1 has no release 5 in kk"},
		{"diff unknown language", "GET", fmt.Sprintf("/api/v1/documents/%d/releases/sw/diff?from=1&to=1", f.doc), f.publisher, nil, 400, `unknown language "sw" (target languages: kk, en, ky, tg, tk, uz, ps, fa-AF, ar, nl)`},
		{"deliveries bad limit", "GET", "/api/v1/webhooks/deliveries?limit=0", f.admin, nil, 400, `"limit" must be between 1 and 1000, not 0`},
		{"deliveries bad release", "GET", "/api/v1/webhooks/deliveries?release=-1", f.admin, nil, 400, `"release" must be a whole number, not "-1"`},
		{"public bad number", "GET", fmt.Sprintf("/releases/%d/kk/first", f.doc), "", nil, 404, `no release "first": use a release number, latest or feed.atom`},
		{"public bad format", "GET", fmt.Sprintf("/releases/%d/kk/1.pdf", f.doc), "", nil, 404, `no "pdf" format; use .txt, .json or none for HTML`},
		{"public no language", "GET", fmt.Sprintf("/releases/%d/en/latest", f.doc), "", nil, 404, "document 1 has no release in en"},
		{"public bad tag", "GET", fmt.Sprintf("/releases/%d/not_a_tag!/latest", f.doc), "", nil, 404, `no release in "not_a_tag!": not a language tag`},
		{"zip of nothing", "GET", "/releases/999/all.zip", "", nil, 404, "document 999 has no live release"},
		{"not a zip", "GET", fmt.Sprintf("/releases/%d/kk", f.doc), "", nil, 404, fmt.Sprintf("no such page: /releases/%d/kk; a release is at /releases/%d/LANG/latest and every language at /releases/%d/all.zip", f.doc, f.doc, f.doc)},
		{"feed name", "GET", "/feeds/kk.rss", "", nil, 404, `no feed "kk.rss": feeds are at /feeds/LANG.atom`},
		{"feed language", "GET", "/feeds/ru.atom", "", nil, 404, `no feed in "ru": ru is the source language, not a target`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ts.call(t, tc.method, tc.path, tc.token, tc.body).must(t, tc.status).Body
			if got["error"] != tc.error {
				t.Errorf("error %q\n          want %q", got["error"], tc.error)
			}
		})
	}
	list := ts.call(t, "GET", f.releases(), f.admin, nil).must(t, 200).Body["releases"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["withdrawn"] != nil {
		t.Errorf("bad requests changed the releases: %v", list)
	}
}
