package server

import (
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
	"tilmash/internal/app"
	"time"

	"tilmash/internal/auth"
)

// slowThrottle is the default policy with waits of an hour, so that a
// test's timing (bcrypt under the race detector takes seconds) cannot let
// an attempt through by outlasting its wait.
func slowThrottle() app.Config {
	p := auth.DefaultThrottle()
	p.Name.Base, p.Address.Base = time.Hour, time.Hour
	p.Name.Max, p.Address.Max = 2*time.Hour, 2*time.Hour
	return app.Config{Throttle: p}
}

// fromAddress is a browser whose connections come from another loopback
// address (127.0.0.N), as a different client's would.
func (ts *testServer) fromAddress(tb testing.TB, n int) *browser {
	tb.Helper()
	b := ts.browser(tb)
	jar, _ := cookiejar.New(nil)
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(n))}}
	b.client = &http.Client{Jar: jar, Transport: &http.Transport{DialContext: d.DialContext},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return b
}

// signinStatus posts one sign-in form and returns the status, for use off the test goroutine.
func (b *browser) signinStatus(csrf, name, password string) (int, error) {
	form := url.Values{"csrf": {csrf}, "name": {name}, "password": {password}}
	req, err := http.NewRequest(http.MethodPost, b.ts.URL+"/signin", strings.NewReader(form.Encode()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := b.client.Do(req)
	if err != nil {
		return 0, err
	}
	res.Body.Close()
	return res.StatusCode, nil
}

// TestSigninBurstIsCountedWhole: 40 wrong passwords for one name sent at
// once get no more than the free tries; the right password is then refused
// too, from any address, until the wait is over.
func TestSigninBurstIsCountedWhole(t *testing.T) {
	ts := startServerApp(t, testDB(t), Config{}, slowThrottle())
	ts.person(t, "aigerim", testPassword, "translator:kk")
	b := ts.browser(t)
	csrf := b.csrf(t, "/signin")
	statuses := make(chan int, 40)
	errs := make(chan error, 40)
	var wg sync.WaitGroup
	for range 40 {
		wg.Go(func() {
			st, err := b.signinStatus(csrf, "aigerim", "wrong-password")
			if err != nil {
				errs <- err
			}
			statuses <- st
		})
	}
	wg.Wait()
	close(statuses)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	count := map[int]int{}
	for st := range statuses {
		count[st]++
	}
	free := ts.throttle().Name.Free
	if count[http.StatusUnauthorized] > free || count[http.StatusUnauthorized]+count[http.StatusTooManyRequests] != 40 {
		t.Fatalf("answers %v: want at most %d × 401, the rest 429", count, free)
	}
	for n := 2; n <= 6; n++ { // more addresses give no more tries
		other := ts.fromAddress(t, n)
		if st, err := other.signinStatus(other.csrf(t, "/signin"), "aigerim", testPassword); err != nil || st != http.StatusTooManyRequests {
			t.Fatalf("from 127.0.0.%d with the right password: %d %v, want 429", n, st, err)
		}
	}
}

// TestSigninOneAddressManyNames: an address guessing a password for many
// names is throttled as an address, whatever the names.
func TestSigninOneAddressManyNames(t *testing.T) {
	ts := startServerApp(t, testDB(t), Config{}, slowThrottle())
	b := ts.fromAddress(t, 7)
	csrf := b.csrf(t, "/signin")
	var got []int
	for i := range 12 {
		st, err := b.signinStatus(csrf, fmt.Sprintf("guess-%d", i), "password123")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, st)
	}
	free := ts.throttle().Address.Free
	for i, st := range got {
		want := http.StatusUnauthorized
		if i >= free {
			want = http.StatusTooManyRequests
		}
		if st != want {
			t.Fatalf("names guessed from one address: %v, want %d × 401 then 429", got, free)
		}
	}
	// Another address is not held back by this one.
	ts.person(t, "bolat", testPassword, "reviewer:kk")
	ts.fromAddress(t, 8).signIn(t, "bolat", testPassword)
}

// TestSigninThrottleSurvivesRestart: the counts live in the database.
func TestSigninThrottleSurvivesRestart(t *testing.T) {
	dsn := testDB(t)
	ts := startServerApp(t, dsn, Config{}, slowThrottle())
	ts.person(t, "aigerim", testPassword, "translator:kk")
	b := ts.browser(t)
	csrf := b.csrf(t, "/signin")
	for range 6 {
		if _, err := b.signinStatus(csrf, "aigerim", "wrong-password"); err != nil {
			t.Fatal(err)
		}
	}
	ts.stop()
	again := startServerApp(t, dsn, Config{}, slowThrottle())
	nb := again.browser(t)
	if st, err := nb.signinStatus(nb.csrf(t, "/signin"), "aigerim", testPassword); err != nil || st != http.StatusTooManyRequests {
		t.Fatalf("after a restart: %d %v, want 429", st, err)
	}
}

// TestSigninSuccessForgets: a right password clears the name's count.
func TestSigninSuccessForgets(t *testing.T) {
	ts := startServer(t)
	ts.person(t, "aigerim", testPassword, "translator:kk")
	b := ts.browser(t)
	csrf := b.csrf(t, "/signin")
	for range 3 {
		b.signinStatus(csrf, "aigerim", "wrong-password")
	}
	b.signIn(t, "aigerim", testPassword)
	c := ts.browser(t)
	c2 := c.csrf(t, "/signin")
	for i := range 4 {
		if st, err := c.signinStatus(c2, "aigerim", "wrong-again"); err != nil || st != http.StatusUnauthorized {
			t.Fatalf("mistake %d after a success: %d %v, want 401 (the count started afresh)", i+1, st, err)
		}
	}
}

// TestSigninRedirectStaysLocal: hostile next parameters land on a local path.
func TestSigninRedirectStaysLocal(t *testing.T) {
	ts := startServer(t)
	ts.person(t, "aigerim", testPassword, "translator:kk")
	b := ts.browser(t)
	b.signIn(t, "aigerim", testPassword)
	for _, next := range []string{"/%09/evil.example/x", "//evil.example", "/%5Cevil.example", "/%0B/evil.example", "https://evil.example"} {
		p := b.get(t, "/signin?next="+next)
		if p.Status != http.StatusSeeOther || p.Location != "/" {
			t.Errorf("next=%s: %d to %q, want 303 to /", next, p.Status, p.Location)
		}
	}
	if p := b.get(t, "/signin?next=/review/kk"); p.Location != "/review/kk" {
		t.Errorf("a local next: %q", p.Location)
	}
}

// TestSignoutExpiresCookie: sign-out tells the browser to drop the session cookie.
func TestSignoutExpiresCookie(t *testing.T) {
	ts := startServer(t)
	ts.person(t, "aigerim", testPassword, "translator:kk")
	b := ts.browser(t)
	b.signIn(t, "aigerim", testPassword)
	p := b.post(t, "/signout", url.Values{"csrf": {b.csrf(t, "/")}}).must(t, http.StatusSeeOther)
	var cleared bool
	for _, c := range p.Header.Values("Set-Cookie") {
		if strings.HasPrefix(c, sessionCookie+"=;") {
			cleared = strings.Contains(c, "Max-Age=0")
		}
	}
	if !cleared {
		t.Fatalf("sign-out cookies %q: want %s expired with Max-Age=0", p.Header.Values("Set-Cookie"), sessionCookie)
	}
}
