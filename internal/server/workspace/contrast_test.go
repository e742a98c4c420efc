package workspace

import (
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"testing"

	"tilmash/web"
)

// TestStateColourContrast: every state's colour, which state badges fill
// behind white text, is at least 4.5:1 against white (WCAG 2.1 1.4.3), so a
// badge reads without relying on its hue. The browser test measures the
// rendered badges with axe-core too; this one names the colour at fault
// without Chromium.
func TestStateColourContrast(t *testing.T) {
	css, err := fs.ReadFile(web.FS, "static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, state := range []string{"untranslated", "translated", "approved", "rejected", "outdated"} {
		m := regexp.MustCompile(`--st-` + state + `:\s*#([0-9a-fA-F]{6});`).FindSubmatch(css)
		if m == nil {
			t.Errorf("app.css sets no six-digit --st-%s", state)
			continue
		}
		if r := contrast(string(m[1]), "ffffff"); r < 4.5 {
			t.Errorf("--st-%s #%s on white is %.2f:1, want at least 4.5:1", state, m[1], r)
		}
	}
}

// TestContrast pins the formula to known ratios.
func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"000000", "ffffff", 21},
		{"ffffff", "ffffff", 1},
		{"9aa1a9", "ffffff", 2.61}, // the old untranslated badge
		{"c77c02", "ffffff", 3.33}, // the old outdated badge
		{"e1f3e5", "ffffff", 1.16}, // the tint of inserted words
	} {
		if got := math.Round(contrast(c.a, c.b)*100) / 100; got != c.want {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// contrast is WCAG 2.1's contrast ratio of two sRGB colours written "rrggbb".
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is WCAG 2.1's relative luminance of an "rrggbb" colour.
func luminance(hex string) float64 {
	var ch [3]float64
	for i := range ch {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}
