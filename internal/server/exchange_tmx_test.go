package server

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"tilmash/internal/limits"
	"tilmash/internal/tmx"
)

// tmxOf writes ru → lang pairs as a TMX file.
func tmxOf(tb testing.TB, lang string, pairs ...[2]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w, err := tmx.NewWriter(&buf, "ru")
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range pairs {
		if err := w.Write(tmx.Unit{TargetLang: lang, Source: p[0], Target: p[1], Author: "omegat"}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestTMXExchange(t *testing.T) {
	ts, team, doc := startExchange(t)
	aigerim, bolat := team.aigerim, team.bolat
	ids, sources := segmentIDs(t, doc), sourcesOf(doc)
	file := tmxOf(t, "kk", [2]string{sources[2], fakeTarget("kk", sources[2], 2)}, [2]string{"Совсем другое предложение.", "Мүлде басқа сөйлем."})

	// Translators may not fill the memory; a malformed file imports nothing.
	ts.call(t, "POST", "/api/v1/tm/kk/import", aigerim, file).must(t, 403)
	broken := strings.Replace(string(file), "</seg></tuv>\n    </tu>", "</seg></tuv>\n    </tuv>", 1)
	r := ts.call(t, "POST", "/api/v1/tm/kk/import", bolat, []byte(broken)).must(t, 400)
	if r.Body["error"] != "malformed TMX: line 8: element <tu> closed by </tuv>" {
		t.Errorf("malformed: %s", r.Raw)
	}
	over := strings.Replace(string(file), "<body>", "<body>"+strings.Repeat(" ", limits.TMXUploadBytes), 1)
	r = ts.call(t, "POST", "/api/v1/tm/kk/import", bolat, []byte(over)).must(t, 413)
	if r.Body["error"] != "the TMX file is larger than the import limit of 32 MiB; import it with tilmash tm import" {
		t.Errorf("oversized: %s", r.Raw)
	}
	if got, _ := ts.download(t, "/api/v1/tm/kk/export", bolat); bytes.Contains(got, []byte("<tu")) {
		t.Fatalf("refused imports left entries:\n%s", got)
	}

	r = ts.call(t, "POST", "/api/v1/tm/kk/import", bolat, tmxOf(t, "de", [2]string{"Да.", "Ja."})).must(t, 422)
	if r.Body["error"] != "the TMX file has no ru→kk units: this file has ru→de" || r.Body["code"] != "unprocessable" {
		t.Errorf("wrong pair: %s", r.Raw)
	}

	r = ts.call(t, "POST", "/api/v1/tm/kk/import", bolat, file).must(t, 200)
	if string(r.Raw) != `{"imported":2,"duplicates":0,"skipped":0,"skipped_by_reason":{"empty":0,"other_languages":0},"pairs":["ru→kk"]}` {
		t.Fatalf("import: %s", r.Raw)
	}
	sug := ts.call(t, "GET", fmt.Sprintf("/api/v1/segments/%d/suggestions?lang=kk", ids[2]), aigerim, nil).must(t, 200).Body["suggestions"].([]any)
	if len(sug) == 0 {
		t.Fatal("no suggestion from the imported memory")
	}
	if s := sug[0].(map[string]any); num(s["score"]) != 100 || s["target"] != fakeTarget("kk", sources[2], 2) || s["origin"] != "tmx" || s["author"] != "bolat" {
		t.Errorf("suggestion: %v", s)
	}

	got, h := ts.download(t, "/api/v1/tm/kk/export", aigerim)
	if h.Get("Content-Type") != "application/x-tmx+xml; charset=utf-8" || h.Get("Content-Disposition") != `attachment; filename="memory-ru-kk.tmx"` {
		t.Errorf("headers: %v", h)
	}
	if !bytes.Contains(got, []byte(`<tuv xml:lang="kk"><seg>Мүлде басқа сөйлем.</seg></tuv>`)) || bytes.Count(got, []byte("<tu ")) != 2 {
		t.Errorf("export:\n%s", got)
	}
	ts.call(t, "GET", "/api/v1/tm/de/export", aigerim, nil).must(t, 400)
}
