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

// TestBrowserCtrlEnterNextPage: Ctrl+Enter on the last open segment of a
// page of a long document saves it and goes on to the first open segment of
// the next page.
func TestBrowserCtrlEnterNextPage(t *testing.T) {
	browser := startBrowser(t)
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	ts.person(t, "aigerim", testPassword, "translator:kk")
	var text strings.Builder
	for p := 1; p <= 230; p++ {
		fmt.Fprintf(&text, "Абзац номер %d о сотрудничестве.\n", p)
	}
	doc := ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "Длинный", "text": text.String()}).must(t, http.StatusCreated).Body
	ids := segmentIDs(t, doc)

	a := newTab(t, browser, ts.URL)
	a.signIn("aigerim", testPassword)
	a.open(fmt.Sprintf("/translate/%d/kk", num(doc["id"])))
	last := eval[string](a, `Array.from(document.querySelectorAll("article.seg")).pop().dataset.id`)
	a.do("focus the page's last segment", chromedp.Focus(chromedp.ID("t-"+last)))
	// The paragraph's number goes into the text: a save whose checks find
	// an error (a missing number) keeps Ctrl+Enter on the segment.
	a.typeText(fmt.Sprintf("Ынтымақтастық туралы %s-абзац.", eval[string](a, `Array.from(document.querySelectorAll("article.seg")).pop().dataset.place.split(".")[0]`)))
	a.ctrlEnter()
	// The page navigates under the poll: ask again until the new page answers.
	arrived := false
	for range 50 {
		ctx, cancel := context.WithTimeout(a.ctx, time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`location.search.indexOf("page=2") >= 0 && document.activeElement.tagName === "TEXTAREA"`))
		cancel()
		if err == nil && ok {
			arrived = true
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !arrived {
		t.Fatal("Ctrl+Enter on the page's last open segment did not go on to page 2")
	}
	if got, want := eval[string](a, `document.activeElement.id`), fmt.Sprintf("t-%d", ids[200]); got != want {
		t.Errorf("focus on the next page is on %q, want %q (its first open segment)", got, want)
	}

	// Under the "open" filter the saved segments leave the list: the one after
	// the page's last is then on the same page, and must not be skipped.
	a.open(fmt.Sprintf("/translate/%d/kk?state=open", num(doc["id"])))
	lastOpen := eval[string](a, `Array.from(document.querySelectorAll("article.seg")).pop().dataset.id`)
	if lastOpen != fmt.Sprint(ids[200]) {
		t.Fatalf("the open filter's page 1 ends with %s, want %d", lastOpen, ids[200])
	}
	a.do("focus the filtered page's last segment", chromedp.Focus(chromedp.ID("t-"+lastOpen)))
	a.typeText(fmt.Sprintf("Тағы бір %s-абзац.", eval[string](a, `Array.from(document.querySelectorAll("article.seg")).pop().dataset.place.split(".")[0]`)))
	a.ctrlEnter()
	arrived = false
	for range 50 {
		ctx, cancel := context.WithTimeout(a.ctx, time.Second)
		id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.tagName === "TEXTAREA" && location.hash.indexOf("open-after") >= 0 ? document.activeElement.id : ""`))
		cancel()
		if err == nil && id != "" {
			if want := fmt.Sprintf("t-%d", ids[201]); id != want {
				t.Errorf("after the filtered page's last segment the focus is on %s, want %s", id, want)
			}
			arrived = true
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !arrived {
		t.Fatal("Ctrl+Enter on the filtered page's last segment did not go on")
	}

	list, err := ts.App.Translations(t.Context(), int64(num(doc["id"])), "kk")
	if err != nil {
		t.Fatal(err)
	}
	if s := list.Segments[199]; s.State != "translated" || fmt.Sprint(s.ID) != last {
		t.Errorf("the last segment of page 1 is %s (id %d, want %s)", s.State, s.ID, last)
	}
}
