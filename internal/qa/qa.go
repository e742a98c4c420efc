// Package qa checks a translated segment against its Russian source: numbers,
// punctuation, brackets, spaces, length, glossary terms, letters of the wrong
// script, stray bidi controls and other invisible characters, and e-mail and
// web addresses, words typed twice and quotation marks the source does not
// have. Which checks run and how they judge is
// data in a per-language profile table; unknown languages get a generic
// profile. The package is pure.
package qa

import (
	"strings"

	"tilmash/internal/glossary"
)

// Severity tells whether a finding blocks approval.
type Severity string

// Severities. Errors block approval unless a reviewer overrides them with a
// reason; warnings are shown and never block.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one problem a check found in a translation. Message is an
// English sentence; Args carries the values it interpolates, so an interface
// can phrase the finding in its own language. The keys per ID:
//
//	ID                   Args keys
//	empty                (none)
//	number-missing       number
//	number-changed       number, found
//	number-extra         number
//	sentence-end         source_mark, target_mark (either may be absent: no closing punctuation)
//	brackets             mark, context, problem ("unclosed" or "unopened"); source_count and
//	                     target_count when the source has unpaired marks of the same kind too
//	spaces               where ("start", "end" or "inside"); count and context for "inside"
//	untranslated         (none)
//	length, length-extreme
//	                     ratio, target_length, source_length, low, high, language,
//	                     side ("long" or "short"); glossary ("yes") when terms were counted
//	glossary-forbidden   variant, term, rendering
//	glossary-missing     rendering, form
//	script               count; with one word: word, script, language, and letter, letter_code
//	                     (and expected, expected_code for a look-alike) when the word mixes
//	                     scripts; with several: words, script, language
//	script-whole         count (Latin words), total (words), language, script
//	script-mixed         count; with one word: word, letter, letter_code, and expected,
//	                     expected_code for a look-alike; with several: words
//	arabic-letters       count, letter, letter_code, expected, expected_code, language; with one
//	                     word: word; with several: words
//	bidi                 code_point, name, context (absent at the start), problem ("in-ltr",
//	                     "override", "unopened", "unclosed", "inside-word" or "doubled")
//	address-missing      kind ("e-mail address" or "web address"), address
//	address-changed      kind, address, found
//	address-extra        kind, address
//	repeated-word        word, count (how many repetitions), context
//	quotes-added         source_count, target_count (pairs of quotation marks)
//	invisible            code_point, name, count, context
//
// Numbers are written in decimal without grouping; ratios with two decimals;
// word lists as the message shows them.
type Finding struct {
	ID       string            `json:"id"`
	Severity Severity          `json:"severity"`
	Message  string            `json:"message"`
	Args     map[string]string `json:"args,omitempty"`
}

// Input is a segment to check: the Russian source, the translation, the
// target language tag and the glossary hits of the source.
type Input struct {
	Source, Target, Lang string
	Terms                []glossary.Hit
}

// Finding IDs. They are stable: the editor and the API clients key on them.
const (
	IDEmpty             = "empty"              // the target is empty
	IDNumberMissing     = "number-missing"     // a number of the source is not in the target
	IDNumberChanged     = "number-changed"     // a number of the source appears altered
	IDNumberExtra       = "number-extra"       // the target has a number the source lacks
	IDSentenceEnd       = "sentence-end"       // the final ?, !, … or . differs
	IDBrackets          = "brackets"           // unbalanced quotes or brackets
	IDSpaces            = "spaces"             // leading, trailing or double spaces
	IDUntranslated      = "untranslated"       // the target equals the source
	IDLength            = "length"             // the length ratio is unusual for the language
	IDLengthExtreme     = "length-extreme"     // the target is far too long for the language (a paste)
	IDGlossaryForbidden = "glossary-forbidden" // a forbidden rendering of a term is used
	IDGlossaryMissing   = "glossary-missing"   // a term's required rendering is missing
	IDScript            = "script"             // letters of a script the language does not use
	IDScriptMixed       = "script-mixed"       // a word mixes scripts (Latin look-alikes in Cyrillic)
	IDScriptWhole       = "script-whole"       // a Cyrillic- or Arabic-script target written mostly in Latin words
	IDArabicLetters     = "arabic-letters"     // Arabic vs Persian letter forms wrong for the language
	IDBidi              = "bidi"               // stray or misplaced bidi control characters
	IDAddressMissing    = "address-missing"    // an e-mail or web address of the source is not in the target
	IDAddressChanged    = "address-changed"    // an e-mail or web address of the source appears altered
	IDInvisible         = "invisible"          // invisible characters (zero-width space, soft hyphen, tab...)
	IDAddressExtra      = "address-extra"      // the target has an e-mail or web address the source lacks
	IDRepeatedWord      = "repeated-word"      // a word typed twice in a row ("в в")
	IDQuotesAdded       = "quotes-added"       // the target has more pairs of quotation marks than the source
)

