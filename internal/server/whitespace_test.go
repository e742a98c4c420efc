package server

import (
	"fmt"
	"net/http"
	"testing"
)

// TestWhitespacePolicy pins what Tilmash does with spaces, as the README
// states it: the spaces around a segment belong to the document's layout,
// not to the segment — a segment and its translation never begin or end
// with a space (ordinary or no-break), and a release joins the sentences of
// a paragraph with one space and separates paragraphs — while a no-break
// space inside a text is kept as typed, in the source and in a translation.
func TestWhitespacePolicy(t *testing.T) {
	ts := startServer(t)
	publisher := ts.user(t, "petr", "publisher")
	translator := ts.user(t, "aigerim", "translator:kk")
	reviewer := ts.user(t, "bolat", "reviewer:kk")
	text := "  Семинар прошёл 27\u00a0ноября.\u00a0  Участвовали 1\u00a0000 человек.  \n\n\u00a0Итоги подведут\u00a0завтра.\u00a0\n"
	doc := ts.call(t, "POST", "/api/v1/documents", publisher, map[string]string{"title": "Пробелы", "text": text}).must(t, http.StatusCreated).Body
	sources := sourcesOf(doc)
	want := []string{"Семинар прошёл 27\u00a0ноября.", "Участвовали 1\u00a0000 человек.", "Итоги подведут\u00a0завтра."}
	if fmt.Sprintf("%q", sources) != fmt.Sprintf("%q", want) {
		t.Fatalf("segments %q, want %q", sources, want)
	}
	targets := []string{" \u00a0Семинар 27\u00a0қарашада өтті.\u00a0", "\tОған 1\u00a0000 адам қатысты. ", "Қорытынды\u00a0ертең шығарылады."}
	stored := []string{"Семинар 27\u00a0қарашада өтті.", "Оған 1\u00a0000 адам қатысты.", "Қорытынды\u00a0ертең шығарылады."}
	for i, id := range segmentIDs(t, doc) {
		path := fmt.Sprintf("/api/v1/segments/%d/translations/kk", id)
		saved := ts.call(t, "PUT", path, translator, map[string]any{"target": targets[i], "version": 0}).must(t, http.StatusOK).Body
		if saved["target"] != stored[i] {
			t.Errorf("segment %d saved as %q, want %q", i+1, saved["target"], stored[i])
		}
		ts.call(t, "POST", path+"/approve", reviewer, map[string]any{"version": 1}).must(t, http.StatusOK)
	}
	rel := ts.call(t, "POST", fmt.Sprintf("/api/v1/documents/%d/releases", num(doc["id"])), publisher,
		map[string]string{"lang": "kk"}).must(t, http.StatusCreated).Body["release"].(map[string]any)
	got := get(t, rel["url"].(string)+".txt", http.StatusOK)
	wantText := "Пробелы\n\n" + stored[0] + " " + stored[1] + "\n\n" + stored[2] + "\n"
	if got != wantText {
		t.Errorf("release text\n got %q\nwant %q", got, wantText)
	}
}
