package server

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
)

// upload posts a multipart form with a file, as the editor's XLIFF form
// does; csrf "" sends none, data nil sends no file.
func (b *browser) upload(tb testing.TB, path, csrf, name string, data []byte) page {
	tb.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	if csrf != "" {
		if err := w.WriteField("csrf", csrf); err != nil {
			tb.Fatal(err)
		}
	}
	if data != nil {
		fw, err := w.CreateFormFile("file", name)
		if err != nil {
			tb.Fatal(err)
		}
		fw.Write(data)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, b.ts.URL+path, &body)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return b.do(tb, req)
}

// kkTeam is a server with the announcement imported by press (publisher),
// aigerim (translator:kk) who both sign in with testPassword, and bolat
// (reviewer:kk) who has a token only.
type kkTeam struct {
	ts             *testServer
	pub, kk, bolat string // API tokens
	doc            int
	ids            []int64
	sources        []string
}

func startKKTeam(tb testing.TB) kkTeam {
	tb.Helper()
	ts := startServer(tb)
	k := kkTeam{ts: ts, pub: ts.person(tb, "press", testPassword, "publisher"),
		kk: ts.person(tb, "aigerim", testPassword, "translator:kk"), bolat: ts.user(tb, "bolat", "reviewer:kk")}
	k.doc, k.ids, k.sources = ts.importAnnouncement(tb, k.pub)
	return k
}

// translate saves fakeTarget(i) for segment i as token from version 0 and
// returns the segment's API path.
func (k kkTeam) translate(tb testing.TB, token string, i int) string {
	tb.Helper()
	seg := fmt.Sprintf("/api/v1/segments/%d/translations/kk", k.ids[i])
	k.ts.call(tb, "PUT", seg, token, map[string]any{"target": fakeTarget("kk", k.sources[i], i), "version": 0}).must(tb, http.StatusOK)
	return seg
}

// TestUIEditorXLIFFUpload: a translator uploads a filled XLIFF in the
// editor and sees saved, unchanged and each conflict with both texts;
// another language's translator and a POST without the CSRF token are
// refused, a broken file saves nothing.
func TestUIEditorXLIFFUpload(t *testing.T) {
	k := startKKTeam(t)
	ts, docID, ids, sources := k.ts, k.doc, k.ids, k.sources
	ts.person(t, "emma", testPassword, "translator:en")
	file, _ := ts.download(t, fmt.Sprintf("/api/v1/documents/%d/xliff/kk?format=2.1", docID), k.kk)
	// After the export, the reviewer changes segment 1.
	k.translate(t, k.bolat, 1)
	theirs := fakeTarget("kk", sources[1], 1)
	yours := fakeTarget("kk", sources[1], 100)
	filled := fillXLIFF(t, file, func(i int, source string) string {
		switch i {
		case 1:
			return yours
		case 2:
			return "" // left empty: unchanged
		}
		return fakeTarget("kk", source, i)
	})
	editor := fmt.Sprintf("/translate/%d/kk", docID)
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "aigerim", testPassword)
	csrf := b.csrf(t, editor)
	b.get(t, editor).contains(t, fmt.Sprintf(`action="%s/xliff" enctype="multipart/form-data"`, editor))
	b.upload(t, editor+"/xliff", "", "kk.xlf", filled).must(t, http.StatusForbidden)
	b.upload(t, editor+"/xliff", csrf, "", nil).must(t, http.StatusBadRequest).contains(t, "Choose an XLIFF file to upload.")
	b.upload(t, editor+"/xliff", csrf, "kk.xlf", []byte("<xliff")).must(t, http.StatusBadRequest).
		contains(t, "The file was not imported; nothing was saved.")

	e := ts.browser(t)
	e.language = "en"
	e.signIn(t, "emma", testPassword)
	e.upload(t, editor+"/xliff", e.csrf(t, editor), "kk.xlf", filled).must(t, http.StatusForbidden).
		contains(t, "Only translators of this language may upload XLIFF.")

	p := b.upload(t, editor+"/xliff", csrf, "kk.xlf", filled).must(t, http.StatusOK)
	p.contains(t, "Saved 15, unchanged 0, conflicts 1. Not saved: copies of the source 0, empty 1, refused 0.", "Current text: bolat, version 1",
		fmt.Sprintf(`<li id="import-conflict-%d">`, ids[1]), theirs, yours)
	list, err := ts.App.Translations(context.Background(), int64(docID), "kk")
	if err != nil {
		t.Fatal(err)
	}
	if s := list.Segments[1]; s.Target != theirs || s.Author != "bolat" {
		t.Errorf("the conflicting segment was overwritten: %q by %s", s.Target, s.Author)
	}
	if s := list.Segments[0]; s.Target != fakeTarget("kk", sources[0], 0) || s.Origin != "xliff" {
		t.Errorf("segment 0 after the upload: %q (%s)", s.Target, s.Origin)
	}
}

