package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestReleaseDiff: an edited segment is "changed"; a source revision that
// changes one sentence and adds one shows as changed (source_changed) and added.
func TestReleaseDiff(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk")
	f.approveAll(t, "kk")
	f.publish(t, map[string]string{"lang": "kk"}, http.StatusCreated)
	f.approve(t, "kk", 4, "Жаңа "+f.texts["kk"][4], 2)
	f.publish(t, map[string]string{"lang": "kk"}, http.StatusCreated)

	diff := func(from, to int) map[string]any {
		return ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d/releases/kk/diff?from=%d&to=%d", f.doc, from, to), f.publisher, nil).must(t, 200).Body
	}
	d := diff(1, 2)
	changes := d["changes"].([]any)
	if num(d["changed"]) != 1 || num(d["added"]) != 0 || num(d["removed"]) != 0 || num(d["unchanged"]) != 16 || len(changes) != 1 {
		t.Fatalf("diff 1→2 = %v", d)
	}
	c := changes[0].(map[string]any)
	if c["kind"] != "changed" || int64(num(c["segment"])) != f.ids[4] || c["old_text"] != f.texts["kk"][4][len("Жаңа "):] ||
		c["new_text"] != f.texts["kk"][4] || c["source_changed"] != nil {
		t.Errorf("change = %v", c)
	}
	if d["from"].(map[string]any)["url"] != fmt.Sprintf("%s/releases/%d/kk/1", ts.URL, f.doc) {
		t.Errorf("from = %v", d["from"])
	}

	// Revise the source: sentence 0 changes and a sentence is added at the end.
	text := strings.Replace(announcement(t), f.sources[0], strings.TrimSuffix(f.sources[0], ".")+" и Бишкеке.", 1)
	text = strings.TrimRight(text, "\n") + "\nРегистрация открыта до 20 ноября.\n"
	rev := ts.call(t, "PUT", fmt.Sprintf("/api/v1/documents/%d", f.doc), f.publisher, map[string]any{"text": text, "base_revision": 1}).must(t, 200).Body
	f.ids, f.sources = segmentIDs(t, rev), sourcesOf(rev)
	f.approve(t, "kk", 0, "Алматы мен Бішкекте 1.", stateVersion(t, ts, f, 0))
	f.approve(t, "kk", len(f.ids)-1, "Тіркеу 20 қарашаға дейін ашық.", 0)
	f.publish(t, map[string]string{"lang": "kk"}, http.StatusCreated)
	d = diff(2, 3)
	if num(d["changed"]) != 1 || num(d["added"]) != 1 || num(d["removed"]) != 0 || num(d["unchanged"]) != 16 {
		t.Fatalf("diff 2→3 = %v", d)
	}
	c = d["changes"].([]any)[0].(map[string]any)
	if c["kind"] != "changed" || c["source_changed"] != true || int64(num(c["segment"])) != f.ids[0] || c["new_source"] != f.sources[0] {
		t.Errorf("revised change = %v", c)
	}
	if a := d["changes"].([]any)[1].(map[string]any); a["kind"] != "added" || a["new_text"] != "Тіркеу 20 қарашаға дейін ашық." {
		t.Errorf("added = %v", a)
	}
	// Backwards, the added sentence is removed.
	if d := diff(3, 2); num(d["removed"]) != 1 || num(d["added"]) != 0 {
		t.Errorf("diff 3→2 = %v", d)
	}
}

// stateVersion is the current version of segment i of the fixture in kk.
func stateVersion(t *testing.T, ts *testServer, f *releaseFixture, i int) int {
	t.Helper()
	list := ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d/translations/kk", f.doc), f.admin, nil).must(t, 200).Body
	for _, s := range list["segments"].([]any) {
		m := s.(map[string]any)
		if int64(num(m["id"])) == f.ids[i] {
			return num(m["version"])
		}
	}
	t.Fatalf("segment %d not in the translation list", f.ids[i])
	return 0
}
