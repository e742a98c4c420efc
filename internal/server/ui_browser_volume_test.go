package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserHugeDocumentPhone: the 32,730-segment document's editor at a
// phone's 390×844: the first segment is on the first screen (the tools fold
// behind one button, aria-expanded), the pager has at most ten links, and
// the page needs no sideways scrolling; at 1280 the tools are open and the
// button is not shown.
func TestBrowserHugeDocumentPhone(t *testing.T) {
	browser := startBrowser(t)
	d := startHugeDoc(t)
	a := newTab(t, browser, d.ts.URL)
	a.signIn("aigerim", testPassword)
	a.do("phone viewport", chromedp.EmulateViewport(390, 844))
	a.open(d.editor)
	top := eval[float64](a, `document.querySelector("article.seg").getBoundingClientRect().top`)
	t.Logf("at 390×844 the first segment starts at %.0f px", top)
	if dir := os.Getenv("TILMASH_SHOTS_EDITOR"); dir != "" {
		shot(t, a, filepath.Join(dir, "editor-huge-390.png"))
	}
	if top >= 844 || top <= 0 {
		t.Errorf("at 390×844 the first segment's top is at %.0f px, want on the first screen (0…844)", top)
	}
	// The first segment's textarea is on screen too, not only its number.
	if bottom := eval[float64](a, `document.querySelector("article.seg textarea").getBoundingClientRect().bottom`); bottom > 844 {
		t.Errorf("at 390×844 the first textarea ends at %.0f px, below the first screen", bottom)
	}
	if w := eval[int64](a, "document.documentElement.scrollWidth"); w > 390 {
		t.Errorf("the editor is %d px wide at 390", w)
	}
	if n := eval[int](a, `document.querySelector("nav.pager").querySelectorAll("a").length`); n > 10 {
		t.Errorf("the pager has %d links, want at most 10", n)
	}
	toggle := `document.querySelector("button.tools-toggle")`
	if got := eval[string](a, toggle+`.getAttribute("aria-expanded")`); got != "false" {
		t.Errorf("on a phone the tools button is aria-expanded=%q, want false", got)
	}
	visible := `getComputedStyle(document.getElementById("editor-tools")).display !== "none"`
	if eval[bool](a, visible) {
		t.Error("on a phone the tools are shown before the button is pressed")
	}
	a.do("open the tools", chromedp.Click(chromedp.CSS("button.tools-toggle")))
	if !eval[bool](a, visible) || eval[string](a, toggle+`.getAttribute("aria-expanded")`) != "true" {
		t.Error("the tools button does not open the tools")
	}
	// The search form is among them, and a search keeps them open.
	a.open(d.editor + "?q=" + "ЭКОНОМИКА")
	if !eval[bool](a, visible) {
		t.Error("after a search the tools are folded away")
	}

	a.do("desktop viewport", chromedp.EmulateViewport(1280, 800))
	a.open(d.editor)
	if !eval[bool](a, visible) || eval[bool](a, `getComputedStyle(`+toggle+`).display !== "none"`) {
		t.Error("at 1280 the tools are folded, or their button shows")
	}
	if top := eval[float64](a, `document.querySelector("article.seg").getBoundingClientRect().top`); top >= 800 {
		t.Errorf("at 1280×800 the first segment's top is at %.0f px", top)
	}
}

// emptyArea empties a textarea and gives it the focus, for typing anew.
func emptyArea(a *tab, id string) {
	a.t.Helper()
	eval[bool](a, fmt.Sprintf(`(function (e) { e.value = ""; e.focus(); return true; })(document.getElementById(%q))`, id))
}

