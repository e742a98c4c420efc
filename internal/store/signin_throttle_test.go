package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"tilmash/internal/auth"
	"tilmash/internal/workflow"
)

// TestSigninFloodDoesNotUnlock: 10,001 failures under other names, from
// other addresses, fill the table past its bound; the locked name stays
// locked (nothing is evicted) and the table stays bounded.
func TestSigninFloodDoesNotUnlock(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := auth.DefaultThrottle()
	p.MaxKeys, p.OverflowBuckets = 2000, 16
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	victim := []auth.ThrottleKey{auth.NameKey("aigerim"), auth.AddressKey("192.0.2.1")}
	for i := range 6 {
		if _, err := st.AdmitSignin(ctx, p, victim, now.Add(time.Duration(i)*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 10_001 {
		keys := []auth.ThrottleKey{auth.NameKey(fmt.Sprintf("made-up-%d", i)), auth.AddressKey(fmt.Sprintf("10.%d.%d.%d", i>>16, (i>>8)&255, i&255))}
		if _, err := st.AdmitSignin(ctx, p, keys, now.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	wait, err := st.AdmitSignin(ctx, p, []auth.ThrottleKey{auth.NameKey("aigerim"), auth.AddressKey("198.51.100.9")}, now.Add(time.Second))
	if err != nil || wait <= 0 {
		t.Fatalf("after the flood the locked name may try again: wait %v, %v", wait, err)
	}
	var rows int64
	st.db.Model(&SigninCounter{}).Count(&rows)
	if rows > int64(p.MaxKeys+2*p.OverflowBuckets) {
		t.Fatalf("%d counters stored, bound %d", rows, p.MaxKeys+2*p.OverflowBuckets)
	}
	// An hour later the idle counters are gone and the name starts afresh.
	later := now.Add(2 * time.Hour)
	if wait, err := st.AdmitSignin(ctx, p, victim, later); err != nil || wait != 0 {
		t.Fatalf("two hours later: wait %v, %v", wait, err)
	}
	st.db.Model(&SigninCounter{}).Count(&rows)
	if rows != 2 {
		t.Fatalf("%d counters after the idle ones expired, want 2", rows)
	}
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
	st, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, _, err := st.CreateUser(ctx, NewUser{Name: "tokens-only", Roles: []workflow.Role{{Kind: workflow.Admin}}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"nobody", "tokens-only"} {
		for _, pw := range []string{"", "anything-at-all"} {
			if _, err := st.ActorByPassword(ctx, name, pw); err == nil {
				t.Errorf("%s with %q signed in", name, pw)
			}
		}
	}
}

// BenchmarkPasswordCheck compares the time of a known and an unknown name
// (both at the production bcrypt cost).
func BenchmarkPasswordCheck(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "t.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, _, err := st.CreateUser(ctx, NewUser{Name: "aigerim", Password: "correct horse battery",
		Roles: []workflow.Role{{Kind: workflow.Admin}}}); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"aigerim", "nobody"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				st.ActorByPassword(ctx, name, "wrong password")
			}
		})
	}
}
