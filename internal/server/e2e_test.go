package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// TestWholePath walks issue 2's acceptance: import, translate, four-eyes
// review, stale save, refused and accepted release, public pages.
func TestWholePath(t *testing.T) {
	ts := startServer(t)
	publisher := ts.user(t, "press", "publisher")
	aigerim := ts.user(t, "aigerim", "translator:kk", "reviewer:kk")
	bolat := ts.user(t, "bolat", "reviewer:kk")
	enOnly := ts.user(t, "emma", "translator:en")

	doc := ts.call(t, "POST", "/api/v1/documents", publisher, map[string]string{
		"title": "Семинар в Алматы", "text": announcement(t)}).must(t, http.StatusCreated).Body
	ids := segmentIDs(t, doc)
	if len(ids) != 17 || num(doc["revision"]) != 1 {
		t.Fatalf("imported %d segments in revision %v, want 17 in revision 1", len(ids), doc["revision"])
	}
	docPath := fmt.Sprintf("/api/v1/documents/%d", num(doc["id"]))
	seg := func(i int, action string) string {
		p := fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[i])
		if action != "" {
			p += "/" + action
		}
		return p
	}
	sources := sourcesOf(doc)
	kkText := func(i int) string { return fakeTarget("kk", sources[i], i) }

	// The translator saves segment 0; version 0 is the untranslated base.
	saved := ts.call(t, "PUT", seg(0, ""), aigerim, map[string]any{"target": kkText(0), "version": 0}).must(t, 200).Body
	if saved["state"] != "translated" || num(saved["version"]) != 1 || saved["author"] != "aigerim" ||
		num(saved["paragraph"]) != 1 || num(saved["position"]) != 1 {
		t.Fatalf("after save: %v", saved)
	}
	// An English translator may not write Kazakh.
	ts.call(t, "PUT", seg(0, ""), enOnly, map[string]any{"target": "x", "version": 1}).must(t, http.StatusForbidden)
	// The author may not approve her own text, even holding the reviewer role.
	ts.call(t, "POST", seg(0, "approve"), aigerim, map[string]any{"version": 1}).must(t, http.StatusForbidden)
	// Another reviewer approves.
	ap := ts.call(t, "POST", seg(0, "approve"), bolat, map[string]any{"version": 1}).must(t, 200).Body
	if ap["state"] != "approved" || num(ap["version"]) != 2 {
		t.Fatalf("after approve: %v", ap)
	}
	// A save from the stale version 1 conflicts and returns the current text.
	conflict := ts.call(t, "PUT", seg(0, ""), aigerim, map[string]any{"target": "басқа", "version": 1}).must(t, http.StatusConflict).Body
	cur := conflict["current"].(map[string]any)
	if cur["target"] != kkText(0) || cur["state"] != "approved" || num(cur["version"]) != 2 || conflict["code"] != "conflict" {
		t.Fatalf("conflict body: %v", conflict)
	}

	// Release refused while 16 segments are not approved.
	refused := ts.call(t, "POST", docPath+"/releases", publisher, map[string]string{"lang": "kk"}).must(t, http.StatusConflict).Body
	if un := refused["unapproved"].([]any); len(un) != 16 || int64(num(un[0])) != ids[1] {
		t.Fatalf("unapproved = %v, want the 16 ids after %d", refused["unapproved"], ids[0])
	}
	// Translators may not publish.
	ts.call(t, "POST", docPath+"/releases", aigerim, map[string]string{"lang": "kk"}).must(t, http.StatusForbidden)

	for i := 1; i < 17; i++ {
		ts.call(t, "PUT", seg(i, ""), aigerim, map[string]any{"target": kkText(i), "version": 0}).must(t, 200)
		ts.call(t, "POST", seg(i, "approve"), bolat, map[string]any{"version": 1}).must(t, 200)
	}
	counts := ts.call(t, "GET", docPath, bolat, nil).must(t, 200).Body["languages"].(map[string]any)["kk"].(map[string]any)
	if num(counts["approved"]) != 17 || num(counts["untranslated"]) != 0 {
		t.Fatalf("kk counts = %v", counts)
	}
	rel := ts.call(t, "POST", docPath+"/releases", publisher, map[string]string{"lang": "kk"}).must(t, http.StatusCreated).Body["release"].(map[string]any)
	if rel["lang"] != "kk" || num(rel["number"]) != 1 {
		t.Fatalf("release = %v", rel)
	}
	page := get(t, rel["url"].(string), http.StatusOK)
	if !strings.Contains(page, `<html lang="kk" dir="ltr">`) {
		t.Errorf("kk page lacks lang/dir: %.300s", page)
	}
	for i := range 17 {
		if !strings.Contains(page, kkText(i)) {
			t.Errorf("kk page lacks segment %d text %q", i, kkText(i))
		}
	}
	if txt := get(t, rel["url"].(string)+".txt", http.StatusOK); !strings.Contains(txt, kkText(16)) {
		t.Errorf("kk .txt lacks the last segment: %s", txt)
	}
	if js := get(t, rel["url"].(string)+".json", http.StatusOK); !strings.Contains(js, `"lang": "kk"`) {
		t.Errorf("kk .json: %s", js)
	}

	// An edit after release makes release 2 possible; release 1 keeps its text.
	ts.call(t, "PUT", seg(0, ""), aigerim, map[string]any{"target": "Түзетілген " + kkText(0), "version": 2}).must(t, 200)
	ts.call(t, "POST", seg(0, "approve"), bolat, map[string]any{"version": 3}).must(t, 200)
	rel2 := ts.call(t, "POST", docPath+"/releases", publisher, map[string]string{"lang": "kk"}).must(t, http.StatusCreated).Body["release"].(map[string]any)
	if num(rel2["number"]) != 2 {
		t.Fatalf("second release number %v", rel2["number"])
	}
	if p1 := get(t, rel["url"].(string), 200); !strings.Contains(p1, kkText(0)) || strings.Contains(p1, "Түзетілген") {
		t.Error("release 1 changed after release 2")
	}
	if latest := get(t, rel2["latest_url"].(string), 200); !strings.Contains(latest, "Түзетілген") {
		t.Error("latest does not show release 2")
	}

	// Arabic: right to left.
	arT := ts.user(t, "amal", "translator:ar")
	arR := ts.user(t, "omar", "reviewer:ar")
	for i, id := range ids {
		p := fmt.Sprintf("/api/v1/segments/%d/translations/ar", id)
		ts.call(t, "PUT", p, arT, map[string]any{"target": fakeTarget("ar", sources[i], i), "version": 0}).must(t, 200)
		ts.call(t, "POST", p+"/approve", arR, map[string]any{"version": 1}).must(t, 200)
	}
	arRel := ts.call(t, "POST", docPath+"/releases", publisher, map[string]string{"lang": "ar"}).must(t, http.StatusCreated).Body["release"].(map[string]any)
	arPage := get(t, arRel["url"].(string), 200)
	if !strings.Contains(arPage, `dir="rtl"`) || !strings.Contains(arPage, `hreflang="kk"`) {
		t.Errorf("ar page: %.400s", arPage)
	}

	hist := ts.call(t, "GET", seg(0, "history"), bolat, nil).must(t, 200).Body["events"].([]any)
	var actions []string
	for _, e := range hist {
		ev := e.(map[string]any)
		actions = append(actions, fmt.Sprintf("%s:%s>%s by %s", ev["action"], ev["from"], ev["to"], ev["actor"]))
	}
	want := "edit:untranslated>translated by aigerim|approve:translated>approved by bolat|edit:approved>translated by aigerim|approve:translated>approved by bolat"
	if got := strings.Join(actions, "|"); got != want {
		t.Errorf("history:\n got %s\nwant %s", got, want)
	}
	list := ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d/releases", num(doc["id"])), bolat, nil).must(t, 200).Body["releases"].([]any)
	if len(list) != 3 {
		t.Errorf("%d releases listed, want 3", len(list))
	}
}

