package app

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // the driver the store registers too, for reading its file directly
	"golang.org/x/crypto/bcrypt"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// openInternal opens an App over a fresh store, with cfg's throttle and clock.
func openInternal(tb testing.TB, cfg Config) (*App, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "a.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	cfg.DB = store.Bind[Tx](st)
	return New(cfg), path
}

// TestSigninFloodDoesNotUnlock: 10,001 failures under other names, from
// other addresses, fill the table past its bound; the locked name stays
// locked (nothing is evicted) and the table stays bounded.
func TestSigninFloodDoesNotUnlock(t *testing.T) {
	ctx := context.Background()
	p := auth.DefaultThrottle()
	p.MaxKeys, p.OverflowBuckets = 2000, 16
	a, _ := openInternal(t, Config{Throttle: p})
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	victim := []auth.ThrottleKey{auth.NameKey("aigerim"), auth.AddressKey("192.0.2.1")}
	for i := range 6 {
		if _, err := a.admitSignin(ctx, victim, now.Add(time.Duration(i)*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 10_001 {
		keys := []auth.ThrottleKey{auth.NameKey(fmt.Sprintf("made-up-%d", i)), auth.AddressKey(fmt.Sprintf("10.%d.%d.%d", i>>16, (i>>8)&255, i&255))}
		if _, err := a.admitSignin(ctx, keys, now.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	wait, err := a.admitSignin(ctx, []auth.ThrottleKey{auth.NameKey("aigerim"), auth.AddressKey("198.51.100.9")}, now.Add(time.Second))
	if err != nil || wait <= 0 {
		t.Fatalf("after the flood the locked name may try again: wait %v, %v", wait, err)
	}
	rows := counters(t, a)
	if rows > int64(p.MaxKeys+2*p.OverflowBuckets) {
		t.Fatalf("%d counters stored, bound %d", rows, p.MaxKeys+2*p.OverflowBuckets)
	}
	// Two hours later the idle counters are gone and the name starts afresh.
	later := now.Add(2 * time.Hour)
	if wait, err := a.admitSignin(ctx, victim, later); err != nil || wait != 0 {
		t.Fatalf("two hours later: wait %v, %v", wait, err)
	}
	if rows := counters(t, a); rows != 2 {
		t.Fatalf("%d counters after the idle ones expired, want 2", rows)
	}
}

// counters is the number of sign-in counters stored.
func counters(tb testing.TB, a *App) int64 {
	tb.Helper()
	var n int64
	err := a.db.Write(context.Background(), func(tx Tx) (err error) {
		n, err = tx.CounterCount()
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// TestPasswordCheckCostsTheSame: an unknown name, or a user with no
// password, is compared with a bcrypt hash of the cost real passwords get,
// so the answer's time does not tell names apart.
func TestPasswordCheckCostsTheSame(t *testing.T) {
	real, err := auth.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := bcrypt.Cost([]byte(real))
	got, err := bcrypt.Cost([]byte(auth.DecoyHash()))
	if err != nil || got != want {
		t.Fatalf("decoy cost %d (%v), real cost %d", got, err, want)
	}
	ctx := context.Background()
	a, _ := openInternal(t, Config{})
	if _, _, err := a.CreateUser(ctx, NewUser{Name: "tokens-only", Roles: []workflow.Role{{Kind: workflow.Admin}}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"nobody", "tokens-only"} {
		for _, pw := range []string{"", "anything-at-all"} {
			if _, err := a.checkPassword(ctx, name, pw); apperr.CodeOf(err) != apperr.Unauthorized {
				t.Errorf("%s with %q: %v, want unauthorized", name, pw, err)
			}
		}
	}
}

// BenchmarkPasswordCheck compares the time of a known and an unknown name
// (both at the production bcrypt cost).
func BenchmarkPasswordCheck(b *testing.B) {
	ctx := context.Background()
	a, _ := openInternal(b, Config{})
	if _, _, err := a.CreateUser(ctx, NewUser{Name: "aigerim", Password: "correct horse battery",
		Roles: []workflow.Role{{Kind: workflow.Admin}}}); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"aigerim", "nobody"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				a.checkPassword(ctx, name, "wrong password")
			}
		})
	}
}

// TestSessions: a session signs its user in until it expires, is renewed
// when due, and ends on sign-out; a new session sweeps expired ones away.
func TestSessions(t *testing.T) {
	ctx := context.Background()
	c := &clock{time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	a, path := openInternal(t, Config{Now: c.now})
	u, _, err := a.CreateUser(ctx, NewUser{Name: "aigerim", Roles: []workflow.Role{{Kind: workflow.Translator, Lang: "kk"}}})
	if err != nil {
		t.Fatal(err)
	}
	// bcrypt at its lowest cost: the production cost is checked by TestPasswordCheckCostsTheSame.
	cheap, err := bcrypt.GenerateFromPassword([]byte("correct horse battery"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetPasswordHash(ctx, u.ID, string(cheap)); err != nil {
		t.Fatal(err)
	}
	s, err := a.SignIn(ctx, " aigerim ", "correct horse battery", "192.0.2.1")
	if err != nil || s.Actor.Name != "aigerim" || !s.Expires.Equal(c.t.Add(auth.SessionLifetime)) {
		t.Fatalf("SignIn = %+v, %v", s, err)
	}
	c.t = c.t.Add(time.Minute)
	got, renewed, err := a.SessionActor(ctx, s.Token)
	if err != nil || got.Name != "aigerim" || len(got.Roles) != 1 || renewed {
		t.Fatalf("a minute later: %+v renewed %v, %v", got, renewed, err)
	}
	c.t = c.t.Add(auth.SessionRenewEvery)
	if _, renewed, err := a.SessionActor(ctx, s.Token); err != nil || !renewed {
		t.Fatalf("when due: renewed %v, %v", renewed, err)
	}
	// Past the first expiry the renewed session still works (and is renewed again).
	c.t = c.t.Add(auth.SessionLifetime - time.Second)
	if _, _, err := a.SessionActor(ctx, s.Token); err != nil {
		t.Fatalf("the renewed session expired early: %v", err)
	}
	c.t = c.t.Add(auth.SessionLifetime + time.Second)
	if _, _, err := a.SessionActor(ctx, s.Token); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("expired session: %v, want unauthorized", err)
	}
	if _, _, err := a.SessionActor(ctx, "nope"); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("unknown session: %v, want unauthorized", err)
	}
	s2, err := a.SignIn(ctx, "aigerim", "correct horse battery", "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	if n := sessions(t, path); n != 1 {
		t.Fatalf("%d sessions stored, want 1 (the expired one swept)", n)
	}
	for range 2 { // ending one that does not exist is no error
		if err := a.SignOut(ctx, s2.Token); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := a.SessionActor(ctx, s2.Token); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("signed-out session still valid: %v", err)
	}
}

// sessions counts the stored sessions, reading the database file directly.
func sessions(tb testing.TB, path string) int {
	tb.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM sessions").Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}
