package server

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestUISourceImportAndRevise: a publisher imports the announcement in the
// browser, sees its hygiene warnings, corrects one sentence as a new
// revision; the others keep their translations. Translators may not.
func TestUISourceImportAndRevise(t *testing.T) {
	ts := startServer(t)
	ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	rev := ts.user(t, "bolat", "reviewer:kk")
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "press", testPassword)

	b.get(t, "/").must(t, http.StatusOK).contains(t, `href="/documents/new"`)
	token := b.csrf(t, "/documents/new")
	p := b.post(t, "/documents", url.Values{"csrf": {token}, "title": {"Семинар <в> Алматы"}, "text": {announcement(t)}}).must(t, http.StatusSeeOther)
	var id int64
	if _, err := fmt.Sscanf(p.Location, "/documents/%d/source?saved=1", &id); err != nil {
		t.Fatalf("redirect to %q: %v", p.Location, err)
	}
	saved := b.get(t, p.Location).must(t, http.StatusOK).contains(t, "Saved: the document is at revision 1.", "17 segments",
		"Семинар &lt;в&gt; Алматы", `<li data-kind="missing_space">Paragraph 10: <span>No space after the end of a sentence: “`,
		"Paragraph 8: <span>A stray combining mark", "целей.Напомним")
	// Each warning says its problem once: no title repeats the sentence.
	if n := strings.Count(saved.Body, "No space after the end of a sentence"); n != 1 {
		t.Errorf("the missing space is named %d times, want once", n)
	}

	// A kk translation of the first sentence, approved, must survive the correction of another.
	list, err := ts.App.Translations(context.Background(), id, "kk")
	if err != nil {
		t.Fatal(err)
	}
	first := fmt.Sprintf("/api/v1/segments/%d/translations/kk", list.Segments[0].ID)
	ts.call(t, "PUT", first, kk, map[string]any{"target": fakeTarget("kk", list.Segments[0].Source, 0), "version": 0}).must(t, 200)
	ts.call(t, "POST", first+"/approve", rev, map[string]any{"version": 1}).must(t, 200)

	corrected := strings.Replace(announcement(t), "Государственной̆", "Государственной", 1)
	// The form previews first: one sentence changed, one kk translation outdated.
	b.post(t, fmt.Sprintf("/documents/%d/source", id), url.Values{"csrf": {token}, "base_revision": {"1"}, "text": {corrected}}).
		must(t, http.StatusOK).contains(t, "What saving this text does to revision 1", "Sentences kept: 16",
		"Sentences changed (their translations become outdated): 1",
		`name="confirm" value="1"`, "Confirm: save as the revision after 1")
	b.post(t, fmt.Sprintf("/documents/%d/source", id), url.Values{"csrf": {token}, "base_revision": {"1"}, "confirm": {"1"}, "text": {corrected}}).
		must(t, http.StatusSeeOther)
	// A confirmation made from revision 1 now meets revision 2: refused, naming it and its author.
	b.post(t, fmt.Sprintf("/documents/%d/source", id), url.Values{"csrf": {token}, "base_revision": {"1"}, "confirm": {"1"}, "text": {"Другой текст."}}).
		must(t, http.StatusConflict).contains(t, "Revision 2 was saved by press since you opened this text.", "Другой текст.")
	page := b.get(t, fmt.Sprintf("/documents/%d/source", id)).must(t, http.StatusOK)
	if strings.Contains(page.Body, "Stray combining mark") || !strings.Contains(page.Body, "revision 2") {
		t.Errorf("after the correction the page still warns of the combining mark or is not at revision 2")
	}
	after, err := ts.App.Translations(context.Background(), id, "kk")
	if err != nil {
		t.Fatal(err)
	}
	if s := after.Segments[0]; s.State != "approved" || s.ID != list.Segments[0].ID {
		t.Errorf("the untouched first sentence is %s (id %d, was %d)", s.State, s.ID, list.Segments[0].ID)
	}

	// Empty text: refused with the reason, the title kept.
	b.post(t, "/documents", url.Values{"csrf": {token}, "title": {"Пусто"}, "text": {" \n "}}).
		must(t, http.StatusBadRequest).contains(t, "The text was not saved:", `value="Пусто"`)
	// A file upload that is not UTF-8 (windows-1251) is refused, not garbled.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", token)
	mw.WriteField("title", "cp1251")
	fw, _ := mw.CreateFormFile("file", "press.txt")
	fw.Write([]byte{0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2}) // "Привет" in windows-1251
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/documents", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	b.do(t, req).must(t, http.StatusBadRequest).contains(t, "The text is not UTF-8.")
	// A UTF-8 file is taken over the text area.
	body.Reset()
	mw = multipart.NewWriter(&body)
	mw.WriteField("csrf", token)
	mw.WriteField("title", "Файл")
	mw.WriteField("text", "")
	fw, _ = mw.CreateFormFile("file", "press.txt")
	fw.Write([]byte("\ufeffПервый абзац. Второе предложение.\r\nВторой абзац.\r\n"))
	mw.Close()
	req, _ = http.NewRequest(http.MethodPost, ts.URL+"/documents", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	loc := b.do(t, req).must(t, http.StatusSeeOther).Location
	b.get(t, loc).must(t, http.StatusOK).contains(t, "3 segments")
	// Without the CSRF token: 403.
	b.post(t, "/documents", url.Values{"title": {"x"}, "text": {"Текст."}}).must(t, http.StatusForbidden)

	// A translator can neither open the form nor post it.
	tr := ts.browser(t)
	tr.signIn(t, "aigerim", testPassword)
	tr.get(t, "/documents/new").must(t, http.StatusForbidden)
	tr.get(t, fmt.Sprintf("/documents/%d/source", id)).must(t, http.StatusForbidden)
	tr.post(t, "/documents", url.Values{"csrf": {tr.csrf(t, "/")}, "title": {"x"}, "text": {"Текст."}}).must(t, http.StatusForbidden)
	if p := tr.get(t, "/"); strings.Contains(p.Body, `href="/documents/new"`) {
		t.Error("a translator's dashboard offers the import")
	}
}
