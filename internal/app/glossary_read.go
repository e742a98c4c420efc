package app

import (
	"io"

	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/language"
	"tilmash/internal/xmltext"
)

// Glossary file formats ReadGlossary takes.
const (
	GlossaryCSV = "csv"
	GlossaryTBX = "tbx"
)

// ReadGlossary reads a glossary file of the ru→lang terms in format, for
// ImportTerms. A file it cannot read is an apperr.Invalid naming where; one
// that is well formed but holds a character XML cannot carry is
// apperr.Unprocessable, as for every other input.
func ReadGlossary(r io.Reader, format, lang string) ([]glossary.Term, error) {
	var terms []glossary.Term
	var err error
	switch format {
	case GlossaryCSV:
		terms, err = glossary.ReadCSV(r)
	case GlossaryTBX:
		terms, err = glossary.ReadTBX(r, language.Source, lang)
	default:
		return nil, apperr.New(apperr.Invalid, "format must be csv or tbx")
	}
	if err == nil {
		return terms, nil
	}
	if _, ok := apperr.As(err); ok {
		return nil, err
	}
	code := apperr.Invalid
	if xmltext.IsCharError(err) {
		code = apperr.Unprocessable // text Tilmash cannot store, in a well-formed file otherwise
	}
	return nil, apperr.New(code, "%v", err)
}
