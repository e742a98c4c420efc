package xliff

import "testing"

func TestLanguageMatches(t *testing.T) {
	cases := []struct {
		file, want string
		match      bool
	}{
		{"kk", "kk", true},
		{"KK", "kk", true},
		{"kk-KZ", "kk", true},
		{"kk_KZ", "kk", true},
		{"kk-Cyrl-KZ", "kk", true},
		{"fa-AF", "fa-AF", true},
		{"fa-af", "fa-AF", true},
		{"fa", "fa-AF", false},
		{"fa-IR", "fa-AF", false},
		{"kkk", "kk", false},
		{"ky", "kk", false},
		{"", "kk", false},
		{"ar-SA", "ar", true},
		{"ru-RU", "ru", true},
	}
	for _, c := range cases {
		if got := LanguageMatches(c.file, c.want); got != c.match {
			t.Errorf("LanguageMatches(%q, %q) = %v, want %v", c.file, c.want, got, c.match)
		}
	}
}
