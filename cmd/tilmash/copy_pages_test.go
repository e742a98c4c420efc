package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tilmash/internal/pgtest"
)

// TestCopiedReleasesServeSameBytes: a SQLite installation with history
// and releases (one withdrawn), copied by `tilmash copy` into an empty
// PostgreSQL database, serves every public release address (the page, its
// text and JSON, latest, the feeds, the zip, a missing number) with the
// same status, headers and bytes as the SQLite original (issue 13). The
// servers run in a time zone other than UTC, so a time read back in
// another zone than it was written would show.
func TestCopiedReleasesServeSameBytes(t *testing.T) {
	t.Setenv("TZ", "Asia/Almaty")
	src := filepath.Join(t.TempDir(), "tilmash.db")
	runCLI(t, "", "import", "--db", src, "--title", "Семинар", "demo/announcement.ru.txt")
	admin := userToken(t, src, "admin", "admin")
	translator := userToken(t, src, "aigerim", "translator:kk", "translator:en")
	reviewer := userToken(t, src, "bolat", "reviewer:kk", "reviewer:en")
	p := startServe(t, src)
	do := func(token, method, path, body string, want int) {
		t.Helper()
		if st, err := p.call(method, path, token, body, nil); err != nil || st != want {
			t.Fatalf("%s %s: %d, %v; want %d", method, path, st, err, want)
		}
	}
	translate := func(seg int, lang, text string) {
		t.Helper()
		do(translator, "PUT", fmt.Sprintf("/api/v1/segments/%d/translations/%s", seg, lang), `{"target": "`+text+`", "version": 0}`, 200)
		do(reviewer, "POST", fmt.Sprintf("/api/v1/segments/%d/translations/%s/approve", seg, lang), `{"version": 1}`, 200)
	}
	partial := func(lang string) {
		t.Helper()
		do(admin, "POST", "/api/v1/documents/1/releases", `{"lang": "`+lang+`", "allow_partial": true, "reason": "проверка копии"}`, http.StatusCreated)
	}
	translate(1, "kk", "Семинар.")
	translate(1, "en", "A seminar.")
	partial("kk")
	partial("en")
	do(translator, "PUT", "/api/v1/segments/2/translations/kk", `{"target": "Бірінші нұсқа.", "version": 0}`, 200)
	do(reviewer, "POST", "/api/v1/segments/2/translations/kk/reject", `{"version": 1, "comment": "Қайта жазыңыз."}`, 200)
	do(translator, "PUT", "/api/v1/segments/2/translations/kk", `{"target": "Екінші нұсқа.", "version": 2}`, 200)
	do(reviewer, "POST", "/api/v1/segments/2/translations/kk/approve", `{"version": 3}`, 200)
	partial("kk")
	do(admin, "POST", "/api/v1/releases/1/withdraw", `{"reason": "ескірді"}`, 200)
	p.kill()

	dst := pgtest.URL(t)
	out := runCLI(t, "", "copy", "--from", src, "--to", dst)
	for _, want := range []string{"releases             3\n", "events               ", "the counts agree on both sides\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("copy output lacks %q:\n%s", want, out)
		}
	}
	sqlite, postgres := startServe(t, src), startServe(t, dst)

	var list struct {
		Releases []struct {
			Document int64
			Lang     string
			Number   int
		}
	}
	if st, err := sqlite.call("GET", "/api/v1/documents/1/releases", admin, "", &list); err != nil || st != 200 || len(list.Releases) != 3 {
		t.Fatalf("releases: %d, %v, %+v; want three", st, err, list.Releases)
	}
	paths := []string{"/releases/1/all.zip", "/feeds/kk.atom", "/feeds/en.atom", "/releases/1/kk/9"}
	for _, r := range list.Releases {
		for _, name := range []string{fmt.Sprint(r.Number), "latest", "feed"} {
			for _, ext := range []string{"", ".txt", ".json"} {
				if name == "feed" {
					ext = ".atom"
				}
				paths = append(paths, fmt.Sprintf("/releases/%d/%s/%s%s", r.Document, r.Lang, name, ext))
			}
		}
	}
	for _, path := range paths {
		a, b := publicGet(t, sqlite, path), publicGet(t, postgres, path)
		if a.head != b.head {
			t.Errorf("%s: SQLite answers\n%s\nPostgreSQL answers\n%s", path, a.head, b.head)
		}
		if !bytes.Equal(a.body, b.body) {
			t.Errorf("%s: the bodies differ from byte %d:\nSQLite     %q\nPostgreSQL %q", path, firstDiff(a.body, b.body),
				around(a.body, firstDiff(a.body, b.body)), around(b.body, firstDiff(a.body, b.body)))
		}
	}
}

// publicAnswer is a public answer: its status line and the headers that
// describe the body, and the body.
type publicAnswer struct {
	head string
	body []byte
}

// publicGet fetches path from p without credentials, as the same public
// host for every replica, so the links in the pages agree.
func publicGet(t *testing.T, p *serveProcess, path string) publicAnswer {
	t.Helper()
	req, err := http.NewRequest("GET", p.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "tilmash.example.org"
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	head := res.Status
	for _, h := range []string{"Content-Type", "Content-Language", "Content-Disposition", "Cache-Control"} {
		head += "\n" + h + ": " + res.Header.Get(h)
	}
	// An error answer (a withdrawn release's JSON) names its own request.
	return publicAnswer{head: head, body: requestID.ReplaceAll(body, []byte(`"request_id":"…"`))}
}

// requestID is the one part of an answer that differs by design between
// two requests.
var requestID = regexp.MustCompile(`"request_id":"[0-9a-f]+"`)

// firstDiff is the offset of the first byte where a and b differ.
func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// around is up to 80 bytes of b from 20 before i.
func around(b []byte, i int) []byte {
	from := max(i-20, 0)
	return b[from:min(from+80, len(b))]
}
