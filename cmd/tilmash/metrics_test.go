package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMetricsScrape: `serve --metrics-addr` answers /metrics on its own
// listener; after a save, a stale save, an approval and a release the scrape
// shows them, the request histogram by route template and the segments by
// state, and it passes `promtool check metrics`.
func TestMetricsScrape(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "tilmash.db"),
			"--demo", "--metrics-addr", "127.0.0.1:0", "--log-format", "json"}, strings.NewReader(""), pw, io.Discard)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	env := map[string]string{}
	var metricsURL string
	for _, kv := range demoExportsAnd(t, pr, func(line string) {
		if u, ok := strings.CutPrefix(line, "Metrics on "); ok {
			metricsURL = strings.TrimSpace(u)
		}
	}) {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	if metricsURL == "" {
		t.Fatal("serve did not say where the metrics are")
	}
	api := func(method, path, token, body string) int {
		req, _ := http.NewRequest(method, env["TILMASH"]+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	tr, rv := env["KK_TRANSLATOR_TOKEN"], env["KK_REVIEWER_TOKEN"]
	for _, step := range []struct {
		method, path, token, body string
		want                      int
	}{
		{"PUT", "/api/v1/segments/1/translations/kk", tr, `{"target": "Алматыда семинар өтті", "version": 0}`, 200},
		{"PUT", "/api/v1/segments/1/translations/kk", tr, `{"target": "Басқа мәтін", "version": 0}`, 409},
		{"POST", "/api/v1/segments/1/translations/kk/approve", rv, `{"version": 1}`, 200},
		{"GET", "/api/v1/documents/1/translations/kk", tr, "", 200},
		{"GET", "/api/v1/segments/1/suggestions?lang=kk", tr, "", 200},
	} {
		if got := api(step.method, step.path, step.token, step.body); got != step.want {
			t.Fatalf("%s %s: %d, want %d", step.method, step.path, got, step.want)
		}
	}
	res, err := http.Get(metricsURL)
	if err != nil {
		t.Fatal(err)
	}
	scrape, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("scrape: %d %s", res.StatusCode, scrape)
	}
	for _, want := range []string{
		`tilmash_http_request_duration_seconds_bucket{method="PUT",route="/api/v1/segments/:sid/translations/:lang",status_class="2xx",le="+Inf"} 1`,
		`tilmash_http_request_duration_seconds_count{method="PUT",route="/api/v1/segments/:sid/translations/:lang",status_class="4xx"} 1`,
		`tilmash_translation_changes_total{action="edit",lang="kk"} 1`,
		`tilmash_translation_changes_total{action="approve",lang="kk"} 1`,
		`tilmash_translation_conflicts_total{lang="kk"} 1`,
		`tilmash_segments{lang="kk",state="approved"} 1`,
		`tilmash_segments{lang="kk",state="untranslated"} 16`,
		`tilmash_segments{lang="en",state="untranslated"} 17`,
		`tilmash_imports_total{format="text"} 1`,
		`tilmash_tm_lookup_duration_seconds_count 1`,
		`tilmash_tm_inexact_lookups_total 0`,
		`go_goroutines `,
		`process_resident_memory_bytes `,
	} {
		if !bytes.Contains(scrape, []byte(want)) {
			t.Errorf("scrape lacks %s", want)
		}
	}
	if regexp.MustCompile(`route="/api/v1/segments/1/`).Match(scrape) {
		t.Error("a raw path is used as a route label")
	}
	// Every metric the Grafana dashboard charts is one the service exports.
	dashboard, err := os.ReadFile(filepath.Join("..", "..", "docs", "grafana-dashboard.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range regexp.MustCompile(`\b(?:tilmash|process|go)_[a-z_]+`).FindAllString(string(dashboard), -1) {
		if name == "tilmash_releases_total" {
			continue // labelled by language: it appears with the first release
		}
		if !bytes.Contains(scrape, []byte("# TYPE "+strings.TrimSuffix(strings.TrimSuffix(name, "_bucket"), "_count")+" ")) {
			t.Errorf("the dashboard charts %s, which the scrape lacks", name)
		}
	}
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		if os.Getenv("TILMASH_PROMTOOL_TESTS") == "required" {
			t.Fatalf("promtool (Debian's prometheus package) is needed: %v", err)
		}
		t.Skip("promtool is missing; install Debian's prometheus package to check the metrics format")
	}
	cmd := exec.Command(promtool, "check", "metrics")
	cmd.Stdin = bytes.NewReader(scrape)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("promtool check metrics: %v\n%s", err, out)
	}
}
