package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSourceCorrected: a translator (Russian interface) saves a
// segment whose Russian sentence the publisher corrected meanwhile. The typed
// text stays, a Russian message says why it cannot be saved, a button copies
// the text and a link reloads the page.
func TestBrowserSourceCorrected(t *testing.T) {
	browser := startBrowser(t)
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	ts.person(t, "aigerim", testPassword, "translator:kk")
	doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Семинар",
		"text": "Семинар пройдет 27 ноября.\nУчастники обсудят сотрудничество."}).must(t, http.StatusCreated).Body
	ids := segmentIDs(t, doc)
	editor := fmt.Sprintf("/translate/%d/kk", num(doc["id"]))

	a := newTab(t, browser, ts.URL)
	a.open("/signin")
	a.navigate("switch to Russian", chromedp.Click(chromedp.CSS(`.switcher button[value="ru"]`)))
	a.signIn("aigerim", testPassword)
	a.open(editor)
	const typed = "Семинар 27 қарашада өтеді."
	a.do("focus the first segment", chromedp.Focus(chromedp.ID(fmt.Sprintf("t-%d", ids[0]))))
	a.typeText(typed)

	// Meanwhile the publisher corrects the first sentence: a new revision.
	ts.call(t, "PUT", fmt.Sprintf("/api/v1/documents/%d", num(doc["id"])), pub, map[string]any{"base_revision": 1,
		"text": "Семинар пройдет 28 ноября.\nУчастники обсудят сотрудничество."}).must(t, http.StatusOK)
	a.ctrlEnter()
	box := fmt.Sprintf("#seg-%d .conflict", ids[0])
	a.waitFor("the message", fmt.Sprintf(`!document.querySelector(%q).hidden`, box))
	const want = "Пока вы писали, русское предложение этого сегмента исправили, поэтому сохранить здесь ваш текст нельзя. " +
		"Скопируйте свой текст и перезагрузите страницу, чтобы увидеть новое предложение."
	if got := eval[string](a, fmt.Sprintf(`document.querySelector("%s .gone-title").textContent`, box)); got != want {
		t.Errorf("the message reads %q, want %q", got, want)
	}
	if got := eval[string](a, fmt.Sprintf(`document.querySelector("#seg-%d").textContent`, ids[0])); strings.Contains(got, "no longer") {
		t.Errorf("the segment shows the API's English sentence: %q", got)
	}
	if got := eval[string](a, fmt.Sprintf(`document.getElementById("t-%d").value`, ids[0])); got != typed {
		t.Errorf("the textarea holds %q, want the typed %q", got, typed)
	}
	if got := eval[string](a, fmt.Sprintf(`document.querySelector("%s a.reload").getAttribute("href")`, box)); got != editor {
		t.Errorf("the reload link goes to %q, want %q", got, editor)
	}
	// Copy: to the clipboard where it is allowed, else the text is selected for Ctrl+C.
	a.do("copy", chromedp.Click(chromedp.CSS(box+" button.copy-text")))
	a.waitFor("copied", fmt.Sprintf(`document.querySelector("%s .copy-status").textContent !== ""`, box))
	status := eval[string](a, fmt.Sprintf(`document.querySelector("%s .copy-status").textContent`, box))
	switch status {
	case "Скопировано.":
	case "Ваш текст выделен: нажмите Ctrl+C, чтобы скопировать его.":
		sel := eval[string](a, `document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd)`)
		if sel != typed {
			t.Errorf("the fallback selected %q, want %q", sel, typed)
		}
	default:
		t.Errorf("after copying the status reads %q", status)
	}
}

// TestBrowserMemorySource: a memory suggestion shows its own Russian
// sentence with the word that differs from this segment's source marked.
func TestBrowserMemorySource(t *testing.T) {
	browser := startBrowser(t)
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	rev := ts.user(t, "bolat", "reviewer:kk")
	const remembered = memorySentence
	ts.remember(t, pub, kk, rev, remembered, memoryTranslation)
	second := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Второй",
		"text": strings.Replace(remembered, "многосторонней", "широкой", 1)}).must(t, http.StatusCreated).Body
	id := segmentIDs(t, second)[0]

	a := newTab(t, browser, ts.URL)
	a.signIn("aigerim", testPassword)
	a.open(fmt.Sprintf("/translate/%d/kk", num(second["id"])))
	a.do("focus the segment", chromedp.Focus(chromedp.ID(fmt.Sprintf("t-%d", id))))
	li := fmt.Sprintf("#seg-%d ol.suggestions li", id)
	a.waitFor("the memory match", fmt.Sprintf(`document.querySelectorAll(%q).length === 1`, li))
	if got := eval[string](a, fmt.Sprintf(`document.querySelector("%s .score").textContent`, li)); got != " 91%" {
		t.Errorf("the score reads %q, want a 91%% fuzzy match", got)
	}
	src := li + " p.tm-source"
	if got := eval[string](a, fmt.Sprintf(`document.querySelector(%q).lang + "|" + document.querySelector(%q).textContent`, src, src)); got != "ru|"+remembered {
		t.Errorf("the memory's source shows as %q", got)
	}
	if got := eval[string](a, fmt.Sprintf(`Array.from(document.querySelectorAll("%s mark")).map(m => m.textContent).join("|")`, src)); got != "многосторонней" {
		t.Errorf("marked in the memory's source: %q, want the differing word", got)
	}
}
