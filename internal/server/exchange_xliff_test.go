package server

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"tilmash/internal/xliff"
)

// download GETs a file and returns its body and headers.
func (ts *testServer) download(tb testing.TB, path, token string) ([]byte, http.Header) {
	tb.Helper()
	r := ts.call(tb, "GET", path, token, nil).must(tb, http.StatusOK)
	return r.Raw, r.Header
}

// fillXLIFF is the translator's script, a plain text edit of an export of an
// untranslated language: a target after every source, made by target(i, source).
func fillXLIFF(tb testing.TB, data []byte, target func(i int, source string) string) []byte {
	tb.Helper()
	i := 0
	out := sourceElement.ReplaceAllFunc(data, func(m []byte) []byte {
		source := html.UnescapeString(string(sourceElement.FindSubmatch(m)[1]))
		var t bytes.Buffer
		if err := xml.EscapeText(&t, []byte(target(i, source))); err != nil {
			tb.Fatal(err)
		}
		i++
		return []byte(string(m) + "<target>" + t.String() + "</target>")
	})
	if bytes.Contains(data, []byte("<target")) || i == 0 {
		tb.Fatalf("fillXLIFF wants an export without targets:\n%s", data)
	}
	return out
}

var sourceElement = regexp.MustCompile(`<source>([^<]*)</source>`)

// exchangeTeam holds the tokens of the people of the exchange tests.
type exchangeTeam struct{ press, aigerim, bolat, emma string }

// startExchange starts a server with a publisher, a Kazakh translator and
// reviewer and an English translator, and imports the announcement.
func startExchange(tb testing.TB) (*testServer, exchangeTeam, map[string]any) {
	tb.Helper()
	ts := startServer(tb)
	team := exchangeTeam{press: ts.user(tb, "press", "publisher"), aigerim: ts.user(tb, "aigerim", "translator:kk"),
		bolat: ts.user(tb, "bolat", "reviewer:kk"), emma: ts.user(tb, "emma", "translator:en")}
	doc := ts.call(tb, "POST", "/api/v1/documents", team.press, map[string]string{"title": "Семинар в Алматы", "text": announcement(tb)}).must(tb, 201).Body
	return ts, team, doc
}

// historyCount is the number of history events of a document in a language.
func (ts *testServer) historyCount(tb testing.TB, token string, ids []int64, lang string) int {
	tb.Helper()
	n := 0
	for _, id := range ids {
		h := ts.call(tb, "GET", fmt.Sprintf("/api/v1/segments/%d/translations/%s/history", id, lang), token, nil).must(tb, 200).Body
		n += len(h["events"].([]any))
	}
	return n
}

