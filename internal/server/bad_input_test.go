package server

import (
	"fmt"
	"strings"
	"testing"
)

// TestBadInput: each malformed request gets its status, a message, and changes nothing.
func TestBadInput(t *testing.T) {
	ts := startServer(t)
	admin := ts.user(t, "root", "admin")
	kk := ts.user(t, "aigerim", "translator:kk")
	doc := ts.call(t, "POST", "/api/v1/documents", admin, map[string]string{"title": "t", "text": "Первое предложение. Второе."}).must(t, 201).Body
	sid := segmentIDs(t, doc)[0]
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", sid)
	big := []byte(`{"title":"big","text":"` + strings.Repeat("а", 3<<20) + `"}`)
	tests := []struct {
		name, method, path, token string
		body                      any
		status                    int
		errorHas                  string
	}{
		{"no token", "GET", "/api/v1/documents", "", nil, 401, "token"},
		{"bad token", "GET", "/api/v1/documents", "tlm_nope", nil, 401, "not valid"},
		{"malformed json", "POST", "/api/v1/documents", admin, []byte(`{"title": "x", "text": `), 400, "JSON"},
		{"wrong json type", "POST", "/api/v1/documents", admin, []byte(`{"title": 5, "text": "a"}`), 400, `"title"`},
		{"empty body", "POST", "/api/v1/documents", admin, []byte(``), 400, "empty"},
		{"empty text", "POST", "/api/v1/documents", admin, map[string]string{"title": "t", "text": "  \n\n "}, 400, "empty"},
		{"no title", "POST", "/api/v1/documents", admin, map[string]string{"title": " ", "text": "Текст."}, 400, "title"},
		{"invalid utf-8", "POST", "/api/v1/documents", admin, []byte("{\"title\":\"t\",\"text\":\"\xff\xfe\"}"), 400, "UTF-8"},
		{"too large", "POST", "/api/v1/documents", admin, big, 413, "MiB"},
		{"translator imports", "POST", "/api/v1/documents", kk, map[string]string{"title": "t", "text": "Текст."}, 403, "may not"},
		{"unknown document", "GET", "/api/v1/documents/9999", admin, nil, 404, "document 9999"},
		{"non-numeric document", "GET", "/api/v1/documents/abc", admin, nil, 404, "document"},
		{"unknown language", "GET", fmt.Sprintf("/api/v1/documents/%d/translations/xx", num(doc["id"])), admin, nil, 400, "unknown language"},
		{"malformed language", "PUT", fmt.Sprintf("/api/v1/segments/%d/translations/not_a_tag!", sid), kk, map[string]any{"target": "a", "version": 0}, 400, "BCP 47"},
		{"source as target", "PUT", fmt.Sprintf("/api/v1/segments/%d/translations/ru", sid), admin, map[string]any{"target": "a", "version": 0}, 400, "source language"},
		{"unknown segment", "PUT", "/api/v1/segments/424242/translations/kk", kk, map[string]any{"target": "a", "version": 0}, 404, "segment 424242"},
		{"missing version", "PUT", seg, kk, map[string]any{"target": "a"}, 400, "version"},
		{"missing target", "PUT", seg, kk, map[string]any{"version": 0}, 400, "target"},
		{"empty target", "PUT", seg, kk, map[string]any{"target": "  ", "version": 0}, 400, "empty"},
		{"approve untranslated", "POST", seg + "/approve", admin, map[string]any{"version": 0}, 409, "no translation"},
		{"reject without comment", "POST", seg + "/reject", admin, map[string]any{"version": 0}, 400, "comment"},
		{"release without lang", "POST", fmt.Sprintf("/api/v1/documents/%d/releases", num(doc["id"])), admin, map[string]any{}, 400, "lang"},
		{"public release missing", "GET", "/releases/1/kk/7", "", nil, 404, "no release"},
		{"unknown route", "GET", "/api/v1/nothing", admin, nil, 404, "no such page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ts.call(t, tt.method, tt.path, tt.token, tt.body)
			if r.Status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.Status, tt.status, r.Raw)
			}
			msg, _ := r.Body["error"].(string)
			if !strings.Contains(msg, tt.errorHas) || r.Body["code"] == nil {
				t.Errorf("error %q (code %v), want it to mention %q", msg, r.Body["code"], tt.errorHas)
			}
		})
	}
	// Nothing above left a trace: still one document, its segment untranslated, no history.
	list := ts.call(t, "GET", "/api/v1/documents", admin, nil).must(t, 200).Body["documents"].([]any)
	if len(list) != 1 {
		t.Errorf("%d documents after bad input, want 1", len(list))
	}
	if h := ts.call(t, "GET", seg+"/history", admin, nil).must(t, 200).Body["events"].([]any); len(h) != 0 {
		t.Errorf("history has %d events after bad input, want 0", len(h))
	}
}
