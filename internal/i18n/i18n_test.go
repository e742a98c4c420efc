package i18n

import (
	"testing"

	"tilmash/translations"
)

func mustBundle(t *testing.T) *Bundle {
	t.Helper()
	b, err := New(translations.FS)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPlurals: counts use CLDR plural rules, not hand-written code.
func TestPlurals(t *testing.T) {
	b := mustBundle(t)
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"ru", 1, "1 сегмент"},
		{"ru", 3, "3 сегмента"},
		{"ru", 5, "5 сегментов"},
		{"ru", 11, "11 сегментов"},
		{"ru", 21, "21 сегмент"},
		{"ru", 22, "22 сегмента"},
		{"ru", 0, "0 сегментов"},
		{"kk", 1, "1 сегмент"},
		{"kk", 17, "17 сегмент"},
		{"en", 1, "1 segment"},
		{"en", 17, "17 segments"},
	}
	for _, tt := range tests {
		if got := b.Localizer(tt.lang).N("common.segments", tt.n); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestTemplateData(t *testing.T) {
	b := mustBundle(t)
	if got := b.Localizer("en").T("nav.signed_in_as", "Name", "aigerim"); got != "Signed in as aigerim" {
		t.Errorf("T with data = %q", got)
	}
	if got := b.Localizer("ru").N("editor.shown", 17, "Shown", 3); got != "Показано 3 из 17 сегментов." {
		t.Errorf("N with data = %q", got)
	}
	if got := b.Localizer("en").T("no.such.message"); got != "no.such.message" {
		t.Errorf("a missing message shows %q, want its id", got)
	}
	if got := b.Localizer("xx").T("signin.submit"); got != "Войти" {
		t.Errorf("an unknown localizer language gives %q, want Russian", got)
	}
}

// TestMatch: the person's choice, then Accept-Language, then Russian.
func TestMatch(t *testing.T) {
	b := mustBundle(t)
	tests := []struct {
		choice, accept, want string
	}{
		{"", "", "ru"},
		{"", "kk-KZ,kk;q=0.9,ru;q=0.8", "kk"},
		{"", "en-GB,en;q=0.9", "en"},
		{"", "ru-KZ", "ru"},
		{"", "ky", "ru"},              // Kyrgyz: no file, no other wish → Russian
		{"", "ky, en;q=0.5", "en"},    // …unless English is acceptable
		{"", "de-DE,fr;q=0.9", "ru"},  // nothing close → Russian
		{"", "nl, en;q=0.7", "en"},    // Dutch falls back to English when asked
		{"", "not a header;;;", "ru"}, // garbage
		{"en", "kk", "en"},            // the switcher wins over the browser
		{"kk", "", "kk"},
		{"xx-invalid!", "kk", "kk"}, // a bad cookie is ignored
		{"tg", "en", "en"},          // a language without a file is ignored
	}
	for _, tt := range tests {
		if got := b.Match(tt.choice, tt.accept); got != tt.want {
			t.Errorf("Match(%q, %q) = %q, want %q", tt.choice, tt.accept, got, tt.want)
		}
	}
}

// TestComplete: ru, kk and en hold the same message ids, and plural
// messages have every CLDR form their language needs.
func TestComplete(t *testing.T) {
	b := mustBundle(t)
	ru := b.IDs("ru")
	for _, lang := range Complete() {
		ids := b.IDs(lang)
		have := map[string]bool{}
		for _, id := range ids {
			have[id] = true
		}
		for _, id := range ru {
			if !have[id] {
				t.Errorf("active.%s.toml lacks %q", lang, id)
			}
		}
		if len(ids) != len(ru) {
			t.Errorf("active.%s.toml has %d ids, active.ru.toml %d", lang, len(ids), len(ru))
		}
	}
	opts := b.Options()
	if len(opts) != 3 || opts[0].Name != "Русский" || opts[1].Name != "Қазақша" || opts[2].Name != "English" {
		t.Errorf("options = %v", opts)
	}
}
