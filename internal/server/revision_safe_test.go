package server

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// The eight sentences of the restore test, in three paragraphs.
var restoreParagraphs = [][]string{
	{"Семинар по укреплению институтов прошёл в Алматы.", "В нём участвовали представители десяти стран.", "Работа шла три дня."},
	{"Участники обсудили реформу государственной службы.", "Эксперты представили опыт Эстонии и Сингапура.", "Особое внимание уделили цифровым услугам."},
	{"Следующая встреча пройдёт в Душанбе.", "Организаторы благодарят всех участников."},
}

func joinParagraphs(ps [][]string) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = strings.Join(p, " ")
	}
	return strings.Join(lines, "\n")
}

// revisionTeam is a publisher and kk/en translators and a kk reviewer.
type revisionTeam struct {
	ts                  *testServer
	press, kkT, kkR, en string
}

func newRevisionTeam(t *testing.T) revisionTeam {
	ts := startServer(t)
	return revisionTeam{ts: ts, press: ts.user(t, "press", "publisher"), kkT: ts.user(t, "aigerim", "translator:kk"),
		kkR: ts.user(t, "bolat", "reviewer:kk"), en: ts.user(t, "emma", "translator:en")}
}

// segState is one segment of a translation list, as compared.
type segState struct {
	ID      int64
	Source  string
	State   string
	Target  string
	Version int
}

func (r revisionTeam) list(t *testing.T, doc int, lang string) []segState {
	t.Helper()
	body := r.ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d/translations/%s", doc, lang), r.press, nil).must(t, 200).Body
	var out []segState
	for _, s := range body["segments"].([]any) {
		m := s.(map[string]any)
		out = append(out, segState{ID: int64(num(m["id"])), Source: m["source"].(string), State: m["state"].(string),
			Target: m["target"].(string), Version: num(m["version"])})
	}
	return out
}

// revise previews a text, then revises with it, and checks that the
// preview's per-language outdated counts are what the revision did.
func (r revisionTeam) revise(t *testing.T, doc, base int, text string) map[string]any {
	t.Helper()
	path := fmt.Sprintf("/api/v1/documents/%d", doc)
	p := r.ts.call(t, "POST", path+"/revisions/preview", r.press, map[string]any{"text": text}).must(t, 200).Body
	if num(p["base_revision"]) != base {
		t.Fatalf("preview against revision %v, want %d", p["base_revision"], base)
	}
	before := map[string]map[int64]string{}
	for _, lang := range []string{"kk", "en"} {
		before[lang] = map[int64]string{}
		for _, s := range r.list(t, doc, lang) {
			before[lang][s.ID] = s.State
		}
	}
	v := r.ts.call(t, "PUT", path, r.press, map[string]any{"text": text, "base_revision": base}).must(t, 200).Body
	if len(v["segments"].([]any)) != num(p["segments"]) {
		t.Errorf("preview said %v segments, the revision has %d", p["segments"], len(v["segments"].([]any)))
	}
	for _, lang := range []string{"kk", "en"} {
		outdated, restored := 0, 0
		for _, s := range r.list(t, doc, lang) {
			old, was := before[lang][s.ID]
			switch {
			case !was && s.State == "outdated":
				outdated++
			case !was && s.State != "untranslated":
				restored++
			case was && old != s.State:
				t.Errorf("%s: kept segment %d went from %s to %s", lang, s.ID, old, s.State)
			}
		}
		want := p["outdated"].(map[string]any)[lang]
		if want == nil {
			want = 0.0
		}
		if float64(outdated) != want {
			t.Errorf("%s: the revision outdated %d translations, the preview said %v", lang, outdated, want)
		}
		want = p["restored_translations"].(map[string]any)[lang]
		if want == nil {
			want = 0.0
		}
		if float64(restored) != want {
			t.Errorf("%s: the revision restored %d translations, the preview said %v", lang, restored, want)
		}
	}
	return p
}

