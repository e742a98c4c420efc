package locale

import (
	"maps"
	"strings"

	"tilmash/internal/i18n"
	"tilmash/internal/qa"
	"tilmash/internal/segment"
)

// Note is a quality finding or a source warning in words for a person: in
// the interface's language, or in English (Lang "en") when the interface has
// no wording for it yet.
type Note struct {
	Severity string
	Text     string
	Lang     string // "" in the page's language
}

// findingMessage is the message id that words a quality finding, chosen by
// its check and by which values it carries (qa documents them per check).
func findingMessage(f qa.Finding) string {
	a := f.Args
	switch f.ID {
	case qa.IDEmpty:
		return "check.empty"
	case qa.IDNumberMissing:
		return "check.number_missing"
	case qa.IDNumberChanged:
		return "check.number_changed"
	case qa.IDNumberExtra:
		return "check.number_extra"
	case qa.IDSentenceEnd:
		switch {
		case a["target_mark"] == "":
			return "check.end_missing"
		case a["source_mark"] == "":
			return "check.end_extra"
		}
		return "check.end_differs"
	case qa.IDBrackets:
		if a["problem"] == "unopened" {
			return "check.bracket_unopened"
		}
		return "check.bracket_unclosed"
	case qa.IDSpaces:
		switch a["where"] {
		case "start":
			return "check.space_start"
		case "end":
			return "check.space_end"
		}
		return "check.space_double"
	case qa.IDUntranslated:
		return "check.untranslated"
	case qa.IDLength:
		if a["side"] == "short" {
			return "check.length_short"
		}
		return "check.length_long"
	case qa.IDLengthExtreme:
		return "check.length_extreme"
	case qa.IDGlossaryForbidden:
		return "check.glossary_forbidden"
	case qa.IDGlossaryMissing:
		return "check.glossary_missing"
	case qa.IDScript:
		switch {
		case a["words"] != "":
			return "check.script_words"
		case a["expected"] != "":
			return "check.script_letter"
		}
		return "check.script_word"
	case qa.IDScriptWhole:
		return "check.script_whole"
	case qa.IDScriptMixed:
		if a["words"] != "" {
			return "check.mixed_words"
		}
		return "check.mixed_letter"
	case qa.IDArabicLetters:
		return "check.arabic_letter"
	case qa.IDBidi:
		return "check.bidi"
	case qa.IDAddressMissing:
		return "check.address_missing"
	case qa.IDAddressChanged:
		return "check.address_changed"
	case qa.IDInvisible:
		return "check.invisible"
	case qa.IDAddressExtra:
		return "check.address_extra"
	case qa.IDRepeatedWord:
		if a["count"] != "1" {
			return "check.repeated_words"
		}
		return "check.repeated_word"
	case qa.IDQuotesAdded:
		if a["source_count"] == "0" {
			return "check.quotes_added"
		}
		return "check.quotes_more"
	}
	return ""
}

// hygieneMessage is the message id that words a source warning.
func hygieneMessage(kind string) string {
	switch kind {
	case segment.KindCombiningMark:
		return "warning.combining_mark"
	case segment.KindMissingSpace:
		return "warning.missing_space"
	case segment.KindMixedScript:
		return "warning.mixed_script"
	case segment.KindDoubleSpace:
		return "warning.double_space"
	case segment.KindUnbalancedQuotes:
		return "warning.unbalanced_quotes"
	case segment.KindInvisible:
		return "warning.invisible"
	}
	return ""
}

// Finding words a quality finding in l's language.
func Finding(l *i18n.Localizer, f qa.Finding) Note {
	return worded(l, string(f.Severity), findingMessage(f), localDecimals(l.Tag(), f.Args), f.Message)
}

// decimalArgs are the finding values that are decimal numbers (the length
// check's ratios), written by qa with a decimal point.
var decimalArgs = []string{"ratio", "low", "high"}

// localDecimals returns args with the decimal numbers written with the
// interface language's decimal separator: a comma in ru and kk ("0,60").
// args itself is not changed.
func localDecimals(lang string, args map[string]string) map[string]string {
	if decimalSeparator(lang) == "." {
		return args
	}
	var out map[string]string
	for _, k := range decimalArgs {
		v, ok := args[k]
		if !ok || !isDecimal(v) {
			continue
		}
		if out == nil {
			out = maps.Clone(args)
		}
		out[k] = strings.Replace(v, ".", decimalSeparator(lang), 1)
	}
	if out == nil {
		return args
	}
	return out
}

// decimalSeparator is the decimal separator of an interface language.
func decimalSeparator(lang string) string {
	switch lang {
	case "ru", "kk":
		return ","
	}
	return "."
}

// isDecimal reports whether s is digits, one point and digits ("0.60").
func isDecimal(s string) bool {
	whole, frac, ok := strings.Cut(s, ".")
	return ok && whole != "" && frac != "" && strings.Trim(whole, "0123456789") == "" && strings.Trim(frac, "0123456789") == ""
}

// Warning words a source warning in l's language.
func Warning(l *i18n.Localizer, w segment.Warning) Note {
	return worded(l, "warning", hygieneMessage(w.Kind), w.Args, w.Message)
}

func worded(l *i18n.Localizer, severity, id string, args map[string]string, english string) Note {
	if id != "" {
		if text, ok := l.Lookup(id, args); ok {
			return Note{Severity: severity, Text: text}
		}
	}
	return Note{Severity: severity, Text: english, Lang: "en"}
}
