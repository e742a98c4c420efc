package server

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestReleaseArchive: all.zip holds the latest live release of each language
// in three forms and a manifest; a withdrawn release is not in it.
func TestReleaseArchive(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk", "ar")
	f.approveAll(t, "kk")
	f.approveAll(t, "ar")
	f.publish(t, map[string]any{"langs": []string{"ar", "kk"}}, http.StatusCreated)
	f.approve(t, "kk", 1, "Екінші "+f.texts["kk"][1], 2)
	kk2 := f.publish(t, map[string]string{"lang": "kk"}, http.StatusCreated)["release"].(map[string]any)

	files := unzip(t, ts.URL+fmt.Sprintf("/releases/%d/all.zip", f.doc))
	if got := strings.Join(keys(files), " "); got != "ar.html ar.json ar.txt kk.html kk.json kk.txt manifest.json" {
		t.Fatalf("zip holds %s", got)
	}
	if !strings.Contains(files["kk.txt"], "Екінші ") || !strings.Contains(files["ar.html"], `dir="rtl"`) {
		t.Errorf("zip texts: kk.txt %.200q", files["kk.txt"])
	}
	var m struct {
		Title     string
		Languages []struct {
			Lang   string
			Number int
			Files  []string
		}
	}
	if err := json.Unmarshal([]byte(files["manifest.json"]), &m); err != nil {
		t.Fatal(err)
	}
	// Catalogue order: kk before ar.
	if m.Title != "Семинар в Алматы" || len(m.Languages) != 2 || m.Languages[0].Lang != "kk" || m.Languages[0].Number != 2 ||
		m.Languages[1].Lang != "ar" || m.Languages[1].Number != 1 || len(m.Languages[0].Files) != 3 {
		t.Errorf("manifest = %+v", m)
	}

	ts.call(t, "POST", fmt.Sprintf("/api/v1/releases/%d/withdraw", num(kk2["id"])), f.admin, map[string]string{"reason": "ошибка"}).must(t, 200)
	files = unzip(t, ts.URL+fmt.Sprintf("/releases/%d/all.zip", f.doc))
	if strings.Contains(files["kk.txt"], "Екінші ") || !strings.Contains(files["kk.txt"], f.texts["kk"][0]) {
		t.Errorf("after withdrawal the zip still has kk release 2")
	}
}

func unzip(t *testing.T, url string) map[string]string {
	t.Helper()
	b := []byte(get(t, url, http.StatusOK))
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(data)
	}
	return out
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// atom is what the feed test reads of an Atom document.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID        string `xml:"id"`
		Title     string `xml:"title"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Summary   string `xml:"summary"`
		Link      struct {
			Rel      string `xml:"rel,attr"`
			HrefLang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// TestReleaseFeeds: the per-language feed lists every document's releases
// in that language, newest first, as valid Atom; a withdrawal updates its entry.
func TestReleaseFeeds(t *testing.T) {
	ts := startServer(t)
	f := newReleaseFixture(t, ts, "kk", "en")
	f.approveAll(t, "kk")
	f.approveAll(t, "en")
	rels := byLang(f.publish(t, map[string]any{"langs": []string{"kk", "en"}}, http.StatusCreated)["releases"])
	f.approve(t, "kk", 0, "Жаңа "+f.texts["kk"][0], 2)
	kk2 := f.publish(t, map[string]string{"lang": "kk"}, http.StatusCreated)["release"].(map[string]any)
	ts.call(t, "POST", fmt.Sprintf("/api/v1/releases/%d/withdraw", num(kk2["id"])), f.publisher, map[string]string{"reason": "Қате күн"}).must(t, 200)

	// The announcement opens with a headline: entries are named by its
	// translation (release 2 took the corrected one), never the Russian title.
	kk2Head, enHead := f.texts["kk"][0], f.texts["en"][0]
	kk1Head := strings.TrimPrefix(kk2Head, "Жаңа ")
	feed := readFeed(t, ts.URL+"/feeds/kk.atom")
	self := ts.URL + "/feeds/kk.atom"
	if feed.Lang != "kk" || feed.ID != self || feed.Title != "Tilmash · қазақ тілі" || feed.Author != "Tilmash" ||
		len(feed.Links) != 1 || feed.Links[0].Rel != "self" || feed.Links[0].Href != self {
		t.Errorf("feed head = %+v", feed)
	}
	if len(feed.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(feed.Entries))
	}
	w, r1 := feed.Entries[0], feed.Entries[1]
	if w.ID != kk2["url"] || w.Title != "Бұл шығарылым кері қайтарылды: "+kk2Head+" · Шығарылым 2" || w.Summary != "Себебі: Қате күн" ||
		w.Link.Rel != "alternate" || w.Link.HrefLang != "kk" || w.Link.Href != kk2["url"] || feed.Updated != w.Updated {
		t.Errorf("withdrawn entry = %+v", w)
	}
	if r1.ID != rels["kk"]["url"] || r1.Title != kk1Head+" · Шығарылым 1" {
		t.Errorf("first entry = %+v", r1)
	}
	for _, e := range feed.Entries {
		for _, ts := range []string{e.Updated, e.Published} {
			if _, err := time.Parse(time.RFC3339, ts); err != nil {
				t.Errorf("entry time %q: %v", ts, err)
			}
		}
	}
	if en := readFeed(t, ts.URL+fmt.Sprintf("/releases/%d/en/feed.atom", f.doc)); len(en.Entries) != 1 ||
		en.ID != ts.URL+fmt.Sprintf("/releases/%d/en/feed.atom", f.doc) || en.Title != enHead+" · English" {
		t.Errorf("document feed = %+v", en)
	}
	// A language without releases has a valid, empty feed.
	if ar := readFeed(t, ts.URL+"/feeds/ar.atom"); len(ar.Entries) != 0 || ar.Updated == "" {
		t.Errorf("empty feed = %+v", ar)
	}
}

func readFeed(t *testing.T, url string) atom {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("GET %s: %d %s", url, res.StatusCode, res.Header.Get("Content-Type"))
	}
	var a atom
	if err := xml.NewDecoder(res.Body).Decode(&a); err != nil {
		t.Fatalf("feed %s is not Atom: %v", url, err)
	}
	return a
}
