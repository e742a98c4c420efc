package server

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// segmentAttrs is what the editor page says of segment id: its state and
// what the person may do with it, as "state edit approve reject clear".
func segmentAttrs(t *testing.T, body string, id int64) string {
	t.Helper()
	m := regexp.MustCompile(fmt.Sprintf(`<article class="seg" id="seg-%d"[^>]*>`, id)).FindString(body)
	if m == "" {
		t.Fatalf("no segment %d on the page", id)
	}
	var out []string
	for _, a := range []string{"state", "edit", "approve", "reject", "clear"} {
		v := regexp.MustCompile(`data-` + a + `="([^"]*)"`).FindStringSubmatch(m)
		if v == nil {
			t.Fatalf("segment %d has no data-%s: %s", id, a, m)
		}
		out = append(out, v[1])
	}
	return strings.Join(out, " ")
}

// TestUIEditorPermissions: the editor page carries, on each segment, what
// workflow allows the signed-in person to do with it and why not, and the
// API's addresses on the editor; the Clear button follows the permission.
func TestUIEditorPermissions(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	bolat := ts.person(t, "bolat", testPassword, "reviewer:kk")
	docID, ids, sources := ts.importAnnouncement(t, pub)
	// Segment 5 is to fail the checks, so it takes the sentence with numbers (2).
	ids[2], ids[5] = ids[5], ids[2]
	sources[2], sources[5] = sources[5], sources[2]
	seg := func(i int) string { return fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[i]) }
	save := func(tok string, i, version int) {
		ts.call(t, "PUT", seg(i), tok, map[string]any{"target": fakeTarget("kk", sources[i], i), "version": version}).must(t, http.StatusOK)
	}
	save(kk, 0, 0)    // 0: translated by aigerim
	save(bolat, 1, 0) // 1: translated by bolat
	save(kk, 2, 0)    // 2: approved
	ts.call(t, "POST", seg(2)+"/approve", bolat, map[string]any{"version": 1}).must(t, http.StatusOK)
	save(kk, 3, 0) // 3: rejected
	ts.call(t, "POST", seg(3)+"/reject", bolat, map[string]any{"version": 1, "comment": "Терминді тексеріңіз"}).must(t, http.StatusOK)
	// 4: untranslated. 5: translated, and its text fails the checks (the source's numbers are missing).
	ts.call(t, "PUT", seg(5), kk, map[string]any{"target": "Мәтін", "version": 0}).must(t, http.StatusOK)
	editor := fmt.Sprintf("/translate/%d/kk", docID)

	tests := []struct {
		who  string
		want []string // segments 0..5
	}{
		{"aigerim", []string{
			"translated ok no_role no_role ok",
			"translated ok no_role no_role ok",
			"approved ok no_role no_role already_approved",
			"rejected ok no_role no_role ok",
			"untranslated ok no_role no_role not_translated",
			"translated ok no_role no_role ok",
		}},
		{"bolat", []string{
			"translated ok ok ok ok",
			"translated ok own_text own_text ok",
			"approved ok already_approved ok already_approved",
			"rejected ok ok already_rejected ok",
			"untranslated ok not_translated not_translated not_translated",
			"translated ok qa_blocked ok ok",
		}},
		{"press", []string{
			"translated no_role no_role no_role no_role",
			"translated no_role no_role no_role no_role",
			"approved no_role no_role no_role no_role",
			"rejected no_role no_role no_role no_role",
			"untranslated no_role no_role no_role no_role",
			"translated no_role no_role no_role no_role",
		}},
	}
	for _, tt := range tests {
		b := ts.browser(t)
		b.signIn(t, tt.who, testPassword)
		body := b.get(t, editor).must(t, http.StatusOK).Body
		for i, want := range tt.want {
			if got := segmentAttrs(t, body, ids[i]); got != want {
				t.Errorf("%s, segment %d: %s, want %s", tt.who, i, got, want)
			}
		}
		if tt.who == "aigerim" {
			// Clear shows where it is allowed, and only there.
			for i, shown := range []bool{true, true, false, true, false, true} {
				button := regexp.MustCompile(fmt.Sprintf(`(?s)id="seg-%d".*?<button type="button" class="clear"[^>]*?( hidden)?>`, ids[i])).FindStringSubmatch(body)
				if button == nil || (button[1] == "") != shown {
					t.Errorf("segment %d: Clear button %q, want shown %v", i, button, shown)
				}
			}
			b.get(t, editor).contains(t,
				`data-save-url="/api/v1/segments/:id/translations/kk"`,
				`data-clear-url="/api/v1/segments/:id/translations/kk/clear"`,
				`data-history-url="/api/v1/segments/:id/translations/kk/history"`,
				`data-glossary-url="/api/v1/segments/:id/glossary?lang=kk"`,
				`data-suggestions-url="/api/v1/segments/:id/suggestions?lang=kk"`,
				`data-memory-search-url="/api/v1/tm/kk/search"`,
				`data-filtered="false"`)
			b.get(t, editor+"?state=open").contains(t, `data-filtered="true"`)
		}
	}
}