// TestRestoredParagraphKeepsItsTranslations: issue 14's revision 4 — a
// paragraph replaced, another sentence corrected, then the paragraph put back
// — brings every translation of the paragraph back with its state and text.
func TestRestoredParagraphKeepsItsTranslations(t *testing.T) {
	r := newRevisionTeam(t)
	ts := r.ts
	doc := num(ts.call(t, "POST", "/api/v1/documents", r.press, map[string]string{"title": "t", "text": joinParagraphs(restoreParagraphs)}).must(t, 201).Body["id"])
	first := r.list(t, doc, "kk")
	if len(first) != 8 {
		t.Fatalf("%d segments, want 8", len(first))
	}
	for i, s := range first {
		p := fmt.Sprintf("/api/v1/segments/%d/translations/", s.ID)
		ts.call(t, "PUT", p+"kk", r.kkT, map[string]any{"target": fakeTarget("kk", s.Source, i), "version": 0}).must(t, 200)
		if i%2 == 0 { // every other kk translation approved, the rest left translated
			ts.call(t, "POST", p+"kk/approve", r.kkR, map[string]any{"version": 1}).must(t, 200)
		}
		ts.call(t, "PUT", p+"en", r.en, map[string]any{"target": fakeTarget("en", s.Source, i), "version": 0}).must(t, 200)
	}
	want := map[string][]segState{"kk": r.list(t, doc, "kk"), "en": r.list(t, doc, "en")}

	// Revision 2: paragraph 2 replaced by sentences sharing no words with it.
	replaced := [][]string{restoreParagraphs[0], {"Погода стояла солнечная.", "Кофе подавали горячим."}, restoreParagraphs[2]}
	p := r.revise(t, doc, 1, joinParagraphs(replaced))
	if got := []int{num(p["kept"]), num(p["changed"]), num(p["added"]), num(p["restored"]), num(p["removed"])}; !reflect.DeepEqual(got, []int{5, 0, 2, 0, 3}) {
		t.Errorf("preview of revision 2: kept, changed, added, restored, removed = %v", got)
	}
	// Revision 3: the last sentence corrected: outdated in both languages.
	corrected := [][]string{replaced[0], replaced[1], {restoreParagraphs[2][0], "Организаторы сердечно благодарят всех участников."}}
	p = r.revise(t, doc, 2, joinParagraphs(corrected))
	if p["outdated"].(map[string]any)["kk"] != 1.0 || p["outdated"].(map[string]any)["en"] != 1.0 {
		t.Errorf("preview of revision 3: outdated %v, want kk 1, en 1", p["outdated"])
	}
	// Revision 4: paragraph 2 and the last sentence back as they were.
	p = r.revise(t, doc, 3, joinParagraphs(restoreParagraphs))
	if got := []int{num(p["kept"]), num(p["changed"]), num(p["added"]), num(p["restored"]), num(p["removed"])}; !reflect.DeepEqual(got, []int{4, 0, 0, 4, 3}) {
		t.Errorf("preview of revision 4: kept, changed, added, restored, removed = %v", got)
	}
	for _, lang := range []string{"kk", "en"} {
		if got := r.list(t, doc, lang); !reflect.DeepEqual(got, want[lang]) {
			t.Errorf("%s after revision 4:\n got %v\nwant %v", lang, got, want[lang])
		}
	}
	// The history says what happened.
	h := ts.call(t, "GET", fmt.Sprintf("/api/v1/segments/%d/translations/kk/history", first[3].ID), r.kkR, nil).must(t, 200).Body["events"].([]any)
	if last := h[len(h)-1].(map[string]any); last["action"] != "restore" || last["to"] != "translated" {
		t.Errorf("last event of a restored segment: %v", last)
	}
}

// TestReviseNeedsTheCurrentBase: a stale or missing base_revision is a
// conflict naming the current revision and its author; nothing is stored.
func TestReviseNeedsTheCurrentBase(t *testing.T) {
	r := newRevisionTeam(t)
	ts := r.ts
	other := ts.user(t, "second", "publisher")
	doc := num(ts.call(t, "POST", "/api/v1/documents", r.press, map[string]string{"title": "t", "text": joinParagraphs(restoreParagraphs)}).must(t, 201).Body["id"])
	path := fmt.Sprintf("/api/v1/documents/%d", doc)
	ts.call(t, "PUT", path, other, map[string]any{"text": "Первая правка.", "base_revision": 1}).must(t, 200)
	for _, body := range []map[string]any{{"text": "Вторая правка.", "base_revision": 1}, {"text": "Вторая правка."}} {
		e := ts.call(t, "PUT", path, r.press, body).must(t, http.StatusConflict).Body
		if e["code"] != "conflict" || num(e["current_revision"]) != 2 || e["revision_author"] != "second" || e["revision_at"] == nil {
			t.Errorf("%v: %v", body, e)
		}
	}
	if v := ts.call(t, "GET", path, r.press, nil).must(t, 200).Body; num(v["revision"]) != 2 || v["segments"].([]any)[0].(map[string]any)["source"] != "Первая правка." {
		t.Errorf("after the refused revisions: %v", v)
	}
	ts.call(t, "POST", path+"/revisions/preview", r.kkT, map[string]any{"text": "x"}).must(t, http.StatusForbidden)
	ts.call(t, "POST", path+"/revisions/preview", r.press, map[string]any{"text": "  "}).must(t, http.StatusBadRequest)
	if p := ts.call(t, "POST", path+"/revisions/preview", r.press, map[string]any{"text": "Первая правка."}).must(t, 200).Body; p["unchanged"] != true {
		t.Errorf("preview of the current text: %v", p)
	}
}
