package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestRevisionKeepsFinishedWork: a new source revision with one sentence
// changed, two paragraphs swapped and one sentence split in two keeps every
// untouched approved translation and outdates only what changed.
func TestRevisionKeepsFinishedWork(t *testing.T) {
	ts := startServer(t)
	publisher := ts.user(t, "press", "publisher")
	kkT, kkR := ts.user(t, "aigerim", "translator:kk"), ts.user(t, "bolat", "reviewer:kk")
	enT, enR := ts.user(t, "emma", "translator:en"), ts.user(t, "daniel", "reviewer:en")
	text := announcement(t)
	doc := ts.call(t, "POST", "/api/v1/documents", publisher, map[string]string{"title": "t", "text": text}).must(t, 201).Body
	docPath := fmt.Sprintf("/api/v1/documents/%d", num(doc["id"]))
	oldIDs := segmentIDs(t, doc)
	sources := map[int64]string{}
	for _, s := range doc["segments"].([]any) {
		m := s.(map[string]any)
		sources[int64(num(m["id"]))] = m["source"].(string)
	}
	targets := map[string]map[int64]string{"kk": {}, "en": {}}
	for _, lang := range []struct{ tag, tr, rv string }{{"kk", kkT, kkR}, {"en", enT, enR}} {
		for i, id := range oldIDs {
			p := fmt.Sprintf("/api/v1/segments/%d/translations/%s", id, lang.tag)
			targets[lang.tag][id] = fakeTarget(lang.tag, sources[id], i)
			ts.call(t, "PUT", p, lang.tr, map[string]any{"target": targets[lang.tag][id], "version": 0}).must(t, 200)
			ts.call(t, "POST", p+"/approve", lang.rv, map[string]any{"version": 1}).must(t, 200)
		}
	}
	ts.call(t, "POST", docPath+"/releases", publisher, map[string]string{"lang": "kk"}).must(t, 201)

	// The revision: paragraph 5 and 6 swap; a sentence of paragraph 2 changes;
	// the first sentence of paragraph 10 is split in two.
	paras := strings.Split(strings.TrimRight(text, "\n"), "\n")
	paras[4], paras[5] = paras[5], paras[4]
	changed := "С 27 по 30 ноября пройдет семинар"
	paras[1] = strings.Replace(paras[1], "С 27 по 29 ноября пройдет семинар", changed, 1)
	paras[9] = strings.Replace(paras[9], "(25-27 сентября 2015 г.) государства-члены ООН приняли", "(25-27 сентября 2015 г.) собрались государства-члены ООН. Они приняли", 1)
	rev := ts.call(t, "PUT", docPath, publisher, map[string]any{"text": strings.Join(paras, "\n"), "base_revision": 1}).must(t, 200).Body
	if num(rev["revision"]) != 2 {
		t.Fatalf("revision = %v, want 2", rev["revision"])
	}
	newIDs := segmentIDs(t, rev)
	if len(newIDs) != 18 {
		t.Fatalf("%d segments after the split, want 18", len(newIDs))
	}
	kept := map[int64]bool{}
	for _, id := range newIDs {
		if _, ok := sources[id]; ok {
			kept[id] = true
		}
	}
	if len(kept) != 15 {
		t.Errorf("%d segments kept their id, want 15 (17 minus the changed one and the split one)", len(kept))
	}

	for _, lang := range []string{"kk", "en"} {
		list := ts.call(t, "GET", docPath+"/translations/"+lang, kkR, nil).must(t, 200).Body["segments"].([]any)
		outdated := 0
		for _, s := range list {
			m := s.(map[string]any)
			id := int64(num(m["id"]))
			switch {
			case kept[id]:
				if m["state"] != "approved" || m["target"] != targets[lang][id] {
					t.Errorf("%s: kept segment %d is %v %q", lang, id, m["state"], m["target"])
				}
			default:
				outdated++
				prev, _ := m["previous_source"].(string)
				if m["state"] != "outdated" || prev == "" || prev == m["source"] || m["target"] == "" {
					t.Errorf("%s: changed segment %d: state %v, previous_source %q, target %q", lang, id, m["state"], prev, m["target"])
				}
			}
		}
		if outdated != 3 {
			t.Errorf("%s: %d outdated segments, want 3 (one changed sentence, two halves of a split one)", lang, outdated)
		}
	}

	// The kk release is refused until the three are approved again.
	refused := ts.call(t, "POST", docPath+"/releases", publisher, map[string]string{"lang": "kk"}).must(t, http.StatusConflict).Body
	if n := len(refused["unapproved"].([]any)); n != 3 {
		t.Fatalf("%d unapproved, want 3", n)
	}
	newSources := sourcesOf(rev)
	for i, id := range newIDs {
		if kept[id] {
			continue
		}
		p := fmt.Sprintf("/api/v1/segments/%d/translations/kk", id)
		ts.call(t, "PUT", p, kkT, map[string]any{"target": "Жаңа " + fakeTarget("kk", newSources[i], i), "version": 1}).must(t, 200)
		ts.call(t, "POST", p+"/approve", kkR, map[string]any{"version": 2}).must(t, 200)
		// The history shows the old segment's life too.
		h := ts.call(t, "GET", p+"/history", kkR, nil).must(t, 200).Body["events"].([]any)
		if len(h) != 5 || h[2].(map[string]any)["action"] != "outdate" {
			t.Errorf("history of %d: %v", id, h)
		}
	}
	rel := ts.call(t, "POST", docPath+"/releases", publisher, map[string]string{"lang": "kk"}).must(t, 201).Body["release"].(map[string]any)
	if num(rel["number"]) != 2 || num(rel["revision"]) != 2 {
		t.Errorf("release %v of revision %v, want 2 of 2", rel["number"], rel["revision"])
	}
	// Release 1 still shows revision 1's text.
	old := get(t, strings.Replace(rel["url"].(string), "/2", "/1", 1)+".json", 200)
	if !strings.Contains(old, `"revision": 1`) {
		t.Errorf("release 1 changed: %.200s", old)
	}
	// An unchanged text makes no new revision.
	same := ts.call(t, "PUT", docPath, publisher, map[string]any{"text": strings.Join(paras, "\n"), "base_revision": 2}).must(t, 200).Body
	if num(same["revision"]) != 2 {
		t.Errorf("resubmitting the same text made revision %v", same["revision"])
	}
}

// TestImportWarnings: the announcement's hygiene problems come back at their paragraphs.
func TestImportWarnings(t *testing.T) {
	ts := startServer(t)
	admin := ts.user(t, "root", "admin")
	doc := ts.call(t, "POST", "/api/v1/documents", admin, map[string]string{"title": "t", "text": announcement(t)}).must(t, 201).Body
	got := map[string][]int{}
	for _, w := range doc["warnings"].([]any) {
		m := w.(map[string]any)
		got[m["kind"].(string)] = append(got[m["kind"].(string)], num(m["paragraph"]))
		if m["message"] == "" {
			t.Errorf("warning without message: %v", m)
		}
	}
	want := map[string]int{"combining_mark": 8, "missing_space": 10, "mixed_script": 4, "unbalanced_quotes": 9}
	for kind, para := range want {
		found := false
		for _, p := range got[kind] {
			found = found || p == para
		}
		if !found {
			t.Errorf("no %s warning in paragraph %d (got %v)", kind, para, got)
		}
	}
}