// TestAPIAnswerCarriesPermissions: an action's answer, and a stale action's
// conflict, say whether the translation is open and what the caller may do next.
func TestAPIAnswerCarriesPermissions(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	bolat := ts.person(t, "bolat", testPassword, "reviewer:kk")
	_, ids, sources := ts.importAnnouncement(t, pub)
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[0])
	text := fakeTarget("kk", sources[0], 0)
	actions := func(body map[string]any) string {
		a, _ := body["actions"].(map[string]any)
		var out []string
		for _, k := range []string{"edit", "approve", "reject", "clear"} {
			p, _ := a[k].(map[string]any)
			if p["allowed"] == true {
				out = append(out, "ok")
			} else {
				out = append(out, fmt.Sprint(p["reason"]))
			}
		}
		return fmt.Sprintf("open=%v %s", body["open"], strings.Join(out, " "))
	}
	steps := []struct {
		what        string
		method, act string
		token       string
		body        map[string]any
		status      int
		want        string
	}{
		{"a translator's save", "PUT", "", kk, map[string]any{"target": text, "version": 0}, 200, "open=false ok no_role no_role ok"},
		{"the reviewer's approve", "POST", "/approve", bolat, map[string]any{"version": 1}, 200, "open=false ok already_approved ok already_approved"},
		{"the reviewer's reject", "POST", "/reject", bolat, map[string]any{"version": 2, "comment": "Қайта қараңыз"}, 200, "open=true ok ok already_rejected ok"},
		{"the reviewer's own save", "PUT", "", bolat, map[string]any{"target": text + " Түзетілді.", "version": 3}, 200, "open=false ok own_text own_text ok"},
		{"the translator's clear", "POST", "/clear", kk, map[string]any{"version": 4}, 200, "open=true ok no_role no_role not_translated"},
	}
	for _, s := range steps {
		res := ts.call(t, s.method, seg+s.act, s.token, s.body).must(t, s.status)
		if got := actions(res.Body); got != s.want {
			t.Errorf("%s: %s, want %s", s.what, got, s.want)
		}
	}
	// A stale save: the conflict's current translation says the same.
	conflict := ts.call(t, "PUT", seg, kk, map[string]any{"target": "ескі", "version": 3}).must(t, http.StatusConflict).Body
	if got := actions(conflict["current"].(map[string]any)); got != "open=true ok no_role no_role not_translated" {
		t.Errorf("conflict's current: %s", got)
	}
	// A refusal names its reason.
	refused := ts.call(t, "POST", seg+"/clear", kk, map[string]any{"version": 5}).must(t, http.StatusConflict).Body
	if refused["reason"] != "not_translated" || refused["code"] != "conflict" {
		t.Errorf("clear of an untranslated segment: %v", refused)
	}
}

// TestUIReviewPermissions: the queue offers approve and reject only where
// workflow allows them, says why not, and asks a reason where checks failed.
func TestUIReviewPermissions(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	bolat := ts.person(t, "bolat", testPassword, "reviewer:kk")
	docID, ids, sources := ts.importAnnouncement(t, pub)
	seg := func(i int) string { return fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[i]) }
	ts.call(t, "PUT", seg(0), kk, map[string]any{"target": fakeTarget("kk", sources[0], 0), "version": 0}).must(t, http.StatusOK)
	ts.call(t, "PUT", seg(1), bolat, map[string]any{"target": fakeTarget("kk", sources[1], 1), "version": 0}).must(t, http.StatusOK)
	ts.call(t, "PUT", seg(2), kk, map[string]any{"target": "Мәтін", "version": 0}).must(t, http.StatusOK) // fails the checks
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "bolat", testPassword)
	body := b.get(t, fmt.Sprintf("/review/kk?doc=%d", docID)).must(t, http.StatusOK).Body
	item := func(i int) string {
		m := regexp.MustCompile(fmt.Sprintf(`(?s)<li class="item" id="item-%d".*?(?:<li class="item"|</ol>)`, ids[i])).FindString(body)
		if m == "" {
			t.Fatalf("no item %d", i)
		}
		return m
	}
	tests := []struct {
		i                         int
		approve, override, reject bool
		note                      string
	}{
		{0, true, false, true, ""},
		{1, false, false, false, "another reviewer approves it"},
		{2, true, true, true, ""},
	}
	for _, tt := range tests {
		it := item(tt.i)
		got := [3]bool{strings.Contains(it, `class="approve"`), strings.Contains(it, `name="override"`), strings.Contains(it, `class="reject"`)}
		if got != [3]bool{tt.approve, tt.override, tt.reject} {
			t.Errorf("item %d: approve, override, reject = %v, want %v", tt.i, got, [3]bool{tt.approve, tt.override, tt.reject})
		}
		if tt.note != "" && !strings.Contains(it, tt.note) {
			t.Errorf("item %d does not say %q: %s", tt.i, tt.note, it)
		}
		if tt.approve && !strings.Contains(it, fmt.Sprintf(`action="/review/kk/%d/approve"`, ids[tt.i])) {
			t.Errorf("item %d: the approve form's action is wrong: %s", tt.i, it)
		}
	}
}
