package server

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"tilmash/internal/app"
	"tilmash/internal/store"
	"tilmash/internal/webhook"
	"time"

	"tilmash/internal/publish"
)

// receiver is a webhook endpoint that answers from a script of statuses
// (the last one repeats) and keeps what it was sent.
type receiver struct {
	srv      *httptest.Server
	mu       sync.Mutex
	statuses []int
	bodies   [][]byte
	headers  []http.Header
}

func newReceiver(t *testing.T, statuses ...int) *receiver {
	r := &receiver{statuses: statuses}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		n := len(r.bodies)
		r.bodies, r.headers = append(r.bodies, b), append(r.headers, req.Header.Clone())
		r.mu.Unlock()
		w.WriteHeader(r.statuses[min(n, len(r.statuses)-1)])
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) got() ([][]byte, []http.Header) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([][]byte(nil), r.bodies...), append([]http.Header(nil), r.headers...)
}

// hookServer serves the same store as ts with webhooks configured, on its
// own listener, with its own dispatcher; the dispatcher is closed (retries
// stopped) before the store.
func hookServer(t *testing.T, ts *testServer, hooks publish.Webhooks) (*testServer, *webhook.Dispatcher) {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	d, err := webhook.New(hooks, ts.Store, log, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := app.New(app.Config{DB: store.Bind[app.Tx](ts.Store), Webhooks: hooks, Wake: d.Wake})
	srv, err := New(Config{}, a, log)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	t.Cleanup(func() {
		hs.Close()
		d.Close()
	})
	return &testServer{URL: "http://" + ln.Addr().String(), Store: ts.Store, App: a, policy: ts.policy}, d
}

// deliveries polls the delivery log until want final rows are there.
func deliveries(t *testing.T, ts *testServer, admin string, want int) []map[string]any {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		list := ts.call(t, "GET", "/api/v1/webhooks/deliveries", admin, nil).must(t, 200).Body["deliveries"].([]any)
		var rows []map[string]any
		final := 0
		for _, d := range list {
			m := d.(map[string]any)
			rows = append(rows, m)
			if m["final"] == true {
				final++
			}
		}
		if final >= want {
			return rows
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d final deliveries after 10s, want %d: %v", final, want, rows)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWebhooks: each release is POSTed, signed, to every URL; 503 and
// refused connections are retried with back-off, 400 is final; every
// attempt is in the admins' delivery log.
func TestWebhooks(t *testing.T) {
	base := startServer(t)
	flaky := newReceiver(t, 503, 503, 204)
	refusing := newReceiver(t, 400)
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close() // connections are refused from now on
	const secret = "s3cret-shared-with-receivers"
	hooks := publish.Webhooks{URLs: []string{flaky.srv.URL + "/hook?token=abc", refusing.srv.URL, deadURL}, Secret: secret,
		Backoff: publish.Backoff{Initial: 5 * time.Millisecond, Max: 20 * time.Millisecond, Attempts: 4}}
	ts, _ := hookServer(t, base, hooks)
	f := newReleaseFixture(t, ts, "kk")
	f.approveAll(t, "kk")
	rel := f.publish(t, map[string]any{"langs": []string{"kk"}}, http.StatusCreated)["releases"].([]any)[0].(map[string]any)

	rows := deliveries(t, ts, f.admin, 3)
	bodies, headers := flaky.got()
	if len(bodies) != 3 {
		t.Fatalf("flaky receiver got %d posts, want 3", len(bodies))
	}
	for i, b := range bodies {
		if sig := headers[i].Get("X-Tilmash-Signature"); sig != publish.Sign(secret, b) || !publish.Verify(secret, b, sig) {
			t.Errorf("attempt %d signature %q does not match its body", i+1, sig)
		}
		if string(b) != string(bodies[0]) || headers[i].Get("X-Tilmash-Attempt") != fmt.Sprint(i+1) ||
			headers[i].Get("X-Tilmash-Event") != "release.published" || headers[i].Get("Content-Type") != "application/json" {
			t.Errorf("attempt %d headers %v", i+1, headers[i])
		}
	}
	var payload struct {
		Event    string
		Delivery string
		Release  map[string]any
	}
	if err := json.Unmarshal(bodies[0], &payload); err != nil {
		t.Fatal(err)
	}
	if payload.Event != "release.published" || payload.Delivery != headers[0].Get("X-Tilmash-Delivery") ||
		payload.Release["url"] != rel["url"] || payload.Release["latest_url"] != rel["latest_url"] || payload.Release["lang"] != "kk" {
		t.Errorf("payload = %s", bodies[0])
	}
	if b, _ := refusing.got(); len(b) != 1 {
		t.Errorf("a 400 was retried: %d posts", len(b))
	}

	// The log, newest first: per URL, the attempts with their outcome.
	type row struct {
		attempt, status int
		final           bool
		err             string
	}
	perURL := map[string][]row{}
	for i := len(rows) - 1; i >= 0; i-- {
		r := rows[i]
		if int64(num(r["release"])) != int64(num(rel["id"])) || r["event"] != "release.published" {
			t.Errorf("row %v", r)
		}
		e, _ := r["error"].(string)
		perURL[r["url"].(string)] = append(perURL[r["url"].(string)], row{num(r["attempt"]), num(r["status"]), r["final"] == true, e})
	}
	want := map[string]string{
		flaky.srv.URL + "/hook?token=abc": "[{1 503 false HTTP 503 Service Unavailable} {2 503 false HTTP 503 Service Unavailable} {3 204 true }]",
		refusing.srv.URL:                  "[{1 400 true HTTP 400 Bad Request}]",
	}
	for u, w := range want {
		if got := fmt.Sprint(perURL[u]); got != w {
			t.Errorf("log of %s:\n got %s\nwant %s", u, got, w)
		}
	}
	if d := perURL[deadURL]; len(d) != 4 || !d[3].final || d[0].status != 0 || d[0].err == "" {
		t.Errorf("log of the dead URL: %v", d)
	}

	// Only admins read the log.
	e := ts.call(t, "GET", "/api/v1/webhooks/deliveries", f.publisher, nil).must(t, http.StatusForbidden).Body
	if e["error"] != "press may not read the webhook delivery log; it is for admins" {
		t.Errorf("forbidden: %v", e["error"])
	}
	if got := ts.call(t, "GET", fmt.Sprintf("/api/v1/webhooks/deliveries?release=%d&limit=2", num(rel["id"])), f.admin, nil).must(t, 200).Body; len(got["deliveries"].([]any)) != 2 {
		t.Errorf("limit 2: %v", got)
	}
}

// TestWebhookRetrySurvivesRestart: closing the server ends a delivery
// waiting for its retry at once; the retry stays in the outbox, and the next
// server on the database delivers it with the same delivery id.
func TestWebhookRetrySurvivesRestart(t *testing.T) {
	base := startServer(t)
	down := newReceiver(t, 502, 204)
	hooks := publish.Webhooks{URLs: []string{down.srv.URL}, Secret: "x",
		Backoff: publish.Backoff{Initial: 300 * time.Millisecond, Max: time.Hour, Attempts: 5}}
	ts, srv := hookServer(t, base, hooks)
	f := newReleaseFixture(t, ts, "kk")
	f.approveAll(t, "kk")
	f.publish(t, map[string]string{"lang": "kk"}, http.StatusCreated)
	deadline := time.Now().Add(10 * time.Second)
	for b, _ := down.got(); len(b) == 0; b, _ = down.got() {
		if time.Now().After(deadline) {
			t.Fatal("no delivery in 10s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Now()
	srv.Close()
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("Close took %v", d)
	}
	if b, _ := down.got(); len(b) != 1 {
		t.Fatalf("%d posts before the restart, want the first attempt only", len(b))
	}
	hookServer(t, base, hooks) // the restart: only it can make the second attempt
	rows := deliveries(t, ts, f.admin, 1)
	bodies, headers := down.got()
	if len(rows) != 2 || num(rows[0]["attempt"]) != 2 || num(rows[0]["status"]) != 204 || len(bodies) != 2 ||
		headers[0].Get("X-Tilmash-Delivery") != headers[1].Get("X-Tilmash-Delivery") || string(bodies[0]) != string(bodies[1]) {
		t.Errorf("after the restart: log %v, %d posts, delivery ids %q %q", rows, len(bodies),
			headers[0].Get("X-Tilmash-Delivery"), headers[len(headers)-1].Get("X-Tilmash-Delivery"))
	}
}

// TestWebhookConfig: URLs must be absolute http(s), and a secret is required.
func TestWebhookConfig(t *testing.T) {
	ts := startServer(t)
	for _, c := range []struct {
		hooks publish.Webhooks
		want  string
	}{
		{publish.Webhooks{URLs: []string{"ftp://x"}, Secret: "s"}, `webhook "ftp://x": want an absolute http:// or https:// URL`},
		{publish.Webhooks{URLs: []string{"/relative"}, Secret: "s"}, `webhook "/relative": want an absolute http:// or https:// URL`},
		{publish.Webhooks{URLs: []string{"https://example.org/h"}}, "webhooks need a secret to sign their bodies: set --webhook-secret or TILMASH_WEBHOOK_SECRET"},
	} {
		_, err := webhook.New(c.hooks, ts.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
		if err == nil || err.Error() != c.want {
			t.Errorf("%v: error %v, want %s", c.hooks.URLs, err, c.want)
		}
	}
}
