package server

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets the workspace is held to: WCAG 2.1, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// loadAxe reads axe-core's axe.min.js from the file TILMASH_AXE names
// (.ci/run installs it from the npm registry). Without it the test skips,
// unless TILMASH_AXE_TESTS=required (CI), where it fails.
func loadAxe(t *testing.T) string {
	t.Helper()
	path := os.Getenv("TILMASH_AXE")
	const how = "npm install --prefix ~/.cache/tilmash-axe axe-core@4.14.1 and set TILMASH_AXE=~/.cache/tilmash-axe/node_modules/axe-core/axe.min.js"
	if path == "" {
		if os.Getenv("TILMASH_AXE_TESTS") == "required" {
			t.Fatalf("TILMASH_AXE_TESTS=required but TILMASH_AXE is not set (%s)", how)
		}
		t.Skipf("accessibility test skipped: TILMASH_AXE is not set (%s; TILMASH_AXE_TESTS=required fails instead)", how)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("TILMASH_AXE_TESTS") == "required" {
			t.Fatalf("TILMASH_AXE_TESTS=required but axe-core is unreadable: %v", err)
		}
		t.Skipf("accessibility test skipped: %v (%s)", err, how)
	}
	return string(src)
}

// axeViolation is one failed rule of an axe-core run, as much as a person
// needs to find and fix it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// axeRun injects axe-core into the tab's page, unless the page has it
// already, and runs the WCAG 2.1 A/AA rules over the whole document.
// DevTools evaluation is not bound by the page's content policy, so the
// workspace's strict script-src stays as it is.
func (tb *tab) axeRun(script string) []axeViolation {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	missing, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === "undefined"`))
	if err != nil {
		tb.t.Fatalf("look for axe-core: %v", err)
	}
	if missing {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](script)); err != nil {
			tb.t.Fatalf("inject axe-core: %v", err)
		}
	}
	tags := `["` + strings.Join(axeTags, `","`) + `"]`
	run := `axe.run(document, {runOnly: {type: "tag", values: ` + tags + `}, resultTypes: ["violations"]})
		.then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
			targets: v.nodes.map(n => n.target.join(" "))})))`
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](run, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("axe.run: %v", err)
	}
	return v
}

// checkAxe fails the test with every WCAG 2.1 A/AA violation axe-core
// finds on the tab's current page; what names the page in the message.
func (tb *tab) checkAxe(script, what string) {
	tb.t.Helper()
	for _, v := range tb.axeRun(script) {
		tb.t.Errorf("%s: axe %s (%s): %s — %d node(s): %s", what, v.ID, v.Impact, v.Help, len(v.Targets), strings.Join(first(v.Targets, 5), " | "))
	}
}

// first is at most n elements of s.
func first[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return s
}
