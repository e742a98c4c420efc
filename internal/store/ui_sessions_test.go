package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/workflow"
)

func TestSessions(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, _, err := st.CreateUser(ctx, NewUser{Name: "aigerim", Roles: []workflow.Role{{Kind: workflow.Translator, Lang: "kk"}}})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	tok, hash, _ := auth.NewSessionToken()
	if err := st.CreateSession(ctx, a.ID, hash, now, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	got, exp, err := st.ActorBySession(ctx, auth.HashToken(tok), now.Add(59*time.Minute))
	if err != nil || got.Name != "aigerim" || len(got.Roles) != 1 || !exp.Equal(now.Add(time.Hour)) {
		t.Fatalf("ActorBySession = %+v, %v, %v", got, exp, err)
	}
	if _, _, err := st.ActorBySession(ctx, hash, now.Add(time.Hour)); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("expired session: err %v, want unauthorized", err)
	}
	if _, _, err := st.ActorBySession(ctx, "nope", now); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("unknown session: err %v, want unauthorized", err)
	}
	if err := st.RenewSession(ctx, hash, now.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, exp, err := st.ActorBySession(ctx, hash, now.Add(2*time.Hour)); err != nil || !exp.Equal(now.Add(3*time.Hour)) {
		t.Fatalf("after renewal: %v, %v", exp, err)
	}
	// A new session sweeps the expired ones away.
	_, hash2, _ := auth.NewSessionToken()
	if err := st.CreateSession(ctx, a.ID, hash2, now.Add(4*time.Hour), now.Add(5*time.Hour)); err != nil {
		t.Fatal(err)
	}
	var n int64
	st.db.Model(&Session{}).Count(&n)
	if n != 1 {
		t.Fatalf("%d sessions stored, want 1 (the expired one swept)", n)
	}
	if err := st.DeleteSession(ctx, hash2); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.ActorBySession(ctx, hash2, now.Add(4*time.Hour)); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("deleted session still valid: %v", err)
	}
	if err := st.DeleteSession(ctx, hash2); err != nil {
		t.Fatalf("deleting twice: %v", err)
	}
}
