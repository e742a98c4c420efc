package server

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

// TestDocumentListPages: 60 documents come 50 to a page, newest activity
// first; a search finds a document by a word of its text in any case, in
// Cyrillic; lang narrows the counts; filters select the work left.
func TestDocumentListPages(t *testing.T) {
	ts := startServer(t)
	pub := ts.user(t, "press", "publisher")
	tr := ts.user(t, "tr-kk", "translator:kk")
	rv := ts.user(t, "rv-kk", "reviewer:kk")
	var ids []int64
	for i := range 60 {
		text := fmt.Sprintf("Документ номер %d.", i)
		if i == 7 {
			text = "Совещание в городе ЖАМБЫЛ состоится завтра."
		}
		doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{
			"title": fmt.Sprintf("Объявление %d", i), "text": text}).must(t, http.StatusCreated).Body
		ids = append(ids, int64(num(doc["id"])))
	}
	// Work on document 3 makes it the newest activity; it is then all approved in kk.
	seg := segmentIDs(t, ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", ids[3]), pub, nil).must(t, 200).Body)[0]
	p := fmt.Sprintf("/api/v1/segments/%d/translations/kk", seg)
	ts.call(t, "PUT", p, tr, map[string]any{"target": "Құжат нөмірі 3.", "version": 0}).must(t, http.StatusOK)
	ts.call(t, "POST", p+"/approve", rv, map[string]any{"version": 1}).must(t, http.StatusOK)

	page1 := ts.call(t, "GET", "/api/v1/documents", tr, nil).must(t, http.StatusOK).Body
	docs := page1["documents"].([]any)
	if len(docs) != 50 || num(page1["total"]) != 60 || num(page1["page"]) != 1 || num(page1["pages"]) != 2 || num(page1["per_page"]) != 50 {
		t.Fatalf("page 1: %d documents, total %v, page %v of %v, per page %v", len(docs), page1["total"], page1["page"],
			page1["pages"], page1["per_page"])
	}
	first := docs[0].(map[string]any)
	if int64(num(first["id"])) != ids[3] {
		t.Errorf("first document %v, want %d (the newest activity)", first["id"], ids[3])
	}
	if second := docs[1].(map[string]any); int64(num(second["id"])) != ids[59] {
		t.Errorf("second document %v, want %d (the newest import)", second["id"], ids[59])
	}
	if langs := first["languages"].(map[string]any); len(langs) != 10 {
		t.Errorf("languages without lang: %d, want every target language", len(langs))
	}
	page2 := ts.call(t, "GET", "/api/v1/documents?page=2", tr, nil).must(t, http.StatusOK).Body
	if n := len(page2["documents"].([]any)); n != 10 || num(page2["page"]) != 2 {
		t.Errorf("page 2: %d documents, page %v; want 10 on page 2", n, page2["page"])
	}
	past := ts.call(t, "GET", "/api/v1/documents?page=9", tr, nil).must(t, http.StatusOK).Body
	if n := len(past["documents"].([]any)); n != 10 || num(past["page"]) != 2 {
		t.Errorf("page 9: %d documents, page %v; want the last page (2)", n, past["page"])
	}

	kk := ts.call(t, "GET", "/api/v1/documents?lang=KK&page=1", tr, nil).must(t, http.StatusOK).Body
	langs := kk["documents"].([]any)[0].(map[string]any)["languages"].(map[string]any)
	if len(langs) != 1 || langs["kk"] == nil || fmt.Sprint(kk["langs"]) != "[kk]" {
		t.Errorf("lang=KK: languages %v, langs %v; want kk alone", langs, kk["langs"])
	}

	for _, tc := range []struct {
		query string
		want  []int64
	}{
		{"q=" + url.QueryEscape("жамбыл"), []int64{ids[7]}},
		{"q=" + url.QueryEscape("Жамбыл завтра"), []int64{ids[7]}},
		{"q=" + url.QueryEscape("жамбыл вчера"), nil},
		{"q=" + url.QueryEscape("ОБЪЯВЛЕНИЕ 42"), []int64{ids[42]}},
		{"q=" + url.QueryEscape("номер 59."), []int64{ids[59]}},
		{"filter=ready&lang=kk", []int64{ids[3]}},
		{"filter=ready&lang=en", nil},
		{"archived=true", nil},
	} {
		got := listedIDs(t, ts, tr, "?"+tc.query)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("?%s: %v, want %v", tc.query, got, tc.want)
		}
	}
	for _, tc := range []struct {
		query string
		total int
	}{
		{"filter=needs_work&lang=kk", 59},         // all but document 3
		{"filter=needs_work&lang=kk&lang=en", 60}, // document 3 is not approved in English
		{"filter=needs_work", 60},                 // every language
		{"filter=ready&lang=kk&q=" + url.QueryEscape("объявление"), 1},
	} {
		body := ts.call(t, "GET", "/api/v1/documents?"+tc.query, tr, nil).must(t, http.StatusOK).Body
		if num(body["total"]) != tc.total {
			t.Errorf("?%s: total %v, want %d", tc.query, body["total"], tc.total)
		}
	}
	for _, bad := range []string{"page=0", "page=x", "archived=maybe", "lang=xx", "filter=mine"} {
		res := ts.call(t, "GET", "/api/v1/documents?"+bad, tr, nil)
		if res.Status != http.StatusBadRequest && res.Status != http.StatusNotFound {
			t.Errorf("?%s: status %d, want 400 or 404: %s", bad, res.Status, res.Raw)
		}
	}
}
