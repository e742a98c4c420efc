package qa_test

import (
	"fmt"

	"tilmash/internal/glossary"
	"tilmash/internal/qa"
)

// The server checks every saved translation: it matches the glossary of the
// language pair in the source and passes the hits along.
func ExampleCheck() {
	g := glossary.New(glossary.Seed("en"))
	source := "С 27 по 29 ноября пройдет семинар ПРООН?"
	findings := qa.Check(qa.Input{
		Source: source,
		Target: "From 72 to 29 November, a UNPD seminar will be held.",
		Lang:   "en",
		Terms:  g.Match(source),
	})
	for _, f := range findings {
		fmt.Printf("%s %s: %s\n", f.Severity, f.ID, f.Message)
	}
	fmt.Println("blocks approval:", qa.Blocking(findings))
	// Output:
	// error number-changed: The number "27" in the source appears as "72" in the target.
	// warning sentence-end: The source ends with "?" but the target ends with ".".
	// error glossary-forbidden: The target uses "UNPD", which the glossary forbids for "ПРООН"; use "UNDP".
	// warning glossary-missing: The glossary gives "UNDP" for "ПРООН", but the target does not contain it.
	// blocks approval: true
}