// TestXLIFFRoundTrip walks issue 6's XLIFF acceptance over a real listener.
func TestXLIFFRoundTrip(t *testing.T) {
	ts, team, doc := startExchange(t)
	aigerim, bolat, emma := team.aigerim, team.bolat, team.emma
	ids := segmentIDs(t, doc)
	docPath := fmt.Sprintf("/api/v1/documents/%d", num(doc["id"]))

	exported, h := ts.download(t, docPath+"/xliff/kk", aigerim)
	if ct := h.Get("Content-Type"); ct != "application/xliff+xml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := h.Get("Content-Disposition"); cd != fmt.Sprintf(`attachment; filename="document-%d-kk.xlf"`, num(doc["id"])) {
		t.Errorf("Content-Disposition %q", cd)
	}
	if !bytes.Contains(exported, []byte(`version="2.1"`)) || bytes.Count(exported, []byte("<unit ")) != 17 {
		t.Fatalf("export is not XLIFF 2.1 with 17 units:\n%s", exported)
	}

	filled := fillXLIFF(t, exported, func(i int, src string) string { return fakeTarget("kk", src, i) })
	res := ts.call(t, "POST", docPath+"/xliff", aigerim, filled).must(t, 200).Body
	if num(res["saved"]) != 17 || num(res["unchanged"]) != 0 || len(res["conflicts"].([]any)) != 0 {
		t.Fatalf("import: %s", res)
	}
	list := ts.call(t, "GET", docPath+"/translations/kk", aigerim, nil).must(t, 200).Body
	for i, s := range list["segments"].([]any) {
		s := s.(map[string]any)
		if s["state"] != "translated" || s["author"] != "aigerim" || s["target"] != fakeTarget("kk", s["source"].(string), i) || num(s["version"]) != 1 {
			t.Errorf("segment %d after import: %v", i, s)
		}
	}
	events := ts.historyCount(t, aigerim, ids, "kk")
	if events != 17 {
		t.Fatalf("%d history events after the import, want 17", events)
	}

	// Bolat filled the same (now stale) export with texts of his own: every
	// unit conflicts, the body names the current text, and nothing changes.
	stale := fillXLIFF(t, exported, func(i int, src string) string { return fakeTarget("kk", src, i+100) })
	res = ts.call(t, "POST", docPath+"/xliff", bolat, stale).must(t, 200).Body
	conflicts := res["conflicts"].([]any)
	if num(res["saved"]) != 0 || num(res["unchanged"]) != 0 || len(conflicts) != 17 {
		t.Fatalf("stale import: %s", res)
	}
	c := conflicts[4].(map[string]any)
	cur := c["current"].(map[string]any)
	sources := sourcesOf(doc)
	if num(c["id"]) != int(ids[4]) || c["yours"] != fakeTarget("kk", sources[4], 104) || num(c["exported_version"]) != 0 ||
		cur["target"] != fakeTarget("kk", sources[4], 4) || cur["state"] != "translated" || num(cur["version"]) != 1 || cur["author"] != "aigerim" {
		t.Errorf("conflict: %v", c)
	}
	if n := ts.historyCount(t, aigerim, ids, "kk"); n != events {
		t.Errorf("the stale import wrote history: %d events, want %d", n, events)
	}
	// The filled file itself again: every text is the current one.
	res = ts.call(t, "POST", docPath+"/xliff", aigerim, filled).must(t, 200).Body
	if num(res["saved"]) != 0 || num(res["unchanged"]) != 17 || len(res["conflicts"].([]any)) != 0 {
		t.Fatalf("repeated import: %s", res)
	}

	// XLIFF 1.2 for older tools, in English.
	v12, _ := ts.download(t, docPath+"/xliff/en?format=1.2", emma)
	if !bytes.Contains(v12, []byte(`version="1.2"`)) || bytes.Count(v12, []byte("<trans-unit ")) != 17 {
		t.Fatalf("export is not XLIFF 1.2 with 17 units:\n%s", v12)
	}
	// Untranslated 1.2 units carry a copy of the source, which a tool overwrites.
	if n := bytes.Count(v12, []byte(`<target state="needs-translation">`)); n != 17 {
		t.Fatalf("1.2 export has %d source copies, want 17", n)
	}
	copies := regexp.MustCompile(`<target state="needs-translation">[^<]*</target>`)
	i := 0
	filled12 := copies.ReplaceAllFunc(v12, func(m []byte) []byte {
		src := html.UnescapeString(string(m[len(`<target state="needs-translation">`) : len(m)-len("</target>")]))
		var t bytes.Buffer
		xml.EscapeText(&t, []byte(fakeTarget("en", src, i)))
		i++
		return []byte(`<target state="needs-translation">` + t.String() + "</target>")
	})
	res = ts.call(t, "POST", docPath+"/xliff", emma, filled12).must(t, 200).Body
	if num(res["saved"]) != 17 {
		t.Fatalf("1.2 import: %s", res)
	}
	en := ts.call(t, "GET", docPath+"/translations/en", emma, nil).must(t, 200).Body
	for i, s := range en["segments"].([]any) {
		if s := s.(map[string]any); s["state"] != "translated" || s["author"] != "emma" {
			t.Errorf("en segment %d after import: %v", i, s)
		}
	}
	again, _ := ts.download(t, docPath+"/xliff/en?format=1.2", emma)
	if bytes.Count(again, []byte(`<target state="translated">`)) != 17 {
		t.Errorf("1.2 re-export does not show 17 translated targets:\n%s", again)
	}
}

