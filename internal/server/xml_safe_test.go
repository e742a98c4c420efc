package server

import (
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestXMLUnsafeTextRefused: characters XML 1.0 cannot carry are refused at
// every input with 422, the character and where it is (issue 15).
func TestXMLUnsafeTextRefused(t *testing.T) {
	ts, team, doc := startExchange(t)
	ids := segmentIDs(t, doc)
	docPath := fmt.Sprintf("/api/v1/documents/%d", num(doc["id"]))
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[0])
	cases := []struct {
		name, method, path, token string
		body                      any
		msg                       string
	}{
		{"new document", "POST", "/api/v1/documents", team.press, map[string]string{"title": "Т", "text": "Первый абзац.\n\nВторой\vабзац."},
			"paragraph 2 (line 3) has U+000B at character 7, which XML 1.0 cannot carry; remove it and try again"},
		{"title", "POST", "/api/v1/documents", team.press, map[string]string{"title": "Т\x01", "text": "Текст."},
			"the title has U+0001 at character 2, which XML 1.0 cannot carry; remove it and try again"},
		{"revision", "PUT", docPath, team.press, map[string]any{"text": "Абзац.\n\n\n\nЕщё \uFFFF.", "base_revision": 1},
			"paragraph 2 (line 5) has U+FFFF at character 5, which XML 1.0 cannot carry; remove it and try again"},
		{"translation", "PUT", seg, team.aigerim, map[string]any{"target": "Семинар\a өтті.", "version": 0},
			fmt.Sprintf("the translation of segment %d has U+0007 at character 8, which XML 1.0 cannot carry; remove it and try again", ids[0])},
		{"comment", "POST", fmt.Sprintf("/api/v1/segments/%d/comments?lang=kk", ids[0]), team.aigerim, map[string]string{"text": "Термин\x02 дұрыс па?"},
			fmt.Sprintf("the comment on segment %d has U+0002 at character 7, which XML 1.0 cannot carry; remove it and try again", ids[0])},
		{"glossary term", "POST", "/api/v1/glossary/kk", team.bolat, map[string]any{"source": "саммит", "target": "самми\x1bт"},
			"the target of the term \"саммит\" has U+001B at character 6, which XML 1.0 cannot carry; remove it and try again"},
		{"glossary csv", "POST", "/api/v1/glossary/kk/import?format=csv", team.bolat, []byte("source,target\nООН,БҰҰ\nсам\x0cмит,саммит\n"),
			"the source of the term \"сам\\fмит\" has U+000C at character 4, which XML 1.0 cannot carry; remove it and try again"},
		{"glossary tbx", "POST", "/api/v1/glossary/kk/import?format=tbx", team.bolat, []byte(`<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic-V1" xml:lang="ru"><text><body><termEntry id="c1">
<langSet xml:lang="ru"><tig><term>ООН&#x7;</term></tig></langSet><langSet xml:lang="kk"><tig><term>БҰҰ</term></tig></langSet>
</termEntry></body></text></martif>`), "read tbx: entry starting on line 2: XML syntax error on line 3: illegal character code U+0007"},
		{"tmx", "POST", "/api/v1/tm/kk/import", team.bolat, []byte(`<?xml version="1.0"?><tmx version="1.4"><header srclang="ru" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>` +
			"\n<tu><tuv xml:lang=\"ru\"><seg>Да&#x7;</seg></tuv><tuv xml:lang=\"kk\"><seg>Иә</seg></tuv></tu></body></tmx>"),
			"malformed TMX: line 2: illegal character code U+0007"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ts.call(t, c.method, c.path, c.token, c.body).must(t, http.StatusUnprocessableEntity)
			if r.Body["error"] != c.msg || r.Body["code"] != "unprocessable" {
				t.Errorf("answer %s\nwant %q", r.Raw, c.msg)
			}
		})
	}
	// A comment on a rejection too.
	ts.call(t, "PUT", seg, team.aigerim, map[string]any{"target": "Семинар өтті.", "version": 0}).must(t, 200)
	r := ts.call(t, "POST", seg+"/reject", team.bolat, map[string]any{"comment": "Қате\x08", "version": 1}).must(t, http.StatusUnprocessableEntity)
	if want := fmt.Sprintf("the comment on segment %d has U+0008 at character 5, which XML 1.0 cannot carry; remove it and try again", ids[0]); r.Body["error"] != want {
		t.Errorf("reject: %s", r.Raw)
	}
	// And a translation arriving through XLIFF.
	v21, _ := ts.download(t, docPath+"/xliff/kk", team.aigerim)
	bad := strings.Replace(string(v21), "</source>", "</source><target>Иә&#x7;</target>", 1)
	r = ts.call(t, "POST", docPath+"/xliff", team.aigerim, []byte(bad)).must(t, http.StatusUnprocessableEntity)
	if e, _ := r.Body["error"].(string); !strings.Contains(e, "illegal character code U+0007") || !strings.HasPrefix(e, "line ") {
		t.Errorf("xliff: %s", r.Raw)
	}
}

