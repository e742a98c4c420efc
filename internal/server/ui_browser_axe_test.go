package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserAccessibility runs axe-core's WCAG 2.1 A/AA rules over every
// workspace page, in English and Kazakh, at a desktop's 1280×800 and a
// phone's 390×844, and wants no violation. The data puts every state on the
// pages (so every badge's contrast is measured), a changed approved text in
// the review queue (so its diff is), and a long document in the editor.
func TestBrowserAccessibility(t *testing.T) {
	axe := loadAxe(t)
	browser := startBrowser(t)
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher", "reviewer:kk")
	kk := ts.person(t, "aigerim", testPassword, "translator:kk")
	docID, ids, sources := ts.importAnnouncement(t, pub)
	seg := func(i int) string { return fmt.Sprintf("/api/v1/segments/%d/translations/kk", ids[i]) }
	for i := range 4 {
		ts.call(t, "PUT", seg(i), kk, map[string]any{"target": fakeTarget("kk", sources[i], i), "version": 0}).must(t, http.StatusOK)
	}
	ts.call(t, "POST", seg(0)+"/approve", pub, map[string]any{"version": 1}).must(t, http.StatusOK)
	ts.call(t, "POST", seg(1)+"/approve", pub, map[string]any{"version": 1}).must(t, http.StatusOK)
	ts.call(t, "PUT", seg(1), kk, map[string]any{"target": "Жаңа " + fakeTarget("kk", sources[1], 1), "version": 2}).must(t, http.StatusOK)
	ts.call(t, "POST", seg(2)+"/reject", pub, map[string]any{"version": 1, "comment": "Терминді тексеріңіз."}).must(t, http.StatusOK)
	// A changed sentence makes the fourth translation outdated.
	text := strings.Replace(announcement(t), sources[3], sources[3]+" Дополнение.", 1)
	ts.call(t, "PUT", fmt.Sprintf("/api/v1/documents/%d", docID), pub, map[string]any{"text": text, "base_revision": 1}).must(t, http.StatusOK)

	var long strings.Builder
	for p := 1; p <= 60; p++ {
		fmt.Fprintf(&long, "Абзац номер %d о сотрудничестве. Второе предложение абзаца %d. Третье предложение о визите %d. Четвёртое о договоре %d.\n", p, p, p, p)
	}
	big := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Длинный документ", "text": long.String()}).must(t, http.StatusCreated).Body
	bigID := num(big["id"])
	// An archived draft, for the archive's list and its tag.
	draft := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Черновик", "text": "Один абзац."}).must(t, http.StatusCreated).Body
	ts.call(t, "POST", fmt.Sprintf("/api/v1/documents/%d/archive", num(draft["id"])), pub, nil).must(t, http.StatusOK)

	pages := []struct{ name, path string }{
		{"dashboard", "/"},
		{"archive", "/?filter=archived"},
		{"editor", fmt.Sprintf("/translate/%d/kk", docID)},
		{"editor of a long document", fmt.Sprintf("/translate/%d/kk?page=2", bigID)},
		{"review queue", "/review/kk"},
		{"publish", fmt.Sprintf("/publish/%d", docID)},
		{"source", fmt.Sprintf("/documents/%d/source", docID)},
		{"new document", "/documents/new"},
		{"split or join", fmt.Sprintf("/documents/%d/segments/%d/cut?lang=kk", docID, ids[4])},
		{"glossary", "/glossary/kk"},
		{"account", "/account"},
		{"error", "/translate/999999/kk"},
	}
	widths := []struct{ w, h int64 }{{1280, 800}, {390, 844}}
	for _, lang := range []string{"en", "kk"} {
		tb := newTab(t, browser, ts.URL)
		tb.open("/signin")
		tb.navigate("switch to "+lang, chromedp.Click(chromedp.CSS(`.switcher button[value="`+lang+`"]`)))
		for _, w := range widths {
			tb.do("viewport", chromedp.EmulateViewport(w.w, w.h))
			tb.checkAxe(axe, fmt.Sprintf("sign-in (%s, %d px)", lang, w.w))
		}
		tb.do("desktop viewport", chromedp.EmulateViewport(1280, 800))
		tb.signIn("press", testPassword)
		for _, w := range widths {
			tb.do("viewport", chromedp.EmulateViewport(w.w, w.h))
			for _, p := range pages {
				tb.openAny(p.path)
				if got := eval[string](tb, `document.documentElement.lang`); got != lang {
					t.Errorf("%s (%s): <html lang=%q>", p.name, lang, got)
				}
				tb.checkAxe(axe, fmt.Sprintf("%s (%s, %d px)", p.name, lang, w.w))
				if p.name == "review queue" {
					// A diff's change shows by more than its faint tint.
					for sel, want := range map[string]string{".diff ins": "underline", ".diff del": "line-through"} {
						got := eval[string](tb, `(e => e ? getComputedStyle(e).textDecorationLine : "missing")(document.querySelector("`+sel+`"))`)
						if sel == ".diff del" && got == "missing" {
							continue // this diff only inserts
						}
						if got != want {
							t.Errorf("review queue: %s is decorated %q, want %q", sel, got, want)
						}
					}
				}
			}
		}
	}

	// The editor's panels are made by script: open every help and history
	// panel, and save a text the checks find fault with.
	tb := newTab(t, browser, ts.URL)
	tb.signIn("press", testPassword)
	tb.open(fmt.Sprintf("/translate/%d/kk", docID))
	tb.do("open the panels", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details:not([open]) > summary").forEach(s => s.click())`))
	tb.waitFor("the glossary in the help", fmt.Sprintf(`document.querySelectorAll("#seg-%d .help-body li").length > 0`, ids[0]))
	tb.do("focus an untranslated segment", chromedp.Focus(chromedp.ID(fmt.Sprintf("t-%d", ids[5]))))
	tb.typeText("x 123")
	tb.ctrlEnter()
	tb.waitFor("the findings", fmt.Sprintf(`document.querySelectorAll("#seg-%d .checks li").length > 0`, ids[5]))
	for _, w := range widths {
		tb.do("viewport", chromedp.EmulateViewport(w.w, w.h))
		tb.checkAxe(axe, fmt.Sprintf("editor with its panels open and findings (en, %d px)", w.w))
	}
}

// openAny loads path whatever its status (an error page too).
func (tb *tab) openAny(path string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(tb.base+path)); err != nil {
		tb.t.Fatalf("open %s: %v", path, err)
	}
}
