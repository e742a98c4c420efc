package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSourcePreview: a publisher corrects the source in the browser,
// sees the preview, confirms, and the document is at revision 2.
func TestBrowserSourcePreview(t *testing.T) {
	browser := startBrowser(t)
	ts := startServer(t)
	pub := ts.person(t, "press", testPassword, "publisher")
	doc := num(ts.call(t, "POST", "/api/v1/documents", pub, map[string]string{"title": "t",
		"text": "Семинар прошёл в Алматы. Участники обсудили реформу."}).must(t, 201).Body["id"])
	press := newTab(t, browser, ts.URL)
	press.signIn("press", testPassword)
	press.open(fmt.Sprintf("/documents/%d/source", doc))
	press.do("correct the text", chromedp.SetValue(chromedp.ID("text"), "Семинар прошёл в Алматы. Участники подробно обсудили реформу."))
	press.navigate("preview", chromedp.Click(chromedp.CSS(`form[enctype] button[type=submit]`)))
	counts := eval[string](press, `document.getElementById("preview-counts").innerText`)
	if !strings.Contains(counts, ": 1") || eval[int](press, `document.querySelectorAll("#preview-counts li").length`) != 5 {
		t.Fatalf("preview: %q", counts)
	}
	press.navigate("confirm", chromedp.Click(chromedp.CSS(`input[name=confirm] ~ p button`)))
	if path := eval[string](press, `location.pathname + location.search`); path != fmt.Sprintf("/documents/%d/source?saved=1", doc) {
		t.Errorf("after the confirmation: %s", path)
	}
	if v := ts.call(t, "GET", fmt.Sprintf("/api/v1/documents/%d", doc), pub, nil).must(t, 200).Body; num(v["revision"]) != 2 {
		t.Errorf("revision %v, want 2", v["revision"])
	}
}