// TestXLIFFRefused checks that bad files are refused whole, each with its
// exact message, and change nothing.
func TestXLIFFRefused(t *testing.T) {
	ts, team, doc := startExchange(t)
	aigerim, emma := team.aigerim, team.emma
	other := ts.call(t, "POST", "/api/v1/documents", team.press, map[string]string{"title": "Другое", "text": "Одно предложение."}).must(t, 201).Body
	ids := segmentIDs(t, doc)
	docPath := fmt.Sprintf("/api/v1/documents/%d", num(doc["id"]))
	exported, _ := ts.download(t, docPath+"/xliff/kk", aigerim)
	filled := string(fillXLIFF(t, exported, func(i int, src string) string { return fakeTarget("kk", src, i) }))
	unknown := fmt.Sprintf(`id="s%d"`, ids[16])

	oversized := strings.Replace(filled, "<file ", "<file"+strings.Repeat(" ", xliff.DefaultLimit)+" ", 1)
	cases := []struct {
		name, path, token, body string
		status                  int
		message                 string
	}{
		{"other language than asked", docPath + "/xliff?lang=en", aigerim, filled, 400, "the file is a translation into kk, not into en"},
		{"not a target language", docPath + "/xliff", aigerim, strings.Replace(filled, `trgLang="kk"`, `trgLang="de"`, 1), 400,
			`the file's target language "de" is not a target language of Tilmash (kk, en, ky, tg, tk, uz, ps, fa-AF, ar, nl)`},
		{"source language", docPath + "/xliff", aigerim, strings.Replace(filled, `srcLang="ru"`, `srcLang="kk"`, 1), 400,
			`the file's source language is "kk"; Tilmash documents are in ru`},
		{"other document", fmt.Sprintf("/api/v1/documents/%d/xliff", num(other["id"])), aigerim, filled, 400,
			fmt.Sprintf("the file is an export of document %d, not of document %d", num(doc["id"]), num(other["id"]))},
		{"unknown unit", docPath + "/xliff", aigerim, strings.Replace(filled, unknown, `id="s9999"`, 1), 400,
			fmt.Sprintf("unit s9999 is not a segment of the current revision (1) of document %d; export the document again", num(doc["id"]))},
		{"malformed", docPath + "/xliff", aigerim, strings.Replace(filled, "</source>", "</sourc>", 1), 400,
			"line 7: malformed XML: element <source> closed by </sourc>"},
		{"not xliff", docPath + "/xliff", aigerim, `{"target": "x"}`, 400, "line 1: text before the root element"},
		{"empty", docPath + "/xliff", aigerim, "", 400, "file has no root element"},
		{"oversized", docPath + "/xliff", aigerim, oversized, 413, "the XLIFF file is larger than the import limit of 32 MiB"},
		{"other translator", docPath + "/xliff", emma, filled, 403, "emma may not translate into kk"},
		{"missing document", "/api/v1/documents/999/xliff", aigerim, strings.Replace(filled, fmt.Sprintf(`tl:document="%d"`, num(doc["id"])), `tl:document="999"`, 1), 404,
			"document 999 not found"},
		{"export format", docPath + "/xliff/kk?format=3", aigerim, "", 400, `unknown XLIFF format "3" (want 2.1 or 1.2)`},
		{"export language", docPath + "/xliff/de", aigerim, "", 400, `unknown language "de" (target languages: kk, en, ky, tg, tk, uz, ps, fa-AF, ar, nl)`},
		{"export document", "/api/v1/documents/999/xliff/kk", aigerim, "", 404, "document 999 not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			method := "POST"
			if strings.Contains(c.path, "/xliff/") {
				method = "GET"
			}
			var body any
			if method == "POST" {
				body = []byte(c.body)
			}
			r := ts.call(t, method, c.path, c.token, body).must(t, c.status)
			if c.message != "" && r.Body["error"] != c.message {
				t.Errorf("error %q, want %q", r.Body["error"], c.message)
			}
		})
	}
	if n := ts.historyCount(t, aigerim, ids, "kk"); n != 0 {
		t.Errorf("refused imports wrote %d history events", n)
	}
}
