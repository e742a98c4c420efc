package glossary_test

import (
	"fmt"

	"tilmash/internal/glossary"
)

func ExampleGlossary_Match() {
	g := glossary.New([]glossary.Term{
		{Source: "Повестка дня", Target: "Agenda"},
		{Source: "Академия госуправления при Президенте РК", Target: "Academy of Public Administration under the President of the Republic of Kazakhstan"},
		{Source: "ООН", Target: "UN"},
	})
	for _, h := range g.Match("вице-ректор Академии госуправления при Президенте РК о Повестке дня ПРООН и ООН") {
		fmt.Printf("%d-%d %q → %s\n", h.Start, h.End, h.Form, h.Term.Target)
	}
	// Output:
	// 22-98 "Академии госуправления при Президенте РК" → Academy of Public Administration under the President of the Republic of Kazakhstan
	// 102-125 "Повестке дня" → Agenda
	// 140-146 "ООН" → UN
}
