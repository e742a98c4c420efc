package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"tilmash/internal/publish"
)

// TestArchiveDocument: an archived document leaves the list and the review
// queue, its release stays public, and unarchiving brings it back; only
// publishers and admins may do either.
func TestArchiveDocument(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk")
	f.approveAll(t, "kk")
	f.publish(t, map[string]any{"langs": []string{"kk"}}, http.StatusCreated)
	// Segment 0 awaits review again: the queue of every document shows it.
	p := fmt.Sprintf("/api/v1/segments/%d/translations/kk", f.ids[0])
	ts.call(t, "PUT", p, f.people["kk"][0], map[string]any{"target": "Жаңа аударма", "version": 2}).must(t, http.StatusOK)
	ctx := context.Background()
	if q, err := ts.App.ReviewQueue(ctx, "kk", 0, 1); err != nil || q.Total != 1 {
		t.Fatalf("review queue before archiving: %d items, %v; want 1", q.Total, err)
	}
	path := fmt.Sprintf("/api/v1/documents/%d", f.doc)
	ts.call(t, "POST", path+"/archive", f.people["kk"][1], nil).must(t, http.StatusForbidden)

	doc := ts.call(t, "POST", path+"/archive", f.publisher, nil).must(t, http.StatusOK).Body
	if doc["archived_at"] == nil {
		t.Errorf("archived document answers no archived_at: %v", doc)
	}
	ts.call(t, "POST", path+"/archive", f.admin, nil).must(t, http.StatusOK) // again: nothing changes
	if ids := listedIDs(t, ts, f.publisher, ""); len(ids) != 0 {
		t.Errorf("documents in use after archiving: %v, want none", ids)
	}
	if ids := listedIDs(t, ts, f.publisher, "?archived=true"); len(ids) != 1 || ids[0] != f.doc {
		t.Errorf("archived documents %v, want [%d]", ids, f.doc)
	}
	if q, err := ts.App.ReviewQueue(ctx, "kk", 0, 1); err != nil || q.Total != 0 {
		t.Errorf("review queue of every document with it archived: %d items, %v; want 0", q.Total, err)
	}
	if q, err := ts.App.ReviewQueue(ctx, "kk", f.doc, 1); err != nil || q.Total != 1 {
		t.Errorf("review queue of the archived document itself: %d items, %v; want 1", q.Total, err)
	}
	b := ts.browser(t)
	for _, n := range []string{"1", "latest"} {
		if pg := b.get(t, publish.ReleasePath(f.doc, "kk", n)); pg.Status != http.StatusOK {
			t.Errorf("release %s of an archived document: status %d, want 200", n, pg.Status)
		}
	}

	doc = ts.call(t, "POST", path+"/unarchive", f.publisher, nil).must(t, http.StatusOK).Body
	if _, ok := doc["archived_at"]; ok {
		t.Errorf("unarchived document still answers archived_at: %v", doc["archived_at"])
	}
	if ids := listedIDs(t, ts, f.publisher, ""); len(ids) != 1 || ids[0] != f.doc {
		t.Errorf("documents in use after unarchiving: %v, want [%d]", ids, f.doc)
	}
	ts.call(t, "POST", "/api/v1/documents/999999/archive", f.publisher, nil).must(t, http.StatusNotFound)
}

