package glossary

import (
	"fmt"
	"strings"
	"testing"
)

func hitsString(hits []Hit) string {
	var b strings.Builder
	for i, h := range hits {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s=%q@%d", h.Term.Source, h.Form, h.Start)
	}
	return b.String()
}

func TestMatch(t *testing.T) {
	g := New([]Term{
		{ID: 1, Source: "Повестка дня", Target: "Agenda"},
		{ID: 2, Source: "госуправление", Target: "public administration"},
		{ID: 3, Source: "Академия госуправления при Президенте РК", Target: "Academy"},
		{ID: 4, Source: "ООН", Target: "UN"},
		{ID: 5, Source: "ПРООН", Target: "UNDP"},
		{ID: 6, Source: "ЦУР", Target: "SDGs"},
		{ID: 7, Source: "РК", Target: "Republic of Kazakhstan"},
		{ID: 8, Source: "ДЭСВ ООН", Target: "UN DESA"},
		{ID: 9, Source: "Государственная корпорация «Правительство для граждан»", Target: "State Corporation"},
		{ID: 10, Source: "устойчивое развитие", Target: "sustainable development"},
		{ID: 11, Source: "Астанинский хаб госслужбы", Target: "Astana Civil Service Hub"},
		{ID: 12, Source: "госслужащий", Target: "civil servant"},
		{ID: 13, Source: "Штаб-квартира ООН", Target: "UN Headquarters"},
		{ID: 14, Source: "   ", Target: "nothing"},
	})
	tests := []struct {
		name, text, want string
	}{
		{"nominative", "Повестка дня принята.", `Повестка дня="Повестка дня"@0`},
		{"genitive", "реализации Повестки дня ООН", `Повестка дня="Повестки дня"@21; ООН="ООН"@45`},
		{"accusative", "приняли Повестку дня", `Повестка дня="Повестку дня"@15`},
		{"capitalised second word", "Повестки Дня до 2030 года", `Повестка дня="Повестки Дня"@0`},
		{"instrumental", "над Повесткой дня", `Повестка дня="Повесткой дня"@7`},
		{"single word genitive", "качество госуправления", `госуправление="госуправления"@17`},
		{"single word instrumental", "занимаются госуправлением", `госуправление="госуправлением"@21`},
		{"multiword every word inflected", "вице-ректор Академии госуправления при Президенте РК Айгуль",
			`Академия госуправления при Президенте РК="Академии госуправления при Президенте РК"@22`},
		{"multiword instrumental", "с Академией госуправления при Президенте РК", `Академия госуправления при Президенте РК="Академией госуправления при Президенте РК"@3`},
		{"abbreviation not inside another", "Представитель ПРООН в Казахстане", `ПРООН="ПРООН"@27`},
		{"abbreviation case sensitive", "оон и цур и рк", ``},
		{"abbreviation whole word", "ООНовский ЦУРы", ``},
		{"abbreviation with hyphenated ending", "ЦУР-ов и ООН.", `ЦУР="ЦУР"@0; ООН="ООН"@15`},
		{"longest wins", "ДЭСВ ООН, ПРООН", `ДЭСВ ООН="ДЭСВ ООН"@0; ПРООН="ПРООН"@17`},
		{"quotes inside a term", "презентация Государственной корпорации «Правительство для граждан».",
			`Государственная корпорация «Правительство для граждан»="Государственной корпорации «Правительство для граждан"@23`},
		{"stray combining breve", "Государственной̆ корпорации «Правительство для граждан»",
			`Государственная корпорация «Правительство для граждан»="Государственной̆ корпорации «Правительство для граждан"@0`},
		{"ё folded", "устойчивое развитиё", `устойчивое развитие="устойчивое развитиё"@0`},
		{"adjective inflected", "целей устойчивого развития", `устойчивое развитие="устойчивого развития"@11`},
		{"punctuation breaks a term", "Повестка, дня", ``},
		{"dash breaks a term", "Повестка — дня", ``},
		{"hyphenated term", "в Штаб-квартире ООН", `Штаб-квартира ООН="Штаб-квартире ООН"@3`},
		{"adjective ending", "Астанинским хабом госслужбы", `Астанинский хаб госслужбы="Астанинским хабом госслужбы"@0`},
		{"plural", "потенциала госслужащих", `госслужащий="госслужащих"@21`},
		{"upper-case heading", "АКАДЕМИЯ ГОСУПРАВЛЕНИЯ ПРИ ПРЕЗИДЕНТЕ РК", `Академия госуправления при Президенте РК="АКАДЕМИЯ ГОСУПРАВЛЕНИЯ ПРИ ПРЕЗИДЕНТЕ РК"@0`},
		{"empty", "", ``},
		{"no terms", "Сегодня в Алматы", ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hitsString(g.Match(tt.text)); got != tt.want {
				t.Errorf("Match(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestMatchOffsets(t *testing.T) {
	g := New(Seed("en"))
	text := "Семинар организован Астанинским хабом госслужбы, ДЭСВ ООН, ПРООН при поддержке Академии госуправления при Президенте РК."
	for _, h := range g.Match(text) {
		if text[h.Start:h.End] != h.Form {
			t.Errorf("hit %q: offsets %d..%d give %q", h.Term.Source, h.Start, h.End, text[h.Start:h.End])
		}
	}
}

func TestNilAndEmptyGlossary(t *testing.T) {
	var g *Glossary
	if hits := g.Match("ООН"); hits != nil {
		t.Errorf("nil glossary: %v", hits)
	}
	if hits := New(nil).Match("ООН"); hits != nil {
		t.Errorf("empty glossary: %v", hits)
	}
}

func TestNewCopiesTerms(t *testing.T) {
	terms := []Term{{Source: "ООН", Target: "UN", Forbidden: []string{"U.N."}}}
	g := New(terms)
	terms[0].Target = "changed"
	terms[0].Forbidden[0] = "changed"
	h := g.Match("ООН")
	if len(h) != 1 || h[0].Term.Target != "UN" || h[0].Term.Forbidden[0] != "U.N." {
		t.Errorf("glossary changed with its input: %+v", h)
	}
}

func TestStem(t *testing.T) {
	tests := map[string]string{
		"повестка": "повестк", "повестки": "повестк", "повестку": "повестк", "повесткой": "повестк",
		"госуправление": "госуправлен", "госуправления": "госуправлен", "госуправлением": "госуправлен",
		"академия": "академ", "академии": "академ", "академией": "академ",
		"дня": "дня", "хаба": "хаб", "хаб": "хаб", "2030": "2030", "vuca": "vuca",
		"устойчивого": "устойчив", "устойчивое": "устойчив",
	}
	for word, want := range tests {
		if got := word[:stemLen([]byte(word))]; got != want {
			t.Errorf("stem(%q) = %q, want %q", word, got, want)
		}
	}
}