// describedBy is the ids an element's aria-describedby names, space-separated.
func describedBy(a *tab, id string) string {
	return eval[string](a, fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-describedby") || ""`, id))
}

// live is what the editor's polite live region says now.
const live = `document.getElementById("editor-live").textContent`

// TestBrowserScreenReader: what a screen reader hears in the editor. Each
// Save button is named for its segment; the reviewer's comment, the
// findings and the open comments describe the textarea; a save with errors
// is said with its findings in the live region and Ctrl+Enter stays on it;
// a glossary term's rendering is reachable by keyboard; after a conflict
// the header names the winning version's author; memory suggestions
// arriving and Alt+1 are said too.
func TestBrowserScreenReader(t *testing.T) {
	browser := startBrowser(t)
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	rev := ts.person(t, "bolat", testPassword, "reviewer:kk")
	dana := ts.person(t, "dana", testPassword, "translator:kk")
	ts.call(t, "POST", "/api/v1/glossary/kk", rev, map[string]any{"source": "госслужба", "target": "мемлекеттік қызмет"}).must(t, 201)
	ts.remember(t, pub, kk, rev, memorySentence, memoryTranslation)
	doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Семинар",
		"text": "Семинар пройдет 27 ноября в Алматы.\nУчастники обсудили развитие госслужбы.\nДокладчики представили три проекта.\n" + memorySentence}).
		must(t, 201).Body
	ids := segmentIDs(t, doc)
	seg := func(i int) string { return fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[i]) }
	ts.call(t, "PUT", seg(0), dana, map[string]any{"target": "Семинар 27 қарашада Алматыда өтеді.", "version": 0}).must(t, 200)
	ts.call(t, "PUT", seg(1), dana, map[string]any{"target": "Қатысушылар мемлекеттік қызметтің дамуын талқылады.", "version": 0}).must(t, 200)
	ts.call(t, "POST", seg(1)+"/reject", rev, map[string]any{"version": 1, "comment": "Терминді тексеріңіз"}).must(t, 200)
	editor := fmt.Sprintf("/translate/%d/kk", num(doc["id"]))
	ta := func(i int) string { return fmt.Sprintf("t-%d", ids[i]) }

	a := newTab(t, browser, ts.URL)
	a.signIn("aigerim", testPassword)
	a.open(editor)

	// Per-segment names, the word "Save" still what is seen.
	names := eval[string](a, `Array.from(document.querySelectorAll("button.save")).map(b => b.getAttribute("aria-label") + "/" + b.textContent).join("|")`)
	if want := "Save segment 1.1/Save|Save segment 2.1/Save|Save segment 3.1/Save|Save segment 4.1/Save"; names != want {
		t.Errorf("the Save buttons: %q, want %q", names, want)
	}
	// The reviewer's comment describes the rejected segment's textarea.
	if got := describedBy(a, ta(1)); got != fmt.Sprintf("src-%d st-%d rj-%d", ids[1], ids[1], ids[1]) {
		t.Errorf("the rejected segment's textarea is described by %q", got)
	}
	if got := eval[string](a, fmt.Sprintf(`document.getElementById("rj-%d").textContent`, ids[1])); !strings.Contains(got, "Терминді тексеріңіз") {
		t.Errorf("rj- holds %q", got)
	}

	// The glossary term in the source: a mark reachable by Tab, described by
	// its rendering, which shows when it has the focus.
	mark := fmt.Sprintf(`document.querySelector("#src-%d mark")`, ids[1])
	if got := eval[string](a, mark+`.textContent + "/" + `+mark+`.tabIndex`); got != "госслужбы/0" {
		t.Fatalf("the marked term: %q, want госслужбы/0", got)
	}
	tip := `document.getElementById(` + mark + `.getAttribute("aria-describedby"))`
	if got := eval[string](a, tip+`.textContent`); !strings.Contains(got, "мемлекеттік қызмет") {
		t.Errorf("the term's description is %q", got)
	}
	if w := eval[float64](a, tip+`.getBoundingClientRect().width`); w > 1 {
		t.Errorf("the rendering shows (%.0f px wide) before the term has the focus", w)
	}
	a.do("focus the term", chromedp.Focus(chromedp.CSS(fmt.Sprintf("#src-%d mark", ids[1]))))
	if w := eval[float64](a, tip+`.getBoundingClientRect().width`); w <= 1 {
		t.Error("the rendering does not show when the term has the focus")
	}

	// A conflict: bolat read dana's version 1, aigerim saves version 2.
	b := newTab(t, browser, ts.URL)
	b.signIn("bolat", testPassword)
	b.open(editor)
	emptyArea(a, ta(0))
	a.typeText("Семинар 27 қарашада Алматы қаласында өтеді.")
	a.ctrlEnter()
	a.waitFor("aigerim's save", fmt.Sprintf(`document.querySelector("#seg-%d").dataset.version === "2"`, ids[0]))
	b.do("focus segment 1", chromedp.Focus(chromedp.ID(ta(0))))
	b.typeText(" Иә.")
	b.ctrlEnter()
	b.waitFor("the conflict", fmt.Sprintf(`(document.querySelector("#seg-%d .conflict-who") || {}).textContent`, ids[0]))
	if got := eval[string](b, fmt.Sprintf(`document.querySelector("#seg-%d .author").textContent`, ids[0])); got != "author: aigerim" {
		t.Errorf("after the conflict the header says %q, want the winner, aigerim (not dana)", got)
	}
	if got := eval[string](b, fmt.Sprintf(`document.querySelector("#seg-%d .conflict-who").textContent`, ids[0])); got != "aigerim saved version 2 meanwhile." {
		t.Errorf("the conflict panel says %q", got)
	}
	b.do("take theirs", chromedp.Click(chromedp.CSS(fmt.Sprintf("#seg-%d button.take-theirs", ids[0]))))
	if got := eval[string](b, fmt.Sprintf(`document.querySelector("#seg-%d .author").textContent`, ids[0])); got != "author: aigerim" {
		t.Errorf("after taking theirs the header says %q", got)
	}

	// A save whose checks find an error: said with its findings, the focus stays.
	emptyArea(a, ta(0))
	a.typeText("Семинар қарашада Алматыда өтеді.")
	a.ctrlEnter()
	a.waitFor("the announcement", live+`.indexOf("Saved with findings. Errors: 1") === 0`)
	if got := eval[string](a, live); !strings.Contains(got, "27") {
		t.Errorf("the live region says %q, without the missing 27", got)
	}
	if got := eval[string](a, `document.activeElement.id`); got != ta(0) {
		t.Errorf("after a save with errors Ctrl+Enter moved the focus to %q", got)
	}
	if got := describedBy(a, ta(0)); got != fmt.Sprintf("src-%d st-%d ck-%d", ids[0], ids[0], ids[0]) {
		t.Errorf("after the save the textarea is described by %q, want the findings too", got)
	}
	// Fixed, Ctrl+Enter goes on.
	emptyArea(a, ta(0))
	a.typeText("Семинар 27 қарашада Алматыда өтеді.")
	a.ctrlEnter()
	a.waitFor("moved on", fmt.Sprintf(`document.activeElement.id !== %q`, ta(0)))
	if got := describedBy(a, ta(0)); strings.Contains(got, "ck-") {
		t.Errorf("a text without findings is still described by them: %q", got)
	}

	// A comment describes the textarea while it is open.
	a.do("open Comment", chromedp.Click(chromedp.CSS(fmt.Sprintf("#seg-%d details.comment-add summary", ids[2]))))
	a.waitFor("the comment form", fmt.Sprintf(`document.getElementById("cmt-%d") !== null`, ids[2]))
	a.do("type the comment", chromedp.Focus(chromedp.ID(fmt.Sprintf("cmt-%d", ids[2]))))
	a.typeText("Үш жоба ма, әлде төрт пе?")
	a.do("send", chromedp.Click(chromedp.CSS(fmt.Sprintf("#seg-%d .comment-form button", ids[2]))))
	a.waitFor("the comment", fmt.Sprintf(`document.querySelectorAll("#cm-%d li").length === 1`, ids[2]))
	if got := describedBy(a, ta(2)); !strings.HasSuffix(got, fmt.Sprintf(" cm-%d", ids[2])) {
		t.Errorf("with an open comment the textarea is described by %q", got)
	}
	b.open(editor)
	if got := eval[string](b, fmt.Sprintf(`document.querySelector("#cm-%d li .text").textContent`, ids[2])); got != "Үш жоба ма, әлде төрт пе?" {
		t.Errorf("the reviewer reads %q", got)
	}
	b.do("resolve", chromedp.Click(chromedp.CSS(fmt.Sprintf("#cm-%d button.resolve", ids[2]))))
	b.waitFor("resolved", fmt.Sprintf(`document.querySelector("#cm-%d li.resolved") !== null`, ids[2]))
	b.waitFor("said", live+` === "Comment resolved."`)
	if got := describedBy(b, ta(2)); strings.Contains(got, "cm-") {
		t.Errorf("a resolved comment still describes the textarea: %q", got)
	}

	// Memory suggestions are said as they come, and Alt+1 says what it put in.
	a.open(editor)
	a.do("focus segment 4", chromedp.Focus(chromedp.ID(ta(3))))
	a.waitFor("the suggestions said", live+`.indexOf("Memory suggestions for segment 4.1: 1.") === 0`)
	a.do("Alt+1", chromedp.KeyEvent("1", chromedp.KeyModifiers(chromedp.ModifierAlt)))
	a.waitFor("the insert said", live+` === "Suggestion 1 inserted: `+memoryTranslation+`"`)
}
