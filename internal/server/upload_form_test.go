package server

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// TestFormUploadsExplained: the exchange endpoints take the file as the body;
// a multipart form (curl -F) gets a sentence saying so, not an XML error.
func TestFormUploadsExplained(t *testing.T) {
	ts, team, doc := startExchange(t)
	for _, c := range []struct{ path, what string }{
		{fmt.Sprintf("/api/v1/documents/%d/xliff", num(doc["id"])), "XLIFF"},
		{"/api/v1/tm/kk/import", "TMX"},
		{"/api/v1/glossary/kk/import", "glossary"},
	} {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("file", "upload")
		io.WriteString(fw, "<xliff/>")
		mw.Close()
		req, _ := http.NewRequest(http.MethodPost, ts.URL+c.path, &body)
		req.Header.Set("Authorization", "Bearer "+team.bolat)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		want := fmt.Sprintf(`"send the %s file itself as the request body (curl --data-binary @FILE), not as a multipart form upload (curl -F)"`, c.what)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(raw), want) {
			t.Errorf("%s: %d %s, want 400 %s", c.path, res.StatusCode, raw, want)
		}
	}
}
