package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"tilmash/internal/app"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/workspace"
	"time"

	"tilmash/internal/auth"
	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

// Names the tests share with the packages that own them.
const (
	sessionCookie  = httpx.SessionCookie
	csrfHeader     = httpx.CSRFHeader
	presetCookie   = workspace.PresetCookie
	editorPageSize = workspace.EditorPageSize
)

// testServer is a real server on a loopback listener over a fresh database
// (testDB: a SQLite file, or a PostgreSQL database).
type testServer struct {
	URL    string
	Store  *store.Store
	App    *app.App
	stop   func() // closes the listener and the store; Cleanup calls it too
	policy auth.ThrottlePolicy
}

func startServer(tb testing.TB) *testServer {
	tb.Helper()
	return startServerWith(tb, testDB(tb), Config{})
}

// startServerWith starts a server with cfg on the database at dsn, from
// testDB (a restart when it already holds one).
func startServerWith(tb testing.TB, dsn string, cfg Config) *testServer {
	tb.Helper()
	return startServerApp(tb, dsn, cfg, app.Config{})
}

// startServerApp is startServerWith whose application layer runs with ac
// (its DB and observer are the test server's own).
func startServerApp(tb testing.TB, dsn string, cfg Config, ac app.Config) *testServer {
	tb.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	ac.DB = store.Bind[app.Tx](st)
	if cfg.Metrics != nil {
		ac.Observer = cfg.Metrics
	}
	a := app.New(ac)
	if err := a.SeedGlossaries(ctx); err != nil {
		tb.Fatal(err)
	}
	srv, err := New(cfg, a, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	var once sync.Once
	stop := func() {
		once.Do(func() {
			hs.Close()
			st.Close()
		})
	}
	tb.Cleanup(stop)
	return &testServer{URL: "http://" + ln.Addr().String(), Store: st, App: a, stop: stop, policy: a.Throttle()}
}

// throttle is the sign-in throttle policy the test server runs with.
func (ts *testServer) throttle() auth.ThrottlePolicy { return ts.policy }

// user creates a user with roles and returns its token.
func (ts *testServer) user(tb testing.TB, name string, roles ...string) string {
	tb.Helper()
	_, token := ts.newUser(tb, name, roles...)
	return token
}

// newUser creates a user with roles (as "translator:kk") and returns it with its API token.
func (ts *testServer) newUser(tb testing.TB, name string, roles ...string) (workflow.Actor, string) {
	tb.Helper()
	nu := app.NewUser{Name: name}
	for _, r := range roles {
		role, err := workflow.ParseRole(r)
		if err != nil {
			tb.Fatal(err)
		}
		nu.Roles = append(nu.Roles, role)
	}
	a, token, err := ts.App.CreateUser(context.Background(), nu)
	if err != nil {
		tb.Fatal(err)
	}
	return a, token
}

// response is a decoded JSON answer.
type response struct {
	Status int
	Body   map[string]any
	Raw    []byte
	Header http.Header
}

// call sends a request; body may be nil, a []byte (sent as is) or a value encoded as JSON.
func (ts *testServer) call(tb testing.TB, method, path, token string, body any) response {
	tb.Helper()
	res, err := ts.send(method, path, token, body)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// send is call that returns its error instead of failing the test: the form
// for goroutines, which must not call t.Fatal. An answer of the API with a
// null in its JSON is an error (checkNoNull).
func (ts *testServer) send(method, path, token string, body any) (response, error) {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			return response{}, fmt.Errorf("%s %s: encode the body: %w", method, path, err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: read the answer: %w", method, path, err)
	}
	out := response{Status: res.StatusCode, Raw: raw, Header: res.Header}
	if err := checkNoNull(method, path, raw); err != nil {
		return out, err
	}
	if json.Valid(raw) {
		_ = json.Unmarshal(raw, &out.Body)
	}
	return out, nil
}

// must fails the test unless the response has the wanted status.
func (r response) must(tb testing.TB, status int) response {
	tb.Helper()
	if r.Status != status {
		tb.Fatalf("status %d, want %d: %s", r.Status, status, r.Raw)
	}
	return r
}

func announcement(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "announcement.ru.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// segmentIDs lists the ids of a document's segments.
func segmentIDs(tb testing.TB, doc map[string]any) []int64 {
	tb.Helper()
	var ids []int64
	for _, s := range doc["segments"].([]any) {
		ids = append(ids, int64(s.(map[string]any)["id"].(float64)))
	}
	return ids
}

func num(v any) int { return int(v.(float64)) }

// fakeTarget makes a translation of source that passes the error-level
// quality checks: words of the target's script, unique per i, with the
// source's numbers and its closing punctuation.
func fakeTarget(lang, source string, i int) string {
	words := map[string]string{"kk": "Аударма", "en": "Translation", "ar": "ترجمة", "ps": "ژباړه"}
	letters := map[string][]rune{"kk": []rune("абвгдежзклмнопрст"), "en": []rune("abcdefghklmnoprst"),
		"ar": []rune("بتثجحخدذرزسشصضطظع"), "ps": []rune("بتثجحخدذرزسشصضطظع")}
	l := letters[lang]
	var b strings.Builder
	b.WriteString(words[lang])
	b.WriteByte(' ')
	for n := i + 1; n > 0; n /= len(l) {
		b.WriteRune(l[n%len(l)])
	}
	for _, n := range numberPattern.FindAllString(source, -1) {
		b.WriteString(" " + n)
	}
	end := "."
	if r := []rune(strings.TrimSpace(source)); len(r) > 0 && strings.ContainsRune("?!…", r[len(r)-1]) {
		end = string(r[len(r)-1])
	}
	return b.String() + end
}

var numberPattern = regexp.MustCompile(`[0-9]+`)

// sourcesOf lists a document's segment sources in order.
func sourcesOf(doc map[string]any) []string {
	var out []string
	for _, s := range doc["segments"].([]any) {
		out = append(out, s.(map[string]any)["source"].(string))
	}
	return out
}
