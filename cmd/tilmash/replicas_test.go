package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"tilmash/internal/pgtest"
	"tilmash/internal/publish"
)

// userToken adds a user with roles to db and returns its API token (the
// command's last line).
func userToken(t *testing.T, db, name string, roles ...string) string {
	t.Helper()
	args := []string{"user", "add", "--db", db, "--name", name}
	for _, r := range roles {
		args = append(args, "--role", r)
	}
	lines := strings.Split(strings.TrimSpace(runCLI(t, "", args...)), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// within polls ok every 50 ms for up to two seconds.
func within(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 2 s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestTwoReplicasOnPostgres: two `serve` processes on one PostgreSQL
// database behave as one service (issue 13): a save on one and an approval
// on the other; a stale save refused with the text that won; the approved
// text a 100 % suggestion on the other replica, and a glossary term added
// on one matched on the other, each within two seconds; and 30 saves of one
// segment from the same version spread over both give exactly one 200.
func TestTwoReplicasOnPostgres(t *testing.T) {
	db := pgtest.URL(t)
	runCLI(t, "", "import", "--db", db, "--title", "Семинар", "demo/announcement.ru.txt")
	translator := userToken(t, db, "aigerim", "translator:kk")
	reviewer := userToken(t, db, "bolat", "reviewer:kk")
	a, b := startServe(t, db), startServe(t, db)

	var list struct {
		Segments []struct {
			ID     int64
			Source string
		}
	}
	if st, err := a.call("GET", "/api/v1/documents/1/translations/kk", translator, "", &list); err != nil || st != 200 || len(list.Segments) < 3 {
		t.Fatalf("list: %d, %v", st, err)
	}
	seg := list.Segments[0]
	const text = "Семинар Астанада өтеді."
	if st, err := b.call("PUT", fmt.Sprintf("/api/v1/segments/%d/translations/kk", seg.ID), translator,
		`{"target": "`+text+`", "version": 0}`, nil); err != nil || st != 200 {
		t.Fatalf("save on b: %d, %v", st, err)
	}
	if st, err := a.call("POST", fmt.Sprintf("/api/v1/segments/%d/translations/kk/approve", seg.ID), reviewer,
		`{"version": 1}`, nil); err != nil || st != 200 {
		t.Fatalf("approve on a: %d, %v", st, err)
	}
	// A save from version 0 on b is stale: 409, and the answer carries the text that won.
	req, _ := http.NewRequest("PUT", b.URL+fmt.Sprintf("/api/v1/segments/%d/translations/kk", seg.ID),
		strings.NewReader(`{"target": "Басқа.", "version": 0}`))
	req.Header.Set("Authorization", "Bearer "+translator)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusConflict || !strings.Contains(string(body), text) {
		t.Errorf("stale save on b: %d %s, want 409 naming %q", res.StatusCode, body, text)
	}

	within(t, "the approval on a as b's 100 % suggestion", func() bool {
		var got struct {
			Suggestions []struct {
				Target string
				Score  int
			}
		}
		st, err := b.call("GET", fmt.Sprintf("/api/v1/segments/%d/suggestions?lang=kk", seg.ID), translator, "", &got)
		if err != nil || st != 200 {
			t.Fatalf("suggestions on b: %d, %v", st, err)
		}
		return slices.ContainsFunc(got.Suggestions, func(s struct {
			Target string
			Score  int
		}) bool {
			return s.Target == text && s.Score == 100
		})
	})

	// A term of the second segment's longest word, added on a, matched on b.
	words := strings.FieldsFunc(list.Segments[1].Source, func(r rune) bool { return !unicode.Is(unicode.Cyrillic, r) })
	slices.SortFunc(words, func(x, y string) int { return utf8.RuneCountInString(y) - utf8.RuneCountInString(x) })
	const target = "тексеру-термині"
	if st, err := a.call("POST", "/api/v1/glossary/kk", reviewer, `{"source": "`+strings.ToLower(words[0])+`", "target": "`+target+`"}`, nil); err != nil || st != 201 {
		t.Fatalf("add a term on a: %d, %v", st, err)
	}
	within(t, "the term added on a matched on b", func() bool {
		var got struct {
			Terms []struct{ Term struct{ Target string } }
		}
		st, err := b.call("GET", fmt.Sprintf("/api/v1/segments/%d/glossary?lang=kk", list.Segments[1].ID), translator, "", &got)
		if err != nil || st != 200 {
			t.Fatalf("glossary on b: %d, %v", st, err)
		}
		return slices.ContainsFunc(got.Terms, func(h struct{ Term struct{ Target string } }) bool { return h.Term.Target == target })
	})

	// 30 saves of one segment from version 0, alternating replicas: exactly one wins.
	third := list.Segments[2].ID
	var mu sync.Mutex
	statuses := map[int]int{}
	var wg sync.WaitGroup
	for i := range 30 {
		p := a
		if i%2 == 1 {
			p = b
		}
		wg.Go(func() {
			st, err := p.call("PUT", fmt.Sprintf("/api/v1/segments/%d/translations/kk", third), translator,
				fmt.Sprintf(`{"target": "Нұсқа %d.", "version": 0}`, i), nil)
			if err != nil {
				st = -1
			}
			mu.Lock()
			statuses[st]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if statuses[200] != 1 || statuses[409] != 29 {
		t.Errorf("30 concurrent saves over two replicas: %v, want one 200 and 29 409", statuses)
	}
}

// csrfMeta finds a workspace page's CSRF token.
var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([^"]*)">`)

// signinOn posts the sign-in form of replica p with client c (whose jar
// keeps the cookies: they are per host, not per port, so the replicas on
// 127.0.0.1 share them as replicas behind one name would) and returns the status.
func signinOn(t *testing.T, c *http.Client, p *serveProcess, name, password string) int {
	t.Helper()
	res, err := c.Get(p.URL + "/signin")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := csrfMeta.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token on %s/signin (%d)", p.URL, res.StatusCode)
	}
	res, err = c.PostForm(p.URL+"/signin", url.Values{"csrf": {string(m[1])}, "name": {name}, "password": {password}, "next": {"/"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// TestReplicasShareSessionsAndThrottle: a browser session made on one
// replica works on the other, and wrong passwords spread over both replicas
// count together: the name is locked on both (issue 13).
func TestReplicasShareSessionsAndThrottle(t *testing.T) {
	db := pgtest.URL(t)
	const password = "correct horse battery"
	runCLI(t, password+"\n", "user", "add", "--db", db, "--name", "aigerim", "--role", "translator:kk", "--password-stdin")
	a, b := startServe(t, db), startServe(t, db)
	browser := func() *http.Client {
		jar, err := cookiejar.New(nil)
		if err != nil {
			t.Fatal(err)
		}
		return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}

	c := browser()
	if st := signinOn(t, c, a, "aigerim", password); st != http.StatusSeeOther {
		t.Fatalf("sign-in on a: %d, want 303", st)
	}
	res, err := c.Get(b.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("the dashboard on b with a's session: %d (%s), want 200", res.StatusCode, res.Header.Get("Location"))
	}

	// Four free tries for a name, wherever they land; the fifth waits, on both.
	guesser := browser()
	var got []int
	for i := range 6 {
		p := a
		if i%2 == 1 {
			p = b
		}
		got = append(got, signinOn(t, guesser, p, "aigerim", "wrong guess"))
	}
	if want := []int{401, 401, 401, 401, 429, 429}; !slices.Equal(got, want) {
		t.Errorf("wrong passwords alternating over a and b: %v, want %v", got, want)
	}
	for _, p := range []*serveProcess{a, b} {
		if st := signinOn(t, browser(), p, "aigerim", password); st != http.StatusTooManyRequests {
			t.Errorf("the right password on %s while locked: %d, want 429", p.URL, st)
		}
	}
}

// TestReplicasDeliverEachWebhookOnce: with two replicas dispatching from one
// outbox, a release is delivered to a receiver exactly once, and both
// replicas show the same delivery log (issue 13).
func TestReplicasDeliverEachWebhookOnce(t *testing.T) {
	db := pgtest.URL(t)
	rcv := newHookReceiver(t, nil)
	hook := []string{"--webhook", rcv.URL, "--webhook-secret", "s3cret"}
	a, b := startServe(t, db, hook...), startServe(t, db, hook...)
	admin := releaseOne(t, db, b, a)
	// Both dispatchers poll the outbox every 2 s: after two rounds a second
	// delivery would have been made.
	within(t, "the release's notification", func() bool { return len(rcv.requests()) > 0 })
	time.Sleep(4500 * time.Millisecond)
	got := rcv.requests()
	if len(got) != 1 {
		t.Fatalf("%d deliveries of one release, want 1: %+v", len(got), got)
	}
	for _, p := range []*serveProcess{a, b} {
		if log := deliveryLog(t, p, admin); len(log) != 1 || log[0].Delivery != got[0].Delivery || log[0].Status != 204 || !log[0].Final {
			t.Errorf("delivery log on %s: %+v, want the one delivery %s, final with 204", p.URL, log, got[0].Delivery)
		}
	}
}

// releaseOne imports the demo announcement into db, saves its first
// segment in Kazakh on saveOn, approves it and publishes a partial release
// on publishOn, and returns the admin's token.
func releaseOne(t *testing.T, db string, saveOn, publishOn *serveProcess) string {
	t.Helper()
	runCLI(t, "", "import", "--db", db, "--title", "Семинар", "demo/announcement.ru.txt")
	admin := userToken(t, db, "admin", "admin")
	translator := userToken(t, db, "aigerim", "translator:kk")
	if st, err := saveOn.call("PUT", "/api/v1/segments/1/translations/kk", translator, `{"target": "Семинар.", "version": 0}`, nil); err != nil || st != 200 {
		t.Fatalf("save on %s: %d, %v", saveOn.URL, st, err)
	}
	if st, err := publishOn.call("POST", "/api/v1/segments/1/translations/kk/approve", admin, `{"version": 1}`, nil); err != nil || st != 200 {
		t.Fatalf("approve on %s: %d, %v", publishOn.URL, st, err)
	}
	if st, err := publishOn.call("POST", "/api/v1/documents/1/releases", admin,
		`{"lang": "kk", "allow_partial": true, "reason": "проверка"}`, nil); err != nil || st != http.StatusCreated {
		t.Fatalf("publish on %s: %d, %v", publishOn.URL, st, err)
	}
	return admin
}

// hookRequest is what a receiver saw of one webhook attempt.
type hookRequest struct {
	Delivery, Attempt, Signature string
	Body                         []byte
	At                           time.Time
}

// hookReceiver is a real HTTP webhook receiver that records every request.
type hookReceiver struct {
	*httptest.Server
	mu  sync.Mutex
	got []hookRequest
}

// newHookReceiver starts a receiver; answer, given the 0-based number of
// the request, answers it (nil: 204 to all). It is closed with the test.
func newHookReceiver(t *testing.T, answer func(n int, w http.ResponseWriter, r *http.Request)) *hookReceiver {
	t.Helper()
	h := &hookReceiver{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		n := len(h.got)
		h.got = append(h.got, hookRequest{Delivery: r.Header.Get("X-Tilmash-Delivery"), Attempt: r.Header.Get("X-Tilmash-Attempt"),
			Signature: r.Header.Get(publish.SignatureHeader), Body: body, At: time.Now()})
		h.mu.Unlock()
		if answer == nil {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		answer(n, w, r)
	}))
	t.Cleanup(h.Close)
	return h
}

// requests returns the requests received so far.
func (h *hookReceiver) requests() []hookRequest {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.got)
}

// deliveryAttempt is one row of GET /api/v1/webhooks/deliveries.
type deliveryAttempt struct {
	Delivery string
	Attempt  int
	Status   int
	Final    bool
}

// deliveryLog reads replica p's webhook delivery log as admin.
func deliveryLog(t *testing.T, p *serveProcess, admin string) []deliveryAttempt {
	t.Helper()
	var log struct{ Deliveries []deliveryAttempt }
	if st, err := p.call("GET", "/api/v1/webhooks/deliveries", admin, "", &log); err != nil || st != 200 {
		t.Fatalf("delivery log on %s: %d, %v", p.URL, st, err)
	}
	return log.Deliveries
}
