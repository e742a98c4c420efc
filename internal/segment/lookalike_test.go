package segment

import (
	"strings"
	"testing"
)

// TestFoldLookalikes: Latin look-alikes fold only inside a word that is otherwise Cyrillic, and
// only when each of its Latin letters has a twin.
func TestFoldLookalikes(t *testing.T) {
	tests := []struct {
		key, want string
		changed   bool
	}{
		{"cт.л", "ст.л", true}, // Latin c
		{"тыc", "тыс", true},
		{"и t.д", "и т.д", true},
		{"kм", "км", true},
		{"cm", "", false},    // a Latin word stays Latin
		{"p", "", false},     // so does a Latin letter alone
		{"смs", "", false},   // s has no Cyrillic twin: no typing slip
		{"ст.л", "", false},  // nothing to fold
		{"mr ст", "", false}, // the Latin word is left alone
		{"mr cт", "mr ст", true},
	}
	ru := For("ru")
	for _, tc := range tests {
		var k keyBuf
		for i, w := range strings.Split(tc.key, " ") {
			if i > 0 {
				k.appendByte(' ') // as lookup joins a preceding word
			}
			k.appendLower(w)
		}
		got, changed := ru.foldLookalikes(&k)
		if changed != tc.changed || changed && string(got.bytes()) != tc.want {
			t.Errorf("foldLookalikes(%q) = %q, %v; want %q, %v", tc.key, got.bytes(), changed, tc.want, tc.changed)
		}
	}
	var k keyBuf
	k.appendLower("cт")
	if _, changed := For("en").foldLookalikes(&k); changed {
		t.Error("English rules fold look-alikes; they have no lookalikes table")
	}
}