// severities is the default severity of each finding ID.
var severities = map[string]Severity{
	IDEmpty:             Warning,
	IDNumberMissing:     Error,
	IDNumberChanged:     Error,
	IDNumberExtra:       Warning,
	IDSentenceEnd:       Warning,
	IDBrackets:          Warning,
	IDSpaces:            Warning,
	IDUntranslated:      Warning,
	IDLength:            Warning,
	IDLengthExtreme:     Error,
	IDGlossaryForbidden: Error,
	IDGlossaryMissing:   Warning,
	IDScript:            Error,
	IDScriptMixed:       Error,
	IDScriptWhole:       Warning, // a warning: Kazakh, say, may be written in its Latin alphabet one day
	IDArabicLetters:     Error,
	IDBidi:              Warning,
	IDAddressMissing:    Error,
	IDAddressChanged:    Error,
	IDInvisible:         Warning,
	IDAddressExtra:      Warning, // like an extra number: may be a deliberate addition
	IDRepeatedWord:      Warning, // "had had", Dari "کم کم" are correct
	IDQuotesAdded:       Warning,
}

// SeverityOf returns the severity findings with the given ID carry.
func SeverityOf(id string) Severity {
	if s, ok := severities[id]; ok {
		return s
	}
	return Warning
}

// check is one entry of the check registry.
type check struct {
	name string
	run  func(c *checker)
}

// registry lists the checks in the order their findings are reported.
var registry = []check{
	{"numbers", checkNumbers},
	{"sentence-end", checkSentenceEnd},
	{"brackets", checkBrackets},
	{"spaces", checkSpaces},
	{"untranslated", checkUntranslated},
	{"length", checkLength},
	{"glossary", checkGlossary},
	{"script", checkScript},
	{"arabic-letters", checkArabicLetters},
	{"bidi", checkBidi},
	{"addresses", checkAddresses},
	{"invisible", checkInvisible},
	{"repeated-word", checkRepeatedWords},
	{"quotes", checkQuotes},
}

// checker carries one Check call's input, profile and findings.
type checker struct {
	in  Input
	p   *profile
	out []Finding

	// Scratch shared by the checks, so a Check call allocates little.
	words      []span // the target's words, see targetWords
	wordsDone  bool
	folded     foldedWords // the target folded for glossary matching
	phrase     foldedWords // a glossary phrase being looked for
	phraseAbbr []bool
}

// targetWords returns the words of the target, split once per Check.
func (c *checker) targetWords() []span {
	if !c.wordsDone {
		c.words = words(c.in.Target, make([]span, 0, len(c.in.Target)/6+4))
		c.wordsDone = true
	}
	return c.words
}

// add records a finding; kv are the Args as key, value pairs.
func (c *checker) add(id, message string, kv ...string) {
	var args map[string]string
	if len(kv) > 1 {
		args = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			args[kv[i]] = kv[i+1]
		}
	}
	c.addArgs(id, message, args)
}

// addArgs records a finding with its Args.
func (c *checker) addArgs(id, message string, args map[string]string) {
	c.out = append(c.out, Finding{ID: id, Severity: SeverityOf(id), Message: message, Args: args})
}

// Check runs every check configured for in.Lang and returns the findings in a
// stable order: by check, then by position in the target. An empty target
// yields only an IDEmpty warning.
func Check(in Input) []Finding {
	c := checker{in: in, p: profileFor(in.Lang)}
	if strings.TrimSpace(in.Target) == "" {
		c.add(IDEmpty, "The target is empty.")
		return c.out
	}
	for _, ch := range registry {
		if c.p.runs(ch.name) {
			ch.run(&c)
		}
	}
	return c.out
}

// Blocking reports whether any finding is an error.
func Blocking(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}