// TestDeleteDocument: deleting a document never released removes every row
// it had in every table of the schema, in one go, and keeps the memory its
// approvals made; a document with a release is refused with 409.
func TestDeleteDocument(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk", "en")
	kept := f.doc // released below: it stays
	f.approveAll(t, "kk")
	f.publish(t, map[string]any{"langs": []string{"kk"}}, http.StatusCreated)
	before := census(t, ts)

	// A second document with a revision, saves, approvals (into the memory),
	// a rejection and history in two languages.
	doc := ts.call(t, "POST", "/api/v1/documents", f.publisher, map[string]string{
		"title": "Черновик", "text": "Первое предложение. Второе предложение.\n\nТретий абзац."}).must(t, http.StatusCreated).Body
	id := int64(num(doc["id"]))
	ts.call(t, "PUT", fmt.Sprintf("/api/v1/documents/%d", id), f.publisher, map[string]any{
		"text": "Первое предложение. Второе, исправленное.\n\nТретий абзац.", "base_revision": 1}).must(t, http.StatusOK)
	cur := ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", id), f.publisher, nil).must(t, http.StatusOK).Body
	ids := segmentIDs(t, cur)
	for _, lang := range []string{"kk", "en"} {
		for i, sid := range ids {
			p := fmt.Sprintf("/api/v1/segments/%d/translations/%s", sid, lang)
			ts.call(t, "PUT", p, f.people[lang][0], map[string]any{"target": fakeTarget(lang, "x", i), "version": 0}).must(t, http.StatusOK)
			action, body := "/approve", map[string]any{"version": 1}
			if i == 1 {
				action, body = "/reject", map[string]any{"version": 1, "comment": "Неточно"}
			}
			ts.call(t, "POST", p+action, f.people[lang][1], body).must(t, http.StatusOK)
		}
	}
	// A question about a sentence: the comments go with the document too.
	ts.call(t, "POST", fmt.Sprintf("/api/v1/segments/%d/comments?lang=kk", ids[0]), f.people["kk"][0],
		map[string]string{"text": "Бұл термин дұрыс па?"}).must(t, http.StatusCreated)
	during := census(t, ts)
	if during["comments"] != before["comments"]+1 {
		t.Fatalf("comments: %d before, %d after one was written", before["comments"], during["comments"])
	}
	if during["memory_entries"] <= before["memory_entries"] {
		t.Fatalf("the approvals made no memory entries (%d before, %d after)", before["memory_entries"], during["memory_entries"])
	}

	path := fmt.Sprintf("/api/v1/documents/%d", id)
	ts.call(t, "DELETE", path, f.people["kk"][0], nil).must(t, http.StatusForbidden)
	res := ts.call(t, "DELETE", path, f.publisher, nil).must(t, http.StatusOK).Body
	if num(res["id"]) != int(id) || res["removed"] == nil {
		t.Errorf("delete answered %v", res)
	}
	after := census(t, ts)
	for table, n := range after {
		want := before[table]
		if table == "memory_entries" || table == "changes" { // the memory stays, and so does its change log
			want = during[table]
		}
		if n != want {
			t.Errorf("%s: %d rows after the deletion, want %d (before the document %d, with it %d)", table, n, want,
				before[table], during[table])
		}
	}
	if len(after) != len(before) {
		t.Errorf("tables before %d, after %d", len(before), len(after))
	}
	ts.call(t, "GET", path, f.publisher, nil).must(t, http.StatusNotFound)
	ts.call(t, "DELETE", path, f.publisher, nil).must(t, http.StatusNotFound)

	refused := ts.call(t, "DELETE", fmt.Sprintf("/api/v1/documents/%d", kept), f.admin, nil).must(t, http.StatusConflict).Body
	if refused["code"] != "conflict" || num(refused["releases"]) != 1 || !strings.Contains(refused["error"].(string), "archive") {
		t.Errorf("delete of a released document answered %v", refused)
	}
	ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", kept), f.publisher, nil).must(t, http.StatusOK)
	if pg := ts.browser(t).get(t, publish.ReleasePath(kept, "kk", "latest")); pg.Status != http.StatusOK {
		t.Errorf("release after a refused deletion: status %d", pg.Status)
	}
}

// census counts the rows of every table.
func census(t *testing.T, ts *testServer) map[string]int64 {
	t.Helper()
	counts, err := ts.Store.TableCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]int64, len(counts))
	for _, c := range counts {
		out[c.Table] = c.Rows
	}
	return out
}

// listedIDs lists the ids of the documents GET /api/v1/documents+query answers.
func listedIDs(t *testing.T, ts *testServer, token, query string) []int64 {
	t.Helper()
	body := ts.call(t, "GET", "/api/v1/documents"+query, token, nil).must(t, http.StatusOK).Body
	var out []int64
	for _, d := range body["documents"].([]any) {
		out = append(out, int64(num(d.(map[string]any)["id"])))
	}
	return out
}
