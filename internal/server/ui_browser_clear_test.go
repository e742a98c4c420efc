package server

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserClearAndSearch: in the editor a text saved into the wrong
// segment is cleared after an inline question ("Keep it" first, then "Clear
// it"), and the help panel's memory search lists units with the phrase
// marked, markup in a unit shown as text.
func TestBrowserClearAndSearch(t *testing.T) {
	browser := startBrowser(t)
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	ts.person(t, "aigerim", testPassword, "translator:kk")
	bolat := ts.user(t, "bolat", "reviewer:kk")
	doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Семинар",
		"text": "Семинар пройдет в Алматы.\nВ нем примут участие эксперты."}).must(t, http.StatusCreated).Body
	ids := segmentIDs(t, doc)
	ts.importMemory(t, bolat, "kk",
		memoryUnit{"Форум в Алматы", "Алматыдағы <b>форум</b>", 0},
		memoryUnit{"Встреча в АЛМАТЫ", "АЛМАТЫДАҒЫ кездесу", 1},
	)

	a := newTab(t, browser, ts.URL)
	a.signIn("aigerim", testPassword)
	a.open(fmt.Sprintf("/translate/%d/kk", num(doc["id"])))
	seg := fmt.Sprintf("#seg-%d", ids[0])
	if hidden := eval[bool](a, `document.querySelector("`+seg+` button.clear").hidden`); !hidden {
		t.Error("Clear shows on an untranslated segment")
	}

	// The second sentence's translation goes into the first by mistake.
	a.do("focus the first segment", chromedp.Focus(chromedp.ID(fmt.Sprintf("t-%d", ids[0]))))
	a.typeText("Сарапшылар қатысады.")
	a.ctrlEnter()
	a.waitFor("the save", `document.querySelector("`+seg+`").dataset.version === "1"`)
	a.waitFor("the Clear button", `!document.querySelector("`+seg+` button.clear").hidden`)

	// Clear asks first; "Keep it" keeps the text.
	a.do("click Clear", chromedp.Click(chromedp.CSS(seg+" button.clear")))
	a.waitFor("the question", `document.querySelector("`+seg+` .clear-confirm") !== null`)
	if got := eval[string](a, `document.activeElement.className`); got != "clear-no" {
		t.Errorf("focus after Clear is on %q, want the Keep button", got)
	}
	if got := eval[string](a, `document.querySelector("`+seg+` .clear-confirm p").textContent`); got != "Clear this translation? The segment becomes untranslated again; the text stays in its history." {
		t.Errorf("the question reads %q", got)
	}
	a.do("keep it", chromedp.Click(chromedp.CSS(seg+" .clear-confirm button.clear-no")))
	a.waitFor("the question gone", `document.querySelector("`+seg+` .clear-confirm") === null`)
	if v := eval[string](a, `document.querySelector("`+seg+`").dataset.version`); v != "1" {
		t.Fatalf("Keep it changed the version to %s", v)
	}
	// Escape keeps it too, and gives the focus back to Clear.
	a.do("click Clear", chromedp.Click(chromedp.CSS(seg+" button.clear")))
	a.waitFor("the question", `document.querySelector("`+seg+` .clear-confirm") !== null`)
	a.do("Escape", chromedp.KeyEvent(kb.Escape))
	a.waitFor("the question gone", `document.querySelector("`+seg+` .clear-confirm") === null && document.activeElement.classList.contains("clear")`)
	if v := eval[string](a, `document.querySelector("`+seg+`").dataset.version`); v != "1" {
		t.Fatalf("Escape changed the version to %s", v)
	}

	a.do("click Clear again", chromedp.Click(chromedp.CSS(seg+" button.clear")))
	a.do("clear it", chromedp.Click(chromedp.CSS(seg+" .clear-confirm button.clear-yes")))
	a.waitFor("the clear", `document.querySelector("`+seg+`").dataset.version === "2"`)
	got := eval[[]any](a, `(function(){var s=document.querySelector("`+seg+`");return [s.dataset.state, s.querySelector("textarea").value,
		s.querySelector("button.clear").hidden, s.querySelector(".badge").textContent, s.querySelector(".status").textContent,
		document.querySelector('.filters .n[data-filter="untranslated"]').textContent];})()`)
	if fmt.Sprint(got) != "[untranslated  true Untranslated Cleared. 2]" {
		t.Errorf("after clearing: %v", got)
	}
	view := ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d/translations/kk", num(doc["id"])), bolat, nil).must(t, http.StatusOK).Body
	if s := view["segments"].([]any)[0].(map[string]any); s["state"] != "untranslated" || s["target"] != "" || num(s["version"]) != 2 {
		t.Errorf("stored after clearing: %v", s)
	}

	// The memory search: Enter in the field, the phrase marked in both texts.
	search := fmt.Sprintf("tm-q-%d", ids[0])
	a.do("search the memory", chromedp.SendKeys(chromedp.ID(search), "алматы"+kb.Enter))
	a.waitFor("the matches", `document.querySelectorAll("`+seg+` ol.concordance li").length === 2`)
	marks := eval[[]any](a, `Array.from(document.querySelectorAll("`+seg+` ol.concordance mark")).map(function(m){return m.textContent})`)
	if fmt.Sprint(marks) != "[АЛМАТЫ АЛМАТЫ Алматы Алматы]" {
		t.Errorf("marked %v, want the phrase in each source and target, newest first", marks)
	}
	if n := eval[int](a, `document.querySelectorAll("`+seg+` ol.concordance b").length`); n != 0 {
		t.Errorf("a unit's markup became %d elements", n)
	}
	if got := eval[string](a, `document.querySelectorAll("`+seg+` ol.concordance li")[1].querySelector("p.tgt").textContent`); got != "Алматыдағы <b>форум</b>" {
		t.Errorf("the second target reads %q", got)
	}
	eval[bool](a, `(document.getElementById("`+search+`").value = "") === ""`)
	a.do("search for nothing known", chromedp.SendKeys(chromedp.ID(search), "жоқ"+kb.Enter))
	a.waitFor("no match", `document.querySelector("`+seg+` .tm-results").textContent === "Nothing found in the memory."`)
}
