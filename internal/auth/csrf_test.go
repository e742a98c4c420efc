package auth

import "testing"

func TestCSRF(t *testing.T) {
	secret, err := NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	other, _ := NewSecret()
	tok := CSRFToken(secret)
	if tok != CSRFToken(secret) {
		t.Fatal("the token is not deterministic")
	}
	if len(tok) != 43 {
		t.Fatalf("token %q has %d characters, want 43", tok, len(tok))
	}
	tests := []struct {
		name          string
		secret, token string
		want          bool
	}{
		{"own token", secret, tok, true},
		{"another secret's token", secret, CSRFToken(other), false},
		{"empty token", secret, "", false},
		{"empty secret", "", CSRFToken(""), false},
		{"secret itself", secret, secret, false},
		{"truncated", secret, tok[:42], false},
		{"one character off", secret, tok[:42] + flip(tok[42]), false},
	}
	for _, tt := range tests {
		if got := CheckCSRF(tt.secret, tt.token); got != tt.want {
			t.Errorf("%s: CheckCSRF = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func flip(b byte) string {
	if b == 'A' {
		return "B"
	}
	return "A"
}
