package auth

import (
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tok, hash, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok, "tlm_") || len(tok) != 4+43 {
		t.Errorf("token %q has the wrong form", tok)
	}
	if HashToken(tok) != hash || strings.Contains(hash, tok) {
		t.Errorf("hash %q does not match its token", hash)
	}
	tok2, _, _ := NewToken()
	if tok2 == tok {
		t.Error("two tokens are equal")
	}
}

func TestPasswords(t *testing.T) {
	if _, err := HashPassword("short"); err == nil {
		t.Error("a 5-character password was accepted")
	}
	h, err := HashPassword("алматы-2026")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(h, "алматы-2026") || CheckPassword(h, "алматы-2025") || CheckPassword("", "") {
		t.Error("CheckPassword gives wrong answers")
	}
}

func TestBearerToken(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"Bearer tlm_abc", "tlm_abc", true},
		{"bearer   tlm_abc ", "tlm_abc", true},
		{"Basic dXNlcg==", "", false},
		{"Bearer ", "", false},
		{"tlm_abc", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := BearerToken(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("BearerToken(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
