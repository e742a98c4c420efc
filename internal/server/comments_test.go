package server

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestComments: a translator asks about a segment, a publisher comments on
// its source for every language; the reviewer sees both in the review
// queue, the dashboard counts them per document × language, the history
// keeps them, and a resolved one leaves the count.
func TestComments(t *testing.T) {
	k := startKKTeam(t)
	ts := k.ts
	emma := ts.person(t, "emma", testPassword, "translator:en")
	ts.person(t, "rustem", testPassword, "reviewer:kk")
	seg := fmt.Sprintf("/api/v1/segments/%d/comments", k.ids[0])

	ask := ts.call(t, "POST", seg+"?lang=kk", k.kk, map[string]string{"text": "  Как перевести «акимат»? <b>срочно</b>  "}).
		must(t, http.StatusCreated).Body
	if ask["lang"] != "kk" || ask["author"] != "aigerim" || ask["text"] != "Как перевести «акимат»? <b>срочно</b>" ||
		ask["resolved"] != false || num(ask["segment"]) != int(k.ids[0]) {
		t.Errorf("the new comment: %v", ask)
	}
	src := ts.call(t, "POST", seg, k.pub, map[string]string{"text": "Источник уточним к среде."}).must(t, http.StatusCreated).Body
	if src["lang"] != "" || src["author"] != "press" {
		t.Errorf("the comment about the source: %v", src)
	}
	ts.call(t, "POST", seg+"?lang=en", emma, map[string]string{"text": "Is 'akimat' a glossary term?"}).must(t, http.StatusCreated)

	// Refusals: another language, no text, too long, unknown segment or language.
	for _, tt := range []struct {
		path, token string
		body        any
		status      int
		code        string
	}{
		{seg + "?lang=kk", emma, map[string]string{"text": "Hello"}, http.StatusForbidden, "forbidden"},
		{seg + "?lang=kk", k.kk, map[string]string{"text": "   "}, http.StatusBadRequest, "invalid"},
		{seg + "?lang=kk", k.kk, map[string]string{}, http.StatusBadRequest, "invalid"},
		{seg + "?lang=kk", k.kk, map[string]string{"text": strings.Repeat("ә", 4001)}, http.StatusBadRequest, "invalid"},
		{seg + "?lang=xx", k.kk, map[string]string{"text": "Сұрақ"}, http.StatusBadRequest, "invalid"},
		{"/api/v1/segments/999999/comments?lang=kk", k.kk, map[string]string{"text": "Сұрақ"}, http.StatusNotFound, "not_found"},
	} {
		r := ts.call(t, "POST", tt.path, tt.token, tt.body)
		if r.Status != tt.status || r.Body["code"] != tt.code {
			t.Errorf("POST %s %v: %d %s, want %d %s", tt.path, tt.body, r.Status, r.Raw, tt.status, tt.code)
		}
	}

	texts := func(path string) []string {
		var out []string
		for _, c := range ts.call(t, "GET", path, k.kk, nil).must(t, http.StatusOK).Body["comments"].([]any) {
			out = append(out, c.(map[string]any)["text"].(string))
		}
		return out
	}
	for _, tt := range []struct {
		query string
		want  string
	}{
		{"?lang=kk", "Как перевести «акимат»? <b>срочно</b>|Источник уточним к среде."},
		{"?lang=en", "Источник уточним к среде.|Is 'akimat' a glossary term?"},
		{"", "Как перевести «акимат»? <b>срочно</b>|Источник уточним к среде.|Is 'akimat' a glossary term?"},
	} {
		if got := strings.Join(texts(seg+tt.query), "|"); got != tt.want {
			t.Errorf("GET comments%s: %q, want %q", tt.query, got, tt.want)
		}
	}
	if r := ts.call(t, "GET", fmt.Sprintf("/api/v1/segments/%d/comments?lang=kk", k.ids[1]), k.kk, nil).must(t, http.StatusOK); string(r.Raw) != `{"comments":[]}` {
		t.Errorf("a segment without comments: %s", r.Raw)
	}

	// The history keeps the question.
	hist := ts.call(t, "GET", fmt.Sprintf("/api/v1/segments/%d/translations/kk/history", k.ids[0]), k.kk, nil).must(t, http.StatusOK).Body
	evs := hist["events"].([]any)
	if len(evs) != 1 || evs[0].(map[string]any)["action"] != "comment" || evs[0].(map[string]any)["comment"] != ask["text"] {
		t.Errorf("the history after a comment: %v", evs)
	}

	// The reviewer sees the comments in the review queue once the text awaits review.
	k.translate(t, k.kk, 0)
	rev := ts.browser(t)
	rev.language = "en"
	rev.signIn(t, "rustem", testPassword)
	q := rev.get(t, fmt.Sprintf("/review/kk?doc=%d", k.doc)).must(t, http.StatusOK)
	q.contains(t, "Как перевести «акимат»? &lt;b&gt;срочно&lt;/b&gt;", "Источник уточним к среде.", "about the source")
	if strings.Contains(q.Body, "Is &#39;akimat&#39;") {
		t.Error("the Kazakh review queue shows an English comment")
	}
	// … and the dashboard counts them per document × language.
	kkRow := regexp.MustCompile(`(?s)<span class="tag">kk</span>.*?</tr>`)
	count := func() string {
		row := kkRow.FindString(rev.get(t, "/").must(t, http.StatusOK).Body)
		m := regexp.MustCompile(`class="open-comments" href="([^"]*)">([^<]*)<`).FindStringSubmatch(row)
		if m == nil {
			return ""
		}
		return m[2] + " @ " + strings.ReplaceAll(m[1], "&amp;", "&")
	}
	if got, want := count(), fmt.Sprintf("2 open comments @ /translate/%d/kk?comments=open", k.doc); got != want {
		t.Errorf("the dashboard's kk count: %q, want %q", got, want)
	}
	// The link shows the commented segments only.
	ed := rev.get(t, fmt.Sprintf("/translate/%d/kk?comments=open", k.doc)).must(t, http.StatusOK)
	if n := strings.Count(ed.Body, `<article class="seg"`); n != 1 {
		t.Errorf("the editor's open-comments filter shows %d segments, want 1", n)
	}
	ed.contains(t, "Comments on segment 1.1")
	if !regexp.MustCompile(fmt.Sprintf(`aria-describedby="src-%d st-%d[^"]* cm-%d"`, k.ids[0], k.ids[0], k.ids[0])).MatchString(ed.Body) {
		t.Error("the textarea of a segment with an open comment is not described by the comments")
	}

	// Resolving: not by a translator of another language; by the author, once.
	cid := num(ask["id"])
	ts.call(t, "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", cid), emma, nil).must(t, http.StatusForbidden)
	done := ts.call(t, "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", cid), k.kk, nil).must(t, http.StatusOK).Body
	if done["resolved"] != true || done["resolved_by"] != "aigerim" || done["resolved_at"] == nil {
		t.Errorf("the resolved comment: %v", done)
	}
	ts.call(t, "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", cid), k.kk, nil).must(t, http.StatusConflict)
	ts.call(t, "POST", "/api/v1/comments/999999/resolve", k.kk, nil).must(t, http.StatusNotFound)
	if got, want := count(), fmt.Sprintf("1 open comment @ /translate/%d/kk?comments=open", k.doc); got != want {
		t.Errorf("after resolving, the dashboard's kk count: %q, want %q", got, want)
	}
	hist = ts.call(t, "GET", fmt.Sprintf("/api/v1/segments/%d/translations/kk/history", k.ids[0]), k.kk, nil).must(t, http.StatusOK).Body
	var actions []string
	for _, e := range hist["events"].([]any) {
		actions = append(actions, e.(map[string]any)["action"].(string))
	}
	if got := strings.Join(actions, ","); got != "comment,edit,resolve" {
		t.Errorf("the history's actions: %s, want comment,edit,resolve", got)
	}
}