// TestXMLUnsafeRowsExport: rows stored before the rule still export, with
// U+FFFD and a warning, never a 500.
func TestXMLUnsafeRowsExport(t *testing.T) {
	dsn := testDB(t)
	ts := startServerWith(t, dsn, Config{})
	team := exchangeTeam{press: ts.user(t, "press", "publisher"), aigerim: ts.user(t, "aigerim", "translator:kk")}
	doc := ts.call(t, "POST", "/api/v1/documents", team.press, map[string]string{"title": "Семинар", "text": announcement(t)}).must(t, 201).Body
	ids := segmentIDs(t, doc)
	ts.call(t, "PUT", fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[1]), team.aigerim, map[string]any{"target": "Аударма.", "version": 0}).must(t, 200)
	db := rawServerDB(t, dsn)
	exec := func(q string) {
		t.Helper()
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// The values are written into the statements: the two databases number
	// their placeholders differently.
	exec(fmt.Sprintf("UPDATE segments SET source = 'Старый\vтекст.' WHERE id = %d", ids[0]))
	exec(fmt.Sprintf("UPDATE translations SET text = 'Ау\aдарма.' WHERE segment_id = %d AND lang = 'kk'", ids[1]))
	exec("INSERT INTO memory_entries (source_lang, target_lang, source, target, origin, author, created_at) VALUES ('ru', 'kk', 'Перевод.', 'Ау\aдарма.', 'tmx', 'x', CURRENT_TIMESTAMP)")
	docPath := fmt.Sprintf("/api/v1/documents/%d", num(doc["id"]))
	for _, format := range []string{"1.2", "2.1"} {
		body, h := ts.download(t, docPath+"/xliff/kk?format="+format, team.aigerim)
		if !strings.Contains(string(body), "Старый\uFFFDтекст.") || !strings.Contains(string(body), "Ау\uFFFDдарма.") {
			t.Errorf("%s export lacks the replaced texts:\n%s", format, body)
		}
		if w := h.Get("X-Tilmash-Warning"); !strings.HasPrefix(w, "2 characters that XML 1.0 cannot carry were replaced by U+FFFD") {
			t.Errorf("%s warning = %q", format, w)
		}
	}
	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/tm/kk/export", nil)
	req.Header.Set("Authorization", "Bearer "+team.aigerim)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body) // the trailer arrives after the body
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("tmx export: %d %v", res.StatusCode, err)
	}
	if !strings.Contains(string(body), "Ау\uFFFDдарма.") {
		t.Errorf("tmx lacks the replaced text:\n%s", body)
	}
	if w := res.Trailer.Get("X-Tilmash-Warning"); !strings.HasPrefix(w, "1 characters that XML 1.0 cannot carry") {
		t.Errorf("tmx warning trailer = %q", w)
	}
}

// rawServerDB opens the test server's database with database/sql.
func rawServerDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	driver := "sqlite3"
	if strings.HasPrefix(dsn, "postgres") {
		driver = "pgx" // registered by pgtest
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
