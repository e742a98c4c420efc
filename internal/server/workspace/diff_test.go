package workspace

import (
	"reflect"
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	tests := []struct {
		old, cur string
		want     []diffPart
	}{
		{"", "", nil},
		{"бір екі", "бір екі", []diffPart{{"=", "бір екі"}}},
		{"", "жаңа", []diffPart{{"+", "жаңа"}}},
		{"ескі", "", []diffPart{{"-", "ескі"}}},
		{"бір екі үш", "бір төрт үш", []diffPart{{"=", "бір "}, {"-", "екі"}, {"+", "төрт"}, {"=", " үш"}}},
		{"Семинар өтеді.", "Семинар ертең өтеді.", []diffPart{{"=", "Семинар "}, {"+", "ертең "}, {"=", "өтеді."}}},
		{"a  b", "a b", []diffPart{{"=", "a"}, {"-", "  "}, {"+", " "}, {"=", "b"}}},
	}
	for _, tt := range tests {
		got := wordDiff(tt.old, tt.cur)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wordDiff(%q, %q) = %q, want %q", tt.old, tt.cur, got, tt.want)
		}
	}
}

// TestWordDiffRebuilds: the kept and removed parts give the old text, the
// kept and added ones the new, for any pair — including texts past the
// token bound, which show as replaced whole.
func TestWordDiffRebuilds(t *testing.T) {
	long := strings.Repeat("сөз ", maxDiffTokens)
	pairs := [][2]string{
		{"Бүгін Алматыда оннан астам елдің өкілдері жиналды.", "Бүгін Астанада он елдің өкілдері жиналды!"},
		{"  leading and trailing  ", "leading\tand\ntrailing"},
		{long, long + "соңы"},
	}
	for _, p := range pairs {
		var old, cur strings.Builder
		for _, d := range wordDiff(p[0], p[1]) {
			if d.Op != "+" {
				old.WriteString(d.Text)
			}
			if d.Op != "-" {
				cur.WriteString(d.Text)
			}
		}
		if old.String() != p[0] || cur.String() != p[1] {
			t.Errorf("parts of %.40q → %.40q do not rebuild the texts", p[0], p[1])
		}
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("бір екі үш", "бір төрт үш")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		var old, cur strings.Builder
		for _, d := range wordDiff(a, b) {
			if d.Text == "" {
				t.Fatal("an empty part")
			}
			if d.Op != "+" {
				old.WriteString(d.Text)
			}
			if d.Op != "-" {
				cur.WriteString(d.Text)
			}
		}
		if old.String() != a || cur.String() != b {
			t.Fatalf("parts do not rebuild %q → %q", a, b)
		}
	})
}