// TestUIEditorLabels: the badge line names the author, a rejection names
// its reviewer, and an outdated segment shows what changed in the source
// word by word.
func TestUIEditorLabels(t *testing.T) {
	k := startKKTeam(t)
	ts, docID, sources, pub := k.ts, k.doc, k.sources, k.pub
	seg := k.translate(t, k.kk, 0)
	k.translate(t, k.kk, 1)
	ts.call(t, "POST", seg+"/reject", k.bolat, map[string]any{"version": 1, "comment": "Күнін тексеріңіз"}).must(t, http.StatusOK)
	if !strings.HasPrefix(sources[1], "Сегодня в Алматы") {
		t.Fatalf("segment 1 is %q", sources[1])
	}
	text := strings.Replace(announcement(t), "Сегодня в Алматы", "Вчера в Алматы", 1)
	ts.call(t, "PUT", fmt.Sprintf("/api/v1/documents/%d", docID), pub, map[string]any{"title": "Семинар в Алматы", "text": text, "base_revision": 1}).
		must(t, http.StatusOK)

	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "aigerim", testPassword)
	editor := fmt.Sprintf("/translate/%d/kk", docID)
	b.get(t, editor+"?state=rejected").must(t, http.StatusOK).contains(t, "author: aigerim",
		`<span class="label">Reviewer&#39;s comment</span> <strong class="reviewer">bolat:</strong> <span class="text">Күнін тексеріңіз</span>`)
	b.get(t, editor+"?state=outdated").must(t, http.StatusOK).contains(t, "The Russian source changed:",
		`<span lang="ru"><del>Сегодня</del><ins>Вчера</ins> в Алматы`)
}