// TestConcurrentSaves: 50 writers from the same base version, one wins.
func TestConcurrentSaves(t *testing.T) {
	ts := startServer(t)
	admin := ts.user(t, "root", "admin")
	doc := ts.call(t, "POST", "/api/v1/documents", admin, map[string]string{"title": "t", "text": announcement(t)}).must(t, 201).Body
	path := fmt.Sprintf("/api/v1/segments/%d/translations/kk", segmentIDs(t, doc)[3])
	const writers = 50
	statuses := make([]int, writers)
	// The writers report failures here; only the test's goroutine may end the test.
	errs := make([]error, writers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			res, err := ts.send("PUT", path, admin, map[string]any{"target": fmt.Sprintf("нұсқа %d", i), "version": 0})
			statuses[i], errs[i] = res.Status, err
		}()
	}
	close(start)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("writers failed to get an answer: %v", err)
	}
	ok, conflicts := 0, 0
	for _, s := range statuses {
		switch s {
		case 200:
			ok++
		case 409:
			conflicts++
		}
	}
	if ok != 1 || conflicts != writers-1 {
		t.Fatalf("%d succeeded, %d conflicted (statuses %v); want 1 and %d", ok, conflicts, statuses, writers-1)
	}
	hist := ts.call(t, "GET", path+"/history", admin, nil).must(t, 200).Body["events"].([]any)
	if len(hist) != 1 {
		t.Fatalf("history has %d events, want 1", len(hist))
	}
}

func get(t *testing.T, url string, status int) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != status {
		t.Fatalf("GET %s: status %d, want %d: %s", url, res.StatusCode, status, b)
	}
	return string(b)
}
