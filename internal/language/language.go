// Package language is the one place that knows which languages Tilmash works
// with and how a language tag is validated and written.
package language

import (
	"strings"

	xlang "golang.org/x/text/language"

	"tilmash/internal/apperr"
)

// Source is the tag of the language documents are written in.
const Source = "ru"

// Direction of writing.
const (
	LTR = "ltr"
	RTL = "rtl"
)

// Language describes one language the service knows.
type Language struct {
	Tag        string // canonical BCP 47
	Name       string // English name
	NativeName string
	Script     string // ISO 15924: Cyrl, Latn, Arab
	Direction  string // ltr or rtl
}

// Seed lists the source and the target languages in the order the delegations
// need them; the store writes them on first start.
func Seed() []Language {
	return []Language{
		{Tag: "ru", Name: "Russian", NativeName: "русский", Script: "Cyrl", Direction: LTR},
		{Tag: "kk", Name: "Kazakh", NativeName: "қазақ тілі", Script: "Cyrl", Direction: LTR},
		{Tag: "en", Name: "English", NativeName: "English", Script: "Latn", Direction: LTR},
		{Tag: "ky", Name: "Kyrgyz", NativeName: "кыргызча", Script: "Cyrl", Direction: LTR},
		{Tag: "tg", Name: "Tajik", NativeName: "тоҷикӣ", Script: "Cyrl", Direction: LTR},
		{Tag: "tk", Name: "Turkmen", NativeName: "türkmençe", Script: "Latn", Direction: LTR},
		{Tag: "uz", Name: "Uzbek", NativeName: "oʻzbekcha", Script: "Latn", Direction: LTR},
		{Tag: "ps", Name: "Pashto", NativeName: "پښتو", Script: "Arab", Direction: RTL},
		{Tag: "fa-AF", Name: "Dari", NativeName: "دری", Script: "Arab", Direction: RTL},
		{Tag: "ar", Name: "Arabic", NativeName: "العربية", Script: "Arab", Direction: RTL},
		{Tag: "nl", Name: "Dutch", NativeName: "Nederlands", Script: "Latn", Direction: LTR},
	}
}

// Canonical validates a BCP 47 tag and returns it in canonical case
// ("FA-af" → "fa-AF"). Unknown-to-us but well-formed tags are accepted here;
// whether the service works with the language is the catalogue's question.
func Canonical(tag string) (string, error) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return "", apperr.New(apperr.Invalid, "language tag is empty")
	}
	t, err := xlang.Parse(tag)
	if err != nil {
		return "", apperr.New(apperr.Invalid, "unknown language %q: not a BCP 47 language tag", tag)
	}
	return t.String(), nil
}

// DirectionOf returns the writing direction for a tag, using the script CLDR
// expects when the catalogue does not list the tag.
func DirectionOf(tag string) string {
	for _, l := range Seed() {
		if l.Tag == tag {
			return l.Direction
		}
	}
	t, err := xlang.Parse(tag)
	if err != nil {
		return LTR
	}
	script, _ := t.Script()
	switch script.String() {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg":
		return RTL
	}
	return LTR
}