// TestUIEditorPaging: a 3,000-segment document's editor is pages of whole
// paragraphs, at most editorPageSize segments each, a bounded size, with
// page links that keep the filter; the review queue pages by 100.
func TestUIEditorPaging(t *testing.T) {
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	ts.person(t, "bolat", testPassword, "reviewer:kk")
	kk, _ := ts.newUser(t, "aigerim", "translator:kk")
	var text strings.Builder
	text.WriteString("Большой документ о сотрудничестве\n")
	for p := 2; p <= 301; p++ {
		for k := 1; k <= 10; k++ {
			if p == 301 && k == 10 {
				break
			}
			fmt.Fprintf(&text, "Абзац %d, предложение %d о развитии сотрудничества между странами. ", p, k)
		}
		text.WriteString("\n")
	}
	doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Большой документ", "text": text.String()}).
		must(t, http.StatusCreated).Body
	ids := segmentIDs(t, doc)
	if len(ids) != 3000 {
		t.Fatalf("%d segments, want 3000", len(ids))
	}
	docID := num(doc["id"])
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "bolat", testPassword)
	editor := fmt.Sprintf("/translate/%d/kk", docID)
	p := b.get(t, editor).must(t, http.StatusOK)
	const maxPage = 400 << 10 // page 1 is about 215 KB; the whole document was 3.4 MB
	if len(p.Body) > maxPage {
		t.Errorf("the editor page of a 3,000-segment document is %d bytes, want at most %d", len(p.Body), maxPage)
	}
	t.Logf("editor page 1: %d bytes", len(p.Body))
	if d := os.Getenv("DUMP_EDITOR"); d != "" {
		_ = os.WriteFile(d, []byte(p.Body), 0o644)
	}
	if n := strings.Count(p.Body, `<article class="seg"`); n == 0 || n > editorPageSize {
		t.Errorf("page 1 shows %d segments, want 1…%d", n, editorPageSize)
	}
	// Paragraph 1 is the title (1 segment), then 10 a paragraph: 1 + 19×10 fit in 200.
	p.contains(t, `id="p-20"`, "Segments 1–191 of 3000.", fmt.Sprintf(`href="%s?page=2" title="¶ 21–40" rel="next"`, editor))
	if strings.Contains(p.Body, `id="p-21"`) {
		t.Error("page 1 shows paragraph 21")
	}
	if strings.Contains(p.Body, "Showing") {
		t.Error("page 1 of a long document says it shows all its segments")
	}
	// The hint counts what the page shows, in the interface's language.
	ru := ts.browser(t)
	ru.language = "ru"
	ru.signIn(t, "bolat", testPassword)
	ru.get(t, editor+"?page=2").must(t, http.StatusOK).contains(t, "Сегменты 192–391 из 3000.")
	p = b.get(t, editor+"?state=untranslated&page=3").must(t, http.StatusOK)
	p.contains(t, `id="p-41"`, "Segments 392–591 of 3000.", fmt.Sprintf(`href="%s?page=4&amp;state=untranslated"`, editor),
		fmt.Sprintf(`href="%s?state=untranslated" aria-current="true"`, editor), `aria-current="page" title="¶ 41–60">Page 3 of 16</a>`)
	b.get(t, editor+"?page=999").must(t, http.StatusOK).contains(t, `id="p-301"`)

	// The review queue: 150 translated, 100 a page.
	for _, id := range ids[:150] {
		if _, err := ts.App.SaveTranslation(context.Background(), kk, id, "kk", 0, "Ынтымақтастық туралы сөйлем."); err != nil {
			t.Fatal(err)
		}
	}
	q := fmt.Sprintf("/review/kk?doc=%d", docID)
	p = b.get(t, q).must(t, http.StatusOK).contains(t, "150 translations await review", "Approve all 100 shown",
		fmt.Sprintf(`href="%s&amp;page=2"`, q))
	if n := strings.Count(p.Body, `<li class="item"`); n != 100 {
		t.Errorf("review page 1 shows %d items, want 100", n)
	}
	p = b.get(t, q+"&page=2").must(t, http.StatusOK)
	if n := strings.Count(p.Body, `<li class="item"`); n != 50 {
		t.Errorf("review page 2 shows %d items, want 50", n)
	}
	// An action on page 2 comes back to page 2.
	back := b.post(t, fmt.Sprintf("/review/kk/%d/reject", ids[120]), url.Values{"csrf": {b.csrf(t, "/")}, "version": {"1"},
		"comment": {"Терминді тексеріңіз"}, "doc": {strconv.Itoa(docID)}, "page": {"2"}}).must(t, http.StatusSeeOther)
	if back.Location != q+"&page=2" {
		t.Errorf("after a rejection on page 2 the queue returns to %q", back.Location)
	}
	// So does "approve all shown" (bolat wrote none of them; the placeholder text passes the checks).
	all := b.post(t, "/review/kk", url.Values{"csrf": {b.csrf(t, "/")}, "doc": {strconv.Itoa(docID)}, "page": {"2"},
		"item": {fmt.Sprintf("%d:1", ids[130])}}).must(t, http.StatusSeeOther)
	if !strings.Contains(all.Location, "page=2") {
		t.Errorf("after approving all on page 2 the queue returns to %q", all.Location)
	}
}

// TestUIEditorXLIFFUploadAfterCorrection: a file exported before the
// publisher corrected a sentence still saves the other sentences; the
// corrected one is shown as a conflict pointing at the new sentence.
func TestUIEditorXLIFFUploadAfterCorrection(t *testing.T) {
	k := startKKTeam(t)
	ts, docID, sources := k.ts, k.doc, k.sources
	file, _ := ts.download(t, fmt.Sprintf("/api/v1/documents/%d/xliff/kk?format=2.1", docID), k.kk)
	filled := fillXLIFF(t, file, func(i int, source string) string { return fakeTarget("kk", source, i) })
	corrected := strings.Replace(announcement(t), sources[1], strings.Replace(sources[1], "более десяти", "двенадцати", 1), 1)
	ts.call(t, "PUT", fmt.Sprintf("/api/v1/documents/%d", docID), k.pub, map[string]any{"text": corrected, "base_revision": 1}).must(t, http.StatusOK)
	list, err := ts.App.Translations(context.Background(), int64(docID), "kk")
	if err != nil {
		t.Fatal(err)
	}
	newID := list.Segments[1].ID

	editor := fmt.Sprintf("/translate/%d/kk", docID)
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "aigerim", testPassword)
	p := b.upload(t, editor+"/xliff", b.csrf(t, editor), "kk.xlf", filled).must(t, http.StatusOK)
	p.contains(t, "Saved 16, unchanged 0, conflicts 1.", fmt.Sprintf(`<a href="#seg-%d">2.1</a>`, newID),
		"The Russian sentence was corrected after your export", "Current text: not translated yet")
}
